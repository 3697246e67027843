import { addMonths } from "date-fns/addMonths";
import { endOfMonth } from "date-fns/endOfMonth";
import { addDays, fromDate, isLocalDate, toDate, yearOf } from "../domain/periods.ts";
import type { LocalDate } from "../domain/types.ts";
import { shown } from "./text.ts";

// Dates as staff type them on a phone. A month-day without a year (12-15,
// 12月15日) takes the year that makes sense for the field:
//  - "future" fields (截止, 期限): this year, unless that day is more than 6
//    months in the past, then next year (in November, 03-01 is next March;
//    06-01 is this June, already overdue).
//  - "past" fields (到位日期, 阶段日期): this year, unless that day is more
//    than 6 months in the future, then last year (in January, 12-15 is last
//    December).
// A bare weekday (周五) is the next one on or after today for "future" fields
// and the last one on or before today for "past" fields; 本周五 / 下周五 /
// 上周五 are days of this / next / last calendar week (Monday to Sunday).

export type DateLean = "future" | "past";
export type DateParse = { ok: true; date: LocalDate } | { ok: false; problem: string };

export const DATE_FORMS = "12-15、12/15、12月15日、2026-12-15、2026/12/15、2026年12月15日，或 今天、明天、后天、下周一、月底、+7、7天后";

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_RELATIVE_DAYS = 3650;

const FULL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_DAY = /^(\d{1,2})[-/.月](\d{1,2})[日号]?$/;
const PLUS_DAYS = /^\+(\d{1,5})(?:天|日)?$/;
const DAYS_LATER = /^(\d{1,5})(?:天|日)(?:后|以后|之后)$/;
const DAYS_AGO = /^(\d{1,5})(?:天|日)(?:前|以前|之前)$/;
const WEEKDAY = /^(上|本|这|下)?(?:周|星期|礼拜)([一二三四五六日天1-7])$/;

const NAMED: Record<string, number> = {
  今天: 0, 今日: 0, today: 0,
  明天: 1, 明日: 1, tomorrow: 1,
  后天: 2, 大后天: 3,
  昨天: -1, 昨日: -1, yesterday: -1, 前天: -2,
};
const WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;

/** Monday = 1 … Sunday = 7. */
function weekday(date: LocalDate): number {
  return ((toDate(date).getDay() + 6) % 7) + 1;
}

/**
 * One date in any accepted shape. `label` names the field in the message
 * (截止, 到位日期 …); the message lists the accepted shapes.
 */
export function parseDateText(text: string, today: LocalDate, lean: DateLean, label: string): DateParse {
  const s = text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  const bad = (why: string): DateParse => ({ ok: false, problem: `${label}“${shown(text)}”${why}` });
  const unreadable = bad(`无法识别：请写成 ${DATE_FORMS}`);
  if (s === "") return bad(`为空：请写成 ${DATE_FORMS}`);

  const shift = (n: number): DateParse =>
    Math.abs(n) > MAX_RELATIVE_DAYS
      ? bad(`离今天太远（超过 ${MAX_RELATIVE_DAYS} 天）：请直接写日期，例如 2027-06-30`)
      : { ok: true, date: addDays(today, n) };
  if (NAMED[s] !== undefined) return shift(NAMED[s]);
  const plus = PLUS_DAYS.exec(s) ?? DAYS_LATER.exec(s);
  if (plus) return shift(Number(plus[1]));
  const ago = DAYS_AGO.exec(s);
  if (ago) return shift(-Number(ago[1]));
  if (s === "月底") return { ok: true, date: fromDate(endOfMonth(toDate(today))) };
  if (s === "年底") return { ok: true, date: `${today.slice(0, 4)}-12-31` };

  const wk = WEEKDAY.exec(s);
  if (wk) {
    const target = WEEKDAY_NUMBER[wk[2]!] ?? Number(wk[2]);
    const offset = target - weekday(today);
    if (wk[1] === "下") return { ok: true, date: addDays(today, offset + 7) };
    if (wk[1] === "上") return { ok: true, date: addDays(today, offset - 7) };
    if (wk[1] === "本" || wk[1] === "这") return { ok: true, date: addDays(today, offset) };
    if (lean === "future") return { ok: true, date: addDays(today, offset >= 0 ? offset : offset + 7) };
    return { ok: true, date: addDays(today, offset <= 0 ? offset : offset - 7) };
  }

  const full = FULL.exec(s) ?? COMPACT.exec(s);
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    const date = ymd(y, m, d);
    if (!isLocalDate(date)) return bad(`不存在（月或日超出范围）：请核对后重写，例如 2026-12-15`);
    if (y < MIN_YEAR || y > MAX_YEAR) return bad(`的年份不合理：请核对年份，例如 2026-12-15`);
    return { ok: true, date };
  }

  const md = MONTH_DAY.exec(s);
  if (md) {
    const [m, d] = [Number(md[1]), Number(md[2])];
    if (m < 1 || m > 12 || d < 1 || d > 31) return bad(`不存在（月或日超出范围）：请核对后重写，例如 12-15`);
    const year = yearFor(m, d, today, lean);
    const date = ymd(year, m, d);
    if (!isLocalDate(date)) return bad(`不存在：${year} 年没有这一天，请核对后重写，例如 ${year}-${pad(m)}-28`);
    return { ok: true, date };
  }
  return unreadable;
}

/** Year for a month-day per the 6-month rule above; 02-29 is placed as if 02-28 and then checked. */
function yearFor(m: number, d: number, today: LocalDate, lean: DateLean): number {
  const year = yearOf(today);
  // 02-29 in a common year is compared as 02-28; the caller then checks the day exists in the chosen year.
  const probe = isLocalDate(ymd(year, m, d)) ? ymd(year, m, d) : ymd(year, m, 28);
  if (lean === "future") {
    const limit = fromDate(addMonths(toDate(today), -6));
    return probe < limit ? year + 1 : year;
  }
  const limit = fromDate(addMonths(toDate(today), 6));
  return probe > limit ? year - 1 : year;
}
