import {
  addDays,
  formatQuarter,
  formatWeek,
  isLocalDate,
  parseQuarter,
  parseWeek,
  previousWeek,

  quarterRange,
  weekOf,
  weekRange,
  yearRange,
  previousQuarter,
} from "../domain/periods.ts";
import type { LocalDate } from "../domain/types.ts";

/** The period a report covers, resolved from the operator's options and today's date. */
export interface ReportPeriod {
  kind: "week" | "quarter" | "year";
  /** 2026-W47, 2026-Q3 or 2026. */
  label: string;
  start: LocalDate;
  end: LocalDate;
  /** The day the figures are computed as of: the period's end, or today if that is earlier. */
  asOf: LocalDate;
  /** The comparison point for "change since last time" (↑2, ↓1). */
  previousAsOf: LocalDate;
  /** True when the period is not over yet on asOf. */
  partial: boolean;
}

export interface PeriodOptions {
  week?: string;
  quarter?: string;
  year?: string;
  asOf?: string;
}

export class PeriodError extends Error {}

function min(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

export function resolvePeriod(opts: PeriodOptions, today: LocalDate): ReportPeriod {
  const given = [opts.week, opts.quarter, opts.year].filter(Boolean).length;
  if (given > 1) throw new PeriodError("--week、--quarter、--year 只能选一个。例如：--week 2026-W47");
  if (opts.asOf !== undefined && !isLocalDate(opts.asOf))
    throw new PeriodError(`--as-of “${opts.asOf}” 不是有效日期，请写成 YYYY-MM-DD，例如 --as-of 2026-11-20`);
  const cap = opts.asOf ?? today;

  if (opts.quarter) {
    const q = parseQuarter(opts.quarter);
    if (!q) throw new PeriodError(`--quarter “${opts.quarter}” 无法识别，请写成 2026-Q3（Q1 至 Q4）`);
    const r = quarterRange(q);
    const asOf = min(r.end, cap);
    return { kind: "quarter", label: formatQuarter(q), ...r, asOf, previousAsOf: quarterRange(previousQuarter(q)).end, partial: asOf < r.end };
  }
  if (opts.year) {
    if (!/^\d{4}$/.test(opts.year)) throw new PeriodError(`--year “${opts.year}” 无法识别，请写成四位年份，例如 --year 2026`);
    const r = yearRange(Number(opts.year));
    const asOf = min(r.end, cap);
    return { kind: "year", label: opts.year, ...r, asOf, previousAsOf: addDays(asOf, -7), partial: asOf < r.end };
  }
  let week;
  if (opts.week) {
    week = parseWeek(opts.week);
    if (!week) throw new PeriodError(`--week “${opts.week}” 无法识别，请写成 2026-W47（ISO 周，1 至 52/53）`);
  } else {
    // Default: the latest week that has ended by the as-of day (on Monday
    // morning that is "last week", what the 调度会 discusses).
    const current = weekOf(cap);
    week = weekRange(current).end === cap ? current : previousWeek(current);
  }
  const r = weekRange(week);
  const asOf = opts.week ? min(r.end, cap) : r.end;
  return { kind: "week", label: formatWeek(week), ...r, asOf, previousAsOf: addDays(r.end, -7), partial: asOf < r.end };
}


