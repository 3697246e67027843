// One file per function: the date-fns index loads all of its ~250 modules.
import { addDays as addDaysFns } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { endOfQuarter } from "date-fns/endOfQuarter";
import { format } from "date-fns/format";
import { getDayOfYear } from "date-fns/getDayOfYear";
import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import { getISOWeeksInYear } from "date-fns/getISOWeeksInYear";
import { getQuarter } from "date-fns/getQuarter";
import { isValid } from "date-fns/isValid";
import { setISOWeek } from "date-fns/setISOWeek";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { startOfQuarter } from "date-fns/startOfQuarter";
import type { LocalDate } from "./types.ts";

// Calendar periods over LocalDate strings. LocalDates are already in the
// district's zone, so they are handled as plain local-midnight Dates (instants
// become district days in local-day.ts).
// Parsers return null on bad input (callers word the refusal in context).

export interface IsoWeek {
  year: number;
  week: number;
}
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}
export interface DateRange {
  start: LocalDate;
  end: LocalDate;
}

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isLocalDate(text: string): boolean {
  if (!LOCAL_DATE_RE.test(text)) return false;
  const d = toDate(text);
  return isValid(d) && format(d, "yyyy-MM-dd") === text;
}

/** Local-midnight Date for a LocalDate; throws on malformed input (a programming error). */
export function toDate(date: LocalDate): Date {
  const m = LOCAL_DATE_RE.exec(date);
  if (!m) throw new Error(`Invalid LocalDate: ${date}`);
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // new Date(y, m, d) maps years 0–99 onto 1900+; setFullYear undoes that.
  d.setFullYear(Number(m[1]));
  return d;
}

export function fromDate(d: Date): LocalDate {
  return format(d, "yyyy-MM-dd");
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDate(addDaysFns(toDate(date), n));
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function dayOfYear(date: LocalDate): number {
  return getDayOfYear(toDate(date));
}

export function yearRange(year: number): DateRange {
  const y = String(year).padStart(4, "0");
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

export function inRange(date: LocalDate, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

// ---- ISO weeks ----

/** "2026-W47" (also "2026W47", lower-case w) → {year, week}; null if the week does not exist that year. */
export function parseWeek(text: string): IsoWeek | null {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  return { year, week };
}

/** 52 or 53. Jan 4 always lies in ISO week 1 of its own year. */
export function isoWeeksInYear(year: number): number {
  return getISOWeeksInYear(toDate(`${String(year).padStart(4, "0")}-01-04`));
}

export function weekRange(w: IsoWeek): DateRange {
  const jan4 = toDate(`${String(w.year).padStart(4, "0")}-01-04`);
  const monday = startOfISOWeek(setISOWeek(jan4, w.week));
  return { start: fromDate(monday), end: fromDate(addDaysFns(monday, 6)) };
}

export function weekOf(date: LocalDate): IsoWeek {
  const d = toDate(date);
  return { year: getISOWeekYear(d), week: getISOWeek(d) };
}

export function formatWeek(w: IsoWeek): string {
  return `${w.year}-W${String(w.week).padStart(2, "0")}`;
}

export function previousWeek(w: IsoWeek): IsoWeek {
  return weekOf(addDays(weekRange(w).start, -7));
}

// ---- quarters ----

export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-?Q([1-4])$/i.exec(text.trim());
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter["quarter"] };
}

export function quarterRange(q: Quarter): DateRange {
  const first = toDate(`${String(q.year).padStart(4, "0")}-${String((q.quarter - 1) * 3 + 1).padStart(2, "0")}-01`);
  return { start: fromDate(startOfQuarter(first)), end: fromDate(endOfQuarter(first)) };
}

export function quarterOf(date: LocalDate): Quarter {
  return { year: yearOf(date), quarter: getQuarter(toDate(date)) as Quarter["quarter"] };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter["quarter"] };
}
