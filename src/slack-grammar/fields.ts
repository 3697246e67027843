import { BLOCKER_KIND_LABELS, blockerKindList, blockerKindOf, parseBlockerInput } from "../domain/blockers.ts";
import type { LocalDate } from "../domain/types.ts";
import { isLandWord } from "../domain/land-milestone.ts";
import { parseDateText } from "./dates.ts";
import type { Item } from "./items.ts";
import { fold, shown, editDistance } from "./text.ts";
import type { SubcommandName } from "./types.ts";
import {
  mentionId,
  parseFollowOnKindValue,
  parseFundsAmount,
  parseLight,
  parseMoneyValue,
  parseNameList,
  parseOrigin,
  parsePerson,
  parseSector,
  parseStageValue,
  parseText,
  parseUsers,
  type Value,
} from "./values.ts";

// The key=value fields each subcommand accepts: canonical Chinese key,
// English aliases, how the value is read and where it goes in the result.
// Aliases are per subcommand, so `note` is 进展 in 更新 but 说明 in 到位/销号.

export type FieldKind =
  | "text"
  | "names"
  | "stage"
  | "money"
  | "funds"
  | "futureDate"
  | "pastDate"
  | "origin"
  | "sector"
  | "users"
  | "person"
  | "light"
  | "blocker"
  | "yes"
  | "blockerKind"
  | "stageOrLand"
  | "followOnKind";

export interface FieldDef {
  key: string;
  aliases: string[];
  kind: FieldKind;
  /** Property of the result the value goes to. */
  prop: string;
  example: string;
  /** Update only: `key=""` (or 截止=无) clears the value. */
  clearable?: boolean;
}

const f = (key: string, aliases: string[], kind: FieldKind, prop: string, example: string, clearable = false): FieldDef => ({
  key,
  aliases,
  kind,
  prop,
  example,
  clearable,
});

const PROJECT_FIELDS: FieldDef[] = [
  f("名称", ["name"], "text", "name", '名称="锂电池 二期"'),
  f("投资方", ["investor"], "text", "investor", "投资方=宁德时代"),
  f("阶段", ["stage"], "stage", "stage", "阶段=签约"),
  f("进展", ["progress", "note"], "text", "progress", '进展="已完成土地摘牌"'),
  f("下一步", ["next"], "text", "nextStep", '下一步="签订投资协议"', true),
  f("截止", ["due", "deadline"], "futureDate", "due", "截止=12-15", true),
  f("问题", ["堵点", "问题堵点", "blockers", "issue"], "text", "blockers", '问题="用地指标未落实"', true),
  // 卡点=用地:… sets the text and its kind at once (readValue gives both).
  f("卡点", ["blocker", "要素制约"], "blocker", "blockers", "卡点=用地:土地指标未落实"),
  f("堵点类型", ["卡点类型", "要素类别", "blocker_kind"], "blockerKind", "blockerKind", "堵点类型=用地", true),
  f("堵点单位", ["卡点单位", "blocker_unit"], "text", "blockerUnit", "堵点单位=区发改委", true),
  f("协议资金", ["agreed", "investment"], "money", "agreedWan", "协议资金=25亿"),
  f("产值", ["output"], "money", "outputWan", "产值=50亿"),
  f("来源", ["origin"], "origin", "origin", "来源=市外"),
  // 产业类别 (工业/服务业), never 项目等级 (重大/较大…, derived): "类别" stays as an alias.
  f("产业类别", ["类别", "行业", "sector"], "sector", "sector", "产业类别=工业"),
  f("工作组", ["group"], "text", "group", "工作组=新能源组"),
  f("牵头单位", ["lead"], "text", "leadUnit", "牵头单位=高新区"),
  f("配合单位", ["co", "cooperating"], "names", "coUnits", "配合单位=区发改委、区商务委"),
  f("落地单位", ["landing"], "text", "landingUnit", "落地单位=临港经济区"),
  f("产业链", ["chain"], "text", "industryChain", "产业链=新能源", true),
  f("包联领导", ["leader"], "text", "leader", "包联领导=张三", true),
  f("责任人", ["owner", "users"], "users", "responsibleUserIds", "责任人=@王小峡"),
];

/** `阶段=拿地` in 更新 records the 拿地 milestone; parseUpdate turns this value into `landOn`. */
export const LAND_STAGE_VALUE = "__LAND__";

const UPDATE_ONLY: FieldDef[] = [
  f("拿地", ["land", "拿地日期", "land_date"], "pastDate", "landOn", "拿地=11-20", true),
  f("原因", ["reason"], "text", "reason", '原因="投资方调整计划"'),
  f("阶段日期", ["stage_date"], "pastDate", "stageDate", "阶段日期=11-20"),
  f("到位", ["funds"], "funds", "fundsWan", "到位=+3000万"),
  f("到位日期", ["funds_date", "date"], "pastDate", "fundsDate", "到位日期=11-20"),
  // Confirms a stage jump over several stages (domain/stages.ts needsJumpConfirmation).
  f("确认", ["confirm"], "yes", "confirmJump", "确认=是"),
];

const NOTE = f("说明", ["note", "备注", "remark", "进展", "progress"], "text", "note", '说明="已解决"');

export const FIELD_TABLES: Record<SubcommandName, FieldDef[]> = {
  new: PROJECT_FIELDS,
  update: [...PROJECT_FIELDS.map((d) => (d.key === "阶段" ? { ...d, kind: "stageOrLand" as const } : d)), ...UPDATE_ONLY],
  followOn: [f("类型", ["kind", "type", "未来订单类型"], "followOnKind", "kind", "类型=增资扩产"), ...PROJECT_FIELDS],
  show: [],
  list: [
    f("工作组", ["group"], "text", "group", "工作组=新能源组"),
    f("阶段", ["stage"], "stage", "stage", "阶段=签约"),
    f("灯", ["light", "红黄绿灯", "health"], "light", "light", "灯=红"),
  ],
  funds: [
    f("到位", ["funds", "金额", "amount"], "funds", "amountWan", "到位=+500万"),
    f("到位日期", ["funds_date", "date", "日期"], "pastDate", "date", "到位日期=11-20"),
    NOTE,
  ],
  supervise: [
    f("事项", ["issue", "问题"], "text", "issue", '事项="土地指标未落实"'),
    f("责任人", ["owner", "负责人"], "person", "owner", "责任人=@王小峡"),
    f("期限", ["deadline", "截止", "due"], "futureDate", "deadline", "期限=12-31"),
  ],
  close: [NOTE],
  feedback: [f("内容", ["content", "说明", "note", "进展"], "text", "note", '内容="已完成用地预审"')],
  request: [NOTE],
  return: [f("理由", ["reason", "原因", "说明", "note"], "text", "note", '理由="批复文件尚未下达"')],
  extend: [
    f("期限", ["deadline", "截止", "due"], "futureDate", "deadline", "期限=12-31"),
    f("理由", ["reason", "原因", "说明", "note"], "text", "note", '理由="等待市级批复"'),
  ],
  unstarted: [f("工作组", ["group"], "text", "group", "工作组=新材料")],
  stalled: [f("工作组", ["group"], "text", "group", "工作组=新能源组")],
  rank: [],
  digest: [],
  decide: [
    f("事项", ["matter", "issue", "决定"], "text", "matter", '事项="协调解决土地指标"'),
    f("责任单位", ["unit"], "text", "unit", "责任单位=区规划自然资源局"),
    f("责任人", ["owner", "负责人"], "person", "owner", "责任人=@王小峡"),
    f("期限", ["deadline", "时限", "截止", "due"], "futureDate", "deadline", "期限=12-31"),
  ],
  adjourn: [],
  help: [],
};

const ALL_KEYS = new Set(Object.values(FIELD_TABLES).flatMap((t) => t.flatMap((d) => [d.key, ...d.aliases].map(fold))));

/** Any subcommand's key, in any alias (decides whether `x:y` is a field or text). */
export function isKnownKey(folded: string): boolean {
  return ALL_KEYS.has(folded);
}

export function findField(table: FieldDef[], key: string): FieldDef | undefined {
  const k = fold(key);
  return table.find((d) => fold(d.key) === k || d.aliases.some((a) => fold(a) === k));
}

/** `阶段(stage)、进展(progress) …` */
export function describeKeys(table: FieldDef[]): string {
  return table.map((d) => (d.aliases.some((a) => /^[a-z_]+$/.test(a)) ? `${d.key}(${d.aliases.find((a) => /^[a-z_]+$/.test(a))})` : d.key)).join("、");
}

/** The unknown key and a guess at the intended one; the caller lists the valid keys once per message. */
function unknownKey(key: string, table: FieldDef[], commandZh: string): string {
  const k = fold(key);
  if (!table.length) return `“${commandZh}”不需要字段，“${shown(key)}”无法使用`;
  const len = Array.from(k).length;
  const close = len < 2 ? undefined : table.find((d) => [d.key, ...d.aliases].some((a) => editDistance(k, fold(a)) <= (len <= 3 ? 1 : 2)));
  const guess = close ? `，是不是想写“${close.key}”？例如 ${close.example}` : "";
  return isKnownKey(k) ? `“${shown(key)}”不能用于“${commandZh}”${guess}` : `不认识的字段“${shown(key)}”${guess}`;
}

export type FieldItem = Extract<Item, { kind: "field" }>;

/**
 * Mentions typed after `责任人=` with spaces (`责任人=<@U1> <@U2>`) belong to
 * that field rather than being stray words.
 */
export function absorbMentions(items: Item[], table: FieldDef[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    const lastDef = last?.kind === "field" ? findField(table, last.key) : undefined;
    if (item.kind === "free" && last?.kind === "field" && lastDef?.kind === "users" && mentionId(item.text)) {
      out[out.length - 1] = { ...last, value: `${last.value} ${item.text}`, raw: `${last.raw} ${item.raw}` };
    } else out.push(item);
  }
  return out;
}

export interface Applied {
  values: Record<string, unknown>;
  /** Canonical keys given, in order. */
  given: Set<string>;
  problems: string[];
  /** Some key was not one of this subcommand's: the message should list the valid ones. */
  unknownKeys: boolean;
}

/** Reads every field against the subcommand's table, collecting all problems instead of stopping at the first. */
export function applyFields(fields: FieldItem[], table: FieldDef[], command: SubcommandName, commandZh: string, today: LocalDate): Applied {
  const out: Applied = { values: {}, given: new Set(), problems: [], unknownKeys: false };
  for (const item of fields) {
    const def = findField(table, item.key);
    if (!def) {
      out.problems.push(unknownKey(item.key, table, commandZh));
      out.unknownKeys = table.length > 0;
      continue;
    }
    if (out.given.has(def.key)) {
      out.problems.push(`“${def.key}”写了两次：每个字段只写一次，例如 ${def.example}`);
      continue;
    }
    const sameProp = table.find((d) => d.key !== def.key && d.prop === def.prop && out.given.has(d.key));
    if (sameProp) {
      out.problems.push(`“${sameProp.key}”和“${def.key}”写的是同一项：只写一处，例如 ${def.example}`);
      continue;
    }
    // 卡点 carries its kind: it cannot be given with 堵点类型 as well.
    const kindTwice = (def.kind === "blocker" && out.given.has("堵点类型")) || (def.kind === "blockerKind" && out.given.has("卡点"));
    if (kindTwice) {
      out.problems.push(`“卡点”已写明类别，不要再写“堵点类型”：例如 卡点=用地:土地指标未落实，或 问题="土地指标未落实" 堵点类型=用地`);
      continue;
    }
    out.given.add(def.key);
    const clearing = command === "update" && def.clearable === true;
    const r = readValue(def, item, clearing, today);
    if (!r.ok) out.problems.push(r.problem);
    else if (def.kind === "blocker") Object.assign(out.values, r.value as { blockers: string; blockerKind: string });
    else out.values[def.prop] = r.value;
  }
  return out;
}

function readValue(def: FieldDef, item: FieldItem, clearing: boolean, today: LocalDate): Value<unknown> {
  const { value, quoted } = item;
  const label = def.key;
  const empty = value.trim() === "";
  if (empty && !(clearing && quoted)) {
    const clear = clearing ? `；要清空请写 ${label}=""` : "";
    return { ok: false, problem: `${label}没有填写内容：请紧跟等号写上，例如 ${def.example}${clear}` };
  }
  switch (def.kind) {
    case "text":
      return parseText(value, quoted, label, def.example, clearing);
    case "names":
      return parseNameList(value, label, def.example);
    case "stage":
      return parseStageValue(value, label);
    case "stageOrLand":
      return isLandWord(value) ? { ok: true, value: LAND_STAGE_VALUE } : parseStageValue(value, label);
    case "followOnKind":
      return parseFollowOnKindValue(value, label);
    case "money":
      return parseMoneyValue(value, label);
    case "funds":
      return parseFundsAmount(value, label, def.example);
    case "origin":
      return parseOrigin(value, label);
    case "sector":
      return parseSector(value, label);
    case "light":
      return parseLight(value, label);
    case "blocker": {
      // One kind per project (Project.blockerKind): several parts must share it.
      const b = parseBlockerInput(value);
      if (!b.ok) return { ok: false, problem: b.problem };
      const kinds = [...new Set(b.blockers.map((x) => x.kind))];
      if (kinds.length > 1) {
        return { ok: false, problem: `卡点只能填一个类别，这里写了${kinds.map((k) => BLOCKER_KIND_LABELS[k]).join("、")}：请填最主要的一项，例如 卡点=用地:土地指标未落实` };
      }
      return { ok: true, value: { blockers: b.blockers.map((x) => x.text).join("；"), blockerKind: kinds[0] } };
    }
    case "blockerKind": {
      if (clearing && (empty || ["无", "none", "清空"].includes(value.trim()))) return { ok: true, value: null };
      const kind = blockerKindOf(value);
      return kind ? { ok: true, value: kind } : { ok: false, problem: `${label}“${shown(value)}”无法识别：可选 ${blockerKindList()}，例如 ${def.example}` };
    }
    case "users":
      return parseUsers(value, label);
    case "yes": {
      const v = fold(value.trim());
      if (["是", "yes", "y", "确认", "true"].includes(v)) return { ok: true, value: true };
      if (["否", "no", "n", "false"].includes(v)) return { ok: true, value: false };
      return { ok: false, problem: `${label}只能写“是”或“否”，例如 ${def.example}` };
    }
    case "person":
      return parsePerson(value, quoted, label);
    case "futureDate":
    case "pastDate": {
      if (clearing && (empty || ["无", "none", "清空"].includes(value.trim()))) return { ok: true, value: null };
      const d = parseDateText(value, today, def.kind === "futureDate" ? "future" : "past", label);
      if (!d.ok) return { ok: false, problem: d.problem };
      if (def.kind === "pastDate" && d.date > today) {
        return { ok: false, problem: `${label}“${shown(value)}”（${d.date}）晚于今天：只能记录已经发生的日期，例如 ${def.example}` };
      }
      return { ok: true, value: d.date };
    }
  }
}
