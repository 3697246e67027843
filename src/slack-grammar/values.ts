import { parseMoneyWan } from "../domain/money.ts";
import { parseStage, STAGE_LABELS } from "../domain/stages.ts";
import { FOLLOW_ON_CHOICES, parseFollowOnKind } from "../domain/follow-on.ts";
import { isLandWord } from "../domain/land-milestone.ts";
import type { FollowOnKind, HealthLight, Origin, Sector, Stage } from "../domain/types.ts";
import { cleanValue, fold, shown } from "./text.ts";
import type { PersonRef, ProjectRef } from "./types.ts";

// Reading one value. Each parser returns the value or a Chinese problem that
// names the field (`label`), quotes what was typed and says how to write it.

export type Value<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Value<T> => ({ ok: true, value });
const bad = <T>(problem: string): Value<T> => ({ ok: false, problem });

/** Database ids are 32-bit; a longer number is a typo, not a project. */
const MAX_ID = 2_147_483_647;
const MAX_TEXT = 500;

export const STAGE_CHOICES = Object.values(STAGE_LABELS).join("、");

export function parseId(digits: string, what: string, example: string): Value<number> {
  const id = Number(digits);
  if (!/^\d{1,10}$/.test(digits) || id < 1 || id > MAX_ID) return bad(`${what}“${shown(digits)}”不存在：编号是正整数，例如 ${example}`);
  return ok(id);
}

/** `#12` / `＃１２` → id. null when the word is not written as an id at all (then it is part of a name). */
export function parseIdRef(word: string): Value<ProjectRef> | null {
  const s = word.normalize("NFKC").trim();
  if (!s.startsWith("#")) return null;
  const m = /^#\s*(\d+)$/.exec(s);
  if (!m) return bad(`项目编号“${shown(word)}”无法识别：请写成 # 加数字，例如 #12`);
  const id = parseId(m[1]!, "项目编号", "#12");
  return id.ok ? ok({ kind: "id", id: id.value }) : id;
}

/** Free text: trimmed, Slack entities decoded, Chinese punctuation kept. Empty only when written as "" and `allowEmpty`. */
export function parseText(raw: string, quoted: boolean, label: string, example: string, allowEmpty = false): Value<string> {
  const text = cleanValue(raw);
  if (text === "" && !(quoted && allowEmpty)) {
    const clear = allowEmpty ? `；要清空请写 ${label}=""` : "";
    return bad(`${label}没有填写内容：请在等号后写上内容，例如 ${example}${clear}`);
  }
  if (Array.from(text).length > MAX_TEXT) return bad(`${label}太长（超过 ${MAX_TEXT} 字）：请精简后再写，例如 ${example}`);
  return ok(text);
}

/** Names joined by 、 or commas (配合单位). */
export function parseNameList(raw: string, label: string, example: string): Value<string[]> {
  const text = parseText(raw, false, label, example);
  if (!text.ok) return text;
  const names = [...new Set(text.value.split(/[、，,;；]+/).map((n) => n.trim()).filter(Boolean))];
  return names.length ? ok(names) : bad(`${label}没有填写内容：多个用“、”分隔，例如 ${example}`);
}

export function parseStageValue(raw: string, label: string): Value<Stage> {
  const stage = parseStage(raw);
  if (stage) return ok(stage);
  // 拿地 used to be read as 开工; it is a milestone now, recorded with 更新 only.
  if (isLandWord(raw)) return bad(`“拿地”不是阶段，是开工拿地节点的里程碑：请用 /project 更新 #编号 拿地=11-20 登记（阶段不变）`);
  return bad(`${label}“${shown(raw)}”无法识别：请填写 ${STAGE_CHOICES} 之一，例如 ${label}=签约`);
}

/** 未来订单 类型: 增资扩产、二期、以商引商. */
export function parseFollowOnKindValue(raw: string, label: string): Value<FollowOnKind> {
  const kind = parseFollowOnKind(raw);
  return kind ? ok(kind) : bad(`${label}“${shown(raw)}”无法识别：请填写 ${FOLLOW_ON_CHOICES} 之一，例如 ${label}=增资扩产`);
}

/** 协议资金, 产值: parseMoneyWan's own message already says how to write it. */
export function parseMoneyValue(raw: string, label: string): Value<number> {
  const r = parseMoneyWan(raw);
  return r.ok ? ok(r.wan) : bad(`${label}：${r.error}`);
}

/** A fund entry: `+500万` or `500万`; more than zero, never negative (entries are only ever added). */
export function parseFundsAmount(raw: string, label: string, example: string): Value<number> {
  const s = raw.normalize("NFKC").trim();
  if (/^[-−–]/.test(s)) {
    return bad(`${label}“${shown(raw)}”不能为负数：到位资金按笔累加，只登记新到账的金额，例如 ${example}；录错的记录请联系管理员更正`);
  }
  const r = parseMoneyWan(s.replace(/^\+\s*/, ""));
  if (!r.ok) return bad(`${label}：${r.error}`);
  if (r.wan === 0) return bad(`${label}不能为 0：请写本次到账的金额，例如 ${example}`);
  return ok(r.wan);
}

const ORIGIN_WORDS: Record<string, Origin> = {
  市外: "OUTSIDE_CITY",
  区外市内: "IN_CITY_OUTSIDE_DISTRICT",
  市内区外: "IN_CITY_OUTSIDE_DISTRICT",
  区内: "IN_DISTRICT",
  outsidecity: "OUTSIDE_CITY",
  incityoutsidedistrict: "IN_CITY_OUTSIDE_DISTRICT",
  indistrict: "IN_DISTRICT",
};

export function parseOrigin(raw: string, label: string): Value<Origin> {
  const o = ORIGIN_WORDS[fold(raw)];
  return o ? ok(o) : bad(`${label}“${shown(raw)}”无法识别：请填写 市外、区外市内 或 区内，例如 ${label}=市外`);
}

const SECTOR_WORDS: Record<string, Sector> = { 工业: "INDUSTRY", industry: "INDUSTRY", 服务业: "SERVICE", 服务: "SERVICE", service: "SERVICE" };

export function parseSector(raw: string, label: string): Value<Sector> {
  const s = SECTOR_WORDS[fold(raw)];
  return s ? ok(s) : bad(`${label}“${shown(raw)}”无法识别：请填写 工业 或 服务业，例如 ${label}=工业`);
}

const LIGHT_WORDS: Record<string, HealthLight> = {
  红: "RED", 红灯: "RED", red: "RED", "🔴": "RED",
  黄: "YELLOW", 黄灯: "YELLOW", yellow: "YELLOW", "🟡": "YELLOW",
  绿: "GREEN", 绿灯: "GREEN", green: "GREEN", "🟢": "GREEN",
};

export function lightOf(raw: string): HealthLight | null {
  return LIGHT_WORDS[fold(raw)] ?? null;
}

export function parseLight(raw: string, label: string): Value<HealthLight> {
  const l = lightOf(raw);
  return l ? ok(l) : bad(`${label}“${shown(raw)}”无法识别：请填写 红、黄 或 绿，例如 ${label}=红`);
}

/** `<@U123>` / `<@U123|name>` as Slack sends mentions; also a bare member id (U04ABCDE12). */
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const BARE_ID = /^[UW][A-Z0-9]{6,}$/;

export function mentionId(word: string): string | null {
  const s = word.trim();
  const m = MENTION.exec(s) ?? BARE_ID.exec(s);
  if (!m) return null;
  return m[1] ?? m[0];
}

const MENTION_HOW = "请在输入框里打 @ 并从列表中选择成员，多人用空格或“、”分隔";

/** 责任人: one or more Slack members. */
export function parseUsers(raw: string, label: string): Value<string[]> {
  const parts = raw.split(/[\s、，,;；]+/).filter(Boolean);
  if (!parts.length) return bad(`${label}没有填写：${MENTION_HOW}，例如 ${label}=<@U04ABCDE12>`);
  const ids: string[] = [];
  for (const p of parts) {
    const id = mentionId(p);
    if (!id) return bad(`${label}“${shown(p)}”不是 Slack 成员：${MENTION_HOW}，例如 ${label}=@王小峡 @张莉`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ok(ids);
}

/** 负责人 of a 督办 item: a Slack member, or the name of someone not in Slack. */
export function parsePerson(raw: string, quoted: boolean, label: string): Value<PersonRef> {
  const text = parseText(raw, quoted, label, `${label}=@王小峡`);
  if (!text.ok) return text;
  const id = mentionId(text.value);
  if (id) return ok({ kind: "user", userId: id });
  if (text.value.startsWith("<@")) return bad(`${label}“${shown(text.value)}”只能写一个人：${MENTION_HOW}，例如 ${label}=@王小峡`);
  return ok({ kind: "name", text: text.value });
}
