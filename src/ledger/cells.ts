import { MAX_WAN, parseMoneyWan } from "../domain/money.ts";
import { isLocalDate } from "../domain/periods.ts";
import { textLimitProblem, type LimitedField } from "../domain/text-limits.ts";
import type { LocalDate } from "../domain/types.ts";

// Reading one cell, whatever the operator's spreadsheet made of it: Excel
// gives numbers, dates, rich text and formula results; CSV gives text. Each
// parser returns either the value or a Chinese reason that shows the right
// way to write it; the caller adds sheet, row and column.

/** A cell as the readers hand it over (exceljs objects already unwrapped). */
export type LedgerCell = string | number | boolean | Date | { error: string } | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const HOW_DATE = "请写成 2026-11-20、2026/11/20、2026.11.20 或 2026年11月20日，或使用 Excel 的日期格式单元格";
const HOW_MONEY = "本列以万元为单位，请填写整数，例如 3000；也可写 3000万、2.5亿";
const MIN_YEAR = 1980;
const MAX_YEAR = 2100;

/** Trims, counting the full-width space (U+3000) as a space. */
export function cleanText(s: string): string {
  return s.replace(/\u3000/g, " ").trim();
}

export function isBlank(cell: LedgerCell): boolean {
  return cell === null || (typeof cell === "string" && cleanText(cell) === "");
}

function errorCell(cell: LedgerCell): string | null {
  if (cell !== null && typeof cell === "object" && !(cell instanceof Date)) {
    return `单元格是错误值 ${cell.error}（多为公式出错）：请改为直接填写内容`;
  }
  return null;
}

/** 'YYYY-MM-DD' from an Excel date cell, which exceljs gives as a Date at UTC midnight. */
export function localDateOfCell(d: Date): LocalDate {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** The Date an Excel date cell must hold to show `date` (UTC midnight: exceljs writes serials in UTC). */
export function dateCellOf(date: LocalDate): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** parseText within the length limit every way in shares (domain/text-limits.ts). */
export function limitedText(field: LimitedField): (cell: LedgerCell) => Parsed<string> {
  return (cell) => {
    const text = parseText(cell);
    if (!text.ok) return text;
    const problem = textLimitProblem(field, text.value);
    return problem ? bad(problem) : text;
  };
}

export function parseText(cell: LedgerCell): Parsed<string> {
  const err = errorCell(cell);
  if (err) return bad(err);
  if (cell === null) return ok("");
  if (typeof cell === "string") return ok(cleanText(cell));
  if (typeof cell === "number") return ok(String(cell));
  if (typeof cell === "boolean") return ok(cell ? "是" : "否");
  return ok(localDateOfCell(cell as Date));
}

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

function checkedDate(date: string, shown: string): Parsed<LocalDate> {
  if (!isLocalDate(date)) return bad(`日期“${shown}”不存在（月或日超出范围）：请核对后重写，${HOW_DATE.slice(1)}`);
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return bad(`日期“${shown}”的年份不合理：请核对年份，${HOW_DATE.slice(1)}`);
  return ok(date);
}

// A ledger repeats the same few hundred days across 200,000 rows: each text is
// checked once (the results are never mutated, so they can be shared).
const datesSeen = new Map<string, Parsed<LocalDate | null>>();

/** A day, from a date cell or from text in one of the four accepted shapes; null when blank. */
export function parseDate(cell: LedgerCell): Parsed<LocalDate | null> {
  if (typeof cell !== "string") return parseDateCell(cell);
  let r = datesSeen.get(cell);
  if (!r) {
    if (datesSeen.size >= 10_000) datesSeen.clear();
    datesSeen.set(cell, (r = parseDateCell(cell)));
  }
  return r;
}

function parseDateCell(cell: LedgerCell): Parsed<LocalDate | null> {
  const err = errorCell(cell);
  if (err) return bad(err);
  if (isBlank(cell)) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad(`日期无法识别：${HOW_DATE}`);
    const date = localDateOfCell(cell);
    return checkedDate(date, date);
  }
  if (typeof cell === "number") return bad(`“${cell}”是数字而不是日期：${HOW_DATE}`);
  const shown = String(cell).trim();
  // NFKC folds full-width digits and punctuation; inner spaces ("2026年 3月 1日") are dropped.
  const s = shown.normalize("NFKC").replace(/\s+/g, "");
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) return checkedDate(`${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`, shown);
  }
  return bad(`日期“${shown}”无法识别：${HOW_DATE}`);
}

/** Integer 万元 from a number cell or money text (3000万, 2.5亿); null when blank. */
export function parseMoney(cell: LedgerCell): Parsed<number | null> {
  const err = errorCell(cell);
  if (err) return bad(err);
  if (isBlank(cell)) return ok(null);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return bad(`金额无法识别：${HOW_MONEY}`);
    if (cell < 0) return bad(`金额“${cell}”不能为负数：${HOW_MONEY}`);
    if (!Number.isInteger(cell)) return bad(`金额“${cell}”不是整数万元：${HOW_MONEY}`);
    if (cell > MAX_WAN) return bad(`金额“${cell}”超过 100,000亿，请检查是否多写了零：${HOW_MONEY}`);
    return ok(cell);
  }
  if (typeof cell !== "string") return bad(`金额无法识别（单元格不是数字）：${HOW_MONEY}`);
  const r = parseMoneyWan(cleanText(cell));
  return r.ok ? ok(r.wan) : bad(r.error);
}

/** A count of projects: a whole number ≥ 0; null when blank. */
export function parseCount(cell: LedgerCell): Parsed<number | null> {
  const err = errorCell(cell);
  if (err) return bad(err);
  if (isBlank(cell)) return ok(null);
  const how = "请填写不小于 0 的整数（个数），例如 2";
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 0 ? ok(cell) : bad(`“${cell}”不是整数个数：${how}`);
  const s = String(cell).normalize("NFKC").trim().replace(/个$/, "");
  return /^\d{1,6}$/.test(s) ? ok(Number(s)) : bad(`“${String(cell).trim()}”不是整数个数：${how}`);
}

export function parseYear(cell: LedgerCell): Parsed<number | null> {
  const err = errorCell(cell);
  if (err) return bad(err);
  if (isBlank(cell)) return ok(null);
  const s = (typeof cell === "number" ? String(cell) : String(cell)).normalize("NFKC").trim().replace(/年$/, "");
  const year = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (year >= 2000 && year <= MAX_YEAR) return ok(year);
  return bad(`目标年度“${String(cell).trim()}”无法识别：请填写四位年份，例如 2026`);
}

/** One of a fixed set: the Chinese label, or the code itself. */
export function parseChoice<C extends string>(cell: LedgerCell, labels: Record<C, string>, what: string): Parsed<C | null> {
  const text = parseText(cell);
  if (!text.ok) return text;
  if (text.value === "") return ok(null);
  const s = text.value.normalize("NFKC").replace(/\s+/g, "");
  for (const [code, label] of Object.entries(labels) as [C, string][]) {
    if (s === label || s.toUpperCase() === code) return ok(code);
  }
  const allowed = Object.values<string>(labels).map((l) => `“${l}”`).join("、");
  return bad(`${what}“${text.value}”无法识别：请填写 ${allowed} 之一`);
}

/** Names joined by 、 (also accepts ，,;； and line breaks); duplicates dropped. */
export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[、，,;；\r\n]+/).map(cleanText).filter(Boolean))];
}

/** Ids joined by 、 (ids have no spaces, so spaces separate too). */
function splitIds(text: string): string[] {
  return [...new Set(text.split(/[、，,;；\s]+/).filter(Boolean))];
}

const SLACK_USER_ID = /^[UW][A-Z0-9_]+$/;
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]+$/;

export function parseUserIds(cell: LedgerCell): Parsed<string[]> {
  const text = parseText(cell);
  if (!text.ok) return text;
  const ids = splitIds(text.value.normalize("NFKC"));
  const wrong = ids.find((id) => !SLACK_USER_ID.test(id));
  if (wrong) {
    return bad(
      `“${wrong}”不是 Slack 用户 ID：请填写以 U 开头的成员 ID（Slack 个人资料 → 更多 → 复制成员 ID，如 U04ABCDE12），多个用“、”分隔`,
    );
  }
  return ok(ids);
}

export function parseUserId(cell: LedgerCell): Parsed<string | null> {
  const ids = parseUserIds(cell);
  if (!ids.ok) return ids;
  if (ids.value.length > 1) return bad("这里只能填写一个 Slack 用户 ID：请只保留一个，例如 U04ABCDE12");
  return ok(ids.value[0] ?? null);
}

export function parseChannelId(cell: LedgerCell): Parsed<string | null> {
  const text = parseText(cell);
  if (!text.ok) return text;
  const s = text.value.normalize("NFKC");
  if (s === "") return ok(null);
  if (SLACK_CHANNEL_ID.test(s)) return ok(s);
  return bad(`“${text.value}”不是 Slack 频道 ID：请填写以 C 开头的频道 ID（频道详情页最下方可复制，如 C04ABCDE12），不要填频道名`);
}
