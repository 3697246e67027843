import holidayData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { addDays, toDate, weekOf, weekRange, yearOf } from "./periods.ts";
import type { LocalDate } from "./types.ts";

// China's working-day calendar (statutory holidays and 调休 make-up days) from
// chinese-days' published offline data. We read its JSON rather than call its
// isWorkday(): that parses 'YYYY-MM-DD' as UTC and reads it back in local time,
// so on a server west of UTC it shifts every date by one day. For a year the
// data does not cover we fall back to Mon–Fri and say so (calendarWarning).

/** Days off (statutory holidays, incl. the weekend days inside them) and make-up workdays. */
const DAYS_OFF: Readonly<Record<string, string>> = holidayData.holidays;
const MAKE_UP_WORKDAYS: Readonly<Record<string, string>> = holidayData.workdays;

const COVERED_YEARS = new Set(Object.keys(DAYS_OFF).map((d) => Number(d.slice(0, 4))));

/** Every covered year has statutory holidays (元旦, 国庆…), so a year with none in the data is not covered. */
export function calendarKnows(year: number): boolean {
  return COVERED_YEARS.has(year);
}

export function isWorkday(date: LocalDate): boolean {
  if (MAKE_UP_WORKDAYS[date] !== undefined) return true;
  if (DAYS_OFF[date] !== undefined) return false;
  const dow = toDate(date).getDay();
  return dow >= 1 && dow <= 5;
}

/** Name of the holiday on that day (e.g. "国庆节"), or null. */
export function holidayName(date: LocalDate): string | null {
  const entry = DAYS_OFF[date];
  return entry === undefined ? null : (entry.split(",")[1] ?? entry);
}

/** `date` itself if it is a workday, else the next one. */
export function nextWorkday(date: LocalDate): LocalDate {
  let d = date;
  // The longest run of days off (春节 with weekends) is well under a month.
  for (let i = 0; i < 60 && !isWorkday(d); i++) d = addDays(d, 1);
  return d;
}

/** The last workday strictly before `date` (the day an agenda goes out before a meeting). */
export function previousWorkday(date: LocalDate): LocalDate {
  let d = addDays(date, -1);
  for (let i = 0; i < 60 && !isWorkday(d); i++) d = addDays(d, -1);
  return d;
}

/** First workday of the ISO week (Mon–Sun) containing the date; null if the whole week is off (e.g. 春节 2026-W08). */
export function firstWorkdayOfWeek(anyDateInWeek: LocalDate): LocalDate | null {
  const { start } = weekRange(weekOf(anyDateInWeek));
  for (let i = 0; i < 7; i++) {
    const d = addDays(start, i);
    if (isWorkday(d)) return d;
  }
  return null;
}

/** Bilingual warning when the holiday data does not cover the date's year; null when it does. */
export function calendarWarning(date: LocalDate): string | null {
  const year = yearOf(date);
  if (calendarKnows(year)) return null;
  return (
    `节假日数据未覆盖 ${year} 年，暂按周一至周五为工作日，法定节假日和调休未计入；请升级 chinese-days。` +
    ` / Holiday data for ${year} is not available; using Monday–Friday as workdays until chinese-days is updated.`
  );
}
