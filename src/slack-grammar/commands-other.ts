import { parseStage } from "../domain/stages.ts";
import type { HealthLight, LocalDate, Stage } from "../domain/types.ts";
import { parseDateText } from "./dates.ts";
import { isBareKey, readFields, refuseParts as refuse, readProjectRef, refuseStray, strayProblem, takeTrailingId, type FreeItem, type Parts } from "./parts.ts";
import { resolveSubcommand } from "./subcommands.ts";
import { cleanValue, fold, shown } from "./text.ts";
import type { CloseTarget, ParseResult, PersonRef } from "./types.ts";
import { lightOf, parseFundsAmount, parseId, type Value } from "./values.ts";

// 到位, 督办, 销号 (one project or item) and the read-only reports.

/** An amount in positional form: `+500万`, `500万`, `1,200`, `2.5亿` (not a date like 11-20 or 2026.11.20). */
function looksLikeAmount(w: FreeItem): boolean {
  const s = w.text.normalize("NFKC").trim();
  if (w.quoted) return false;
  if (/^[+\-−–]/.test(s)) return true;
  if (/^\d{4}[-/.年]/.test(s) || /^\d{1,2}[-/月]/.test(s)) return false;
  return /^\d[\d,.]*(万元|万|亿元|亿|元)?$/.test(s);
}

/** `/project 到位 #7 +500万 [2026-11-20] [说明="…"]`; also 到位= and 到位日期= as fields. */
export function parseFunds(parts: Parts): ParseResult {
  const v = readFields(parts).values as { amountWan?: number; date?: LocalDate; note?: string };
  // A name ends where the amount or a written date begins (`到位 锂电池 二期 500万 11-20`).
  const positional = (w: FreeItem) => looksLikeAmount(w) || (!w.quoted && /\d/.test(w.text) && parseDateText(w.text, parts.today, "past", "").ok);
  const { ref, rest } = readProjectRef(parts, parts.lead, positional);
  const project = ref ?? takeTrailingId(parts);
  let amountWan = v.amountWan;
  let date = v.date;
  // Positional: the amount, then optionally the date; each slot is taken once even when its value is wrong.
  let amountSlot = v.amountWan === undefined;
  let dateSlot = v.date === undefined;
  const extra: FreeItem[] = [];
  const keyAt = rest.findIndex((w) => isBareKey(parts, w));
  for (const w of keyAt < 0 ? rest : rest.slice(0, keyAt)) {
    const amountLike = looksLikeAmount(w);
    if (amountLike && amountSlot) {
      amountSlot = false;
      const a = parseFundsAmount(w.text, "到位金额", "/project 到位 #7 +500万");
      if (a.ok) amountWan = a.value;
      else parts.problems.push(a.problem);
    } else if (amountLike && v.amountWan !== undefined) {
      parts.problems.push(`金额写了两次（“${shown(w.text)}”和 到位=）：只保留一处，例如 ${parts.example}`);
    } else if (!w.quoted && dateSlot) {
      dateSlot = false;
      const d = parseDateText(w.text, parts.today, "past", "到位日期");
      if (!d.ok) parts.problems.push(d.problem);
      else if (d.date > parts.today) parts.problems.push(`到位日期“${shown(w.text)}”（${d.date}）晚于今天：只能登记已经到账的资金，例如 ${parts.example}`);
      else date = d.date;
    } else if (!w.quoted && v.date !== undefined && parseDateText(w.text, parts.today, "past", "到位日期").ok) {
      parts.problems.push(`到位日期写了两次（“${shown(w.text)}”和 到位日期=）：只保留一处，例如 ${parts.example}`);
    } else extra.push(w);
  }
  refuseStray(parts, keyAt < 0 ? extra : [...extra, ...rest.slice(keyAt)]);
  refuseStray(parts, parts.trailing);
  if (parts.problems.length) return refuse(parts);

  const base = { command: "funds" as const, date: date ?? parts.today, ...(v.note !== undefined ? { note: v.note } : {}) };
  if (project === null || amountWan === undefined) {
    return { ok: true, ...base, needsForm: true, project, ...(amountWan !== undefined ? { amountWan } : {}) };
  }
  return { ok: true, ...base, needsForm: false, project, amountWan };
}

/** `/project 督办 #7 事项="土地指标" 责任人=@王小峡 期限=12-31`. */
export function parseSupervise(parts: Parts): ParseResult {
  const v = readFields(parts).values as { issue?: string; owner?: PersonRef; deadline?: LocalDate };
  const { ref, rest } = readProjectRef(parts, parts.lead);
  refuseStray(parts, rest);
  const project = ref ?? takeTrailingId(parts);
  refuseStray(parts, parts.trailing);
  if (parts.problems.length) return refuse(parts);
  const optional = { ...(v.owner ? { owner: v.owner } : {}), ...(v.deadline ? { deadline: v.deadline } : {}) };
  if (project === null || v.issue === undefined) {
    return { ok: true, command: "supervise", needsForm: true, project, ...(v.issue !== undefined ? { issue: v.issue } : {}), ...optional };
  }
  return { ok: true, command: "supervise", needsForm: false, project, issue: v.issue, ...optional };
}

const SUPERVISION_WORD = /^(督办|sup|supervision)(?:#?(\d+))?$/;

/**
 * `/project 销号 督办12 说明="已解决"` closes item 12 (also `督办 12`,
 * `督办#12`); `/project 销号 #7` closes the open item of project 7 (the caller
 * asks which when it has several).
 */
export function parseClose(parts: Parts): ParseResult {
  const v = readFields(parts).values as { note?: string };
  let target: CloseTarget | null = null;
  let rest: FreeItem[] = parts.lead;
  const first = parts.lead[0];
  const m = first && !first.quoted ? SUPERVISION_WORD.exec(fold(first.text)) : null;
  if (m) {
    let digits = m[2];
    rest = parts.lead.slice(1);
    const nextWord = rest[0]?.text.normalize("NFKC").trim() ?? "";
    if (digits === undefined && /^#?\d+$/.test(nextWord)) {
      digits = nextWord.replace("#", "");
      rest = rest.slice(1);
    }
    if (digits === undefined) parts.problems.push(`请写明督办事项的编号，例如 ${parts.example}`);
    else {
      const id: Value<number> = parseId(digits, "督办编号", "督办12");
      if (id.ok) target = { kind: "supervision", id: id.value };
      else parts.problems.push(id.problem);
    }
  } else {
    const r = readProjectRef(parts, parts.lead);
    rest = r.rest;
    const project = r.ref ?? takeTrailingId(parts);
    if (project) target = { kind: "project", project };
  }
  refuseStray(parts, rest);
  refuseStray(parts, parts.trailing);
  if (!target && !parts.problems.length) parts.problems.push("请写明要销号的督办事项编号（督办12），或项目编号（#7）");
  if (parts.problems.length || !target) return refuse(parts);
  return { ok: true, command: "close", target, ...(v.note !== undefined ? { note: v.note } : {}) };
}

const MINE = new Set(["我的", "mine", "my", "我负责的"]);

/** `/project 列表 [工作组=…] [阶段=…] [灯=红] [我的]`; a bare 红/签约/我的 works too. */
export function parseList(parts: Parts): ParseResult {
  const v = readFields(parts).values as { group?: string; stage?: Stage; light?: HealthLight };
  let mine = false;
  for (const w of [...parts.lead, ...parts.trailing]) {
    const light = w.quoted ? null : lightOf(w.text);
    const stage = w.quoted ? null : parseStage(w.text);
    if (!w.quoted && MINE.has(fold(w.text))) mine = true;
    else if (light && v.light === undefined) v.light = light;
    else if (stage && v.stage === undefined) v.stage = stage;
    else {
      parts.problems.push(
        `看不懂“${shown(w.text)}”：列表可以按 工作组=新能源组、阶段=签约、灯=红 筛选，写“我的”只看自己负责的项目；找某个项目请用 /project 查看 名称`,
      );
    }
  }
  if (parts.problems.length) return refuse(parts);
  const filters = { mine, ...(v.group ? { group: v.group } : {}), ...(v.stage ? { stage: v.stage } : {}), ...(v.light ? { light: v.light } : {}) };
  return { ok: true, command: "list", filters };
}

/** `/project 滞后 [工作组=新能源组]`, or the group name alone. */
export function parseStalled(parts: Parts): ParseResult {
  const v = readFields(parts).values as { group?: string };
  const words = [...parts.lead, ...parts.trailing];
  const named = cleanValue(words.map((w) => w.text).join(" "));
  if (named && v.group !== undefined) parts.problems.push(`工作组写了两次（“${shown(named)}”和 工作组=）：只保留一处`);
  if (parts.problems.length) return refuse(parts);
  const group = v.group ?? (named || undefined);
  return { ok: true, command: "stalled", ...(group ? { group } : {}) };
}

const RANK_BY: Record<string, "group" | "unit"> = {
  工作组: "group", 组: "group", 按工作组: "group", 专班: "group", group: "group", groups: "group",
  单位: "unit", 责任单位: "unit", 按单位: "unit", 园区: "unit", 部门: "unit", unit: "unit", units: "unit",
};

/** `/project 排名` (工作组, the default) or `/project 排名 单位`. */
export function parseRank(parts: Parts): ParseResult {
  readFields(parts);
  const words = [...parts.lead, ...parts.trailing];
  const by = words.length === 1 ? RANK_BY[fold(words[0]!.text)] : undefined;
  if (words.length && !by) parts.problems.push(`看不懂“${shown(words.map((w) => w.text).join(" "))}”：排名可以写“工作组”（默认）或“单位”`);
  if (parts.problems.length) return refuse(parts);
  return { ok: true, command: "rank", by: by ?? "group" };
}

export function parseDigest(parts: Parts): ParseResult {
  readFields(parts);
  for (const w of [...parts.lead, ...parts.trailing]) parts.problems.push(strayProblem(parts, w));
  if (parts.problems.length) return refuse(parts);
  return { ok: true, command: "digest" };
}

/** Help never refuses: an unknown topic gets the general help, which lists every subcommand. */
export function parseHelp(parts: Parts): ParseResult {
  const first = parts.lead[0];
  return { ok: true, command: "help", topic: first ? resolveSubcommand(first.text) : null };
}

/** `督办12`, `督办 12`, `督办#12` or a bare `12` at the start of the words: the item's id, and the words after it. */
function readItemRef(parts: Parts): { id: number | null; rest: FreeItem[] } {
  const [first, ...after] = parts.lead;
  if (!first || first.quoted) {
    parts.problems.push(`请写明督办编号，例如 ${parts.example}`);
    return { id: null, rest: parts.lead };
  }
  const m = SUPERVISION_WORD.exec(fold(first.text)) ?? (/^#?(\d+)$/.exec(first.text.normalize("NFKC").trim()) ? ["", "", first.text.normalize("NFKC").trim().replace("#", "")] : null);
  if (!m) {
    parts.problems.push(`“${shown(first.text)}”不是督办编号：请写成 督办12（编号见项目卡片或督办提醒），例如 ${parts.example}`);
    return { id: null, rest: after };
  }
  let digits = m[2];
  let rest = after;
  const nextWord = rest[0]?.text.normalize("NFKC").trim() ?? "";
  if (digits === undefined && /^#?\d+$/.test(nextWord)) {
    digits = nextWord.replace("#", "");
    rest = rest.slice(1);
  }
  if (digits === undefined) {
    parts.problems.push(`请写明督办编号，例如 ${parts.example}`);
    return { id: null, rest };
  }
  const id = parseId(digits, "督办编号", "督办12");
  if (!id.ok) parts.problems.push(id.problem);
  return { id: id.ok ? id.value : null, rest };
}

/** `/project 反馈 督办12 内容…`, `申请销号 督办12 [说明]`, `退回 督办12 理由=…`, `延期 督办12 期限=… 理由=…`. */
export function parseSupervisionStep(parts: Parts): ParseResult {
  const v = readFields(parts).values as { note?: string; deadline?: LocalDate };
  const { id, rest } = readItemRef(parts);
  // Free words after the id are the text (反馈 内容, 申请销号 说明, 退回/延期 理由) when no field gave it.
  const free = [...rest, ...parts.trailing].map((w) => w.text.trim()).filter(Boolean).join(" ");
  if (free && v.note !== undefined) parts.problems.push(`内容写了两次（“${shown(free)}”和字段）：只保留一处，例如 ${parts.example}`);
  const note = cleanValue(v.note ?? free);
  const command = parts.command as "feedback" | "request" | "return" | "extend";
  if (!parts.problems.length) {
    if (command === "feedback" && !note) parts.problems.push(`反馈内容不能为空，例如 ${parts.example}`);
    if (command === "return" && !note) parts.problems.push(`退回须写明理由，例如 ${parts.example}`);
    if (command === "extend" && !note) parts.problems.push(`延期须写明理由，例如 ${parts.example}`);
    if (command === "extend" && v.deadline === undefined) parts.problems.push(`请写明新的期限，例如 ${parts.example}`);
  }
  if (parts.problems.length || id === null) return refuse(parts);
  return { ok: true, command, itemId: id, note, ...(v.deadline !== undefined ? { deadline: v.deadline } : {}) };
}

/** `/project 未开工 [工作组=…]`; a bare group name works too. */
export function parseUnstarted(parts: Parts): ParseResult {
  const v = readFields(parts).values as { group?: string };
  const named = [...parts.lead, ...parts.trailing].map((w) => w.text.trim()).filter(Boolean).join(" ");
  if (parts.problems.length) return refuse(parts);
  const group = v.group ?? (named || undefined);
  return { ok: true, command: "unstarted", ...(group ? { group } : {}) };
}

/** `/project 决定 [#7] 事项=… 责任单位=… 责任人=@… 期限=…`: every field is needed, the project is not. */
export function parseDecide(parts: Parts): ParseResult {
  const v = readFields(parts).values as { matter?: string; unit?: string; owner?: PersonRef; deadline?: LocalDate };
  const { ref, rest } = readProjectRef(parts, parts.lead);
  refuseStray(parts, rest);
  const project = ref ?? takeTrailingId(parts);
  refuseStray(parts, parts.trailing);
  const missing = [v.matter === undefined && "事项", v.unit === undefined && "责任单位", v.owner === undefined && "责任人", v.deadline === undefined && "期限"].filter(Boolean);
  if (missing.length && !parts.problems.length) parts.problems.push(`决定事项还缺少 ${missing.join("、")}`);
  if (parts.problems.length) return refuse(parts);
  return { ok: true, command: "decide", project, matter: v.matter!, unit: v.unit!, owner: v.owner!, deadline: v.deadline! };
}

export function parseAdjourn(parts: Parts): ParseResult {
  readFields(parts);
  for (const w of [...parts.lead, ...parts.trailing]) parts.problems.push(strayProblem(parts, w));
  if (parts.problems.length) return refuse(parts);
  return { ok: true, command: "adjourn" };
}
