import { dayOfYear, yearOf } from "./periods.ts";
import type { Rules } from "./rules.ts";
import type { LocalDate } from "./types.ts";

// Target completion next to 序时进度, the share of the annual target due by
// the day (SPEC "Rates"): linear in the year, or between the checkpoints the
// district set (seed 002: 30% by the end of May...), so a leader sees at a
// glance who is behind.

export type Pace = "AHEAD" | "ON_PACE" | "BEHIND";

const daysInYear = (y: number) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);

/** Share of the year elapsed including asOf itself: 01-01 → 1/365, 12-31 → 1. */
export function yearShareElapsed(asOf: LocalDate): number {
  return dayOfYear(asOf) / daysInYear(yearOf(asOf));
}

export type Checkpoint = Rules["pace"]["checkpoints"][number];

/**
 * 序时进度 on asOf: linear from the start of the year to the first checkpoint,
 * between checkpoints, and from the last one to 100% on 12-31. A checkpoint's
 * own day is exactly its share. Without checkpoints: yearShareElapsed.
 */
export function paceShare(asOf: LocalDate, checkpoints: readonly Checkpoint[] = []): number {
  const y = yearOf(asOf);
  const points: Array<[number, number]> = [[0, 0]];
  for (const c of checkpoints) points.push([dayOfYear(`${y}-${c.day}`), c.share]);
  const end = daysInYear(y);
  if (points[points.length - 1]![0] < end) points.push([end, 1]);
  const d = dayOfYear(asOf);
  for (let i = 1; i < points.length; i++) {
    const [d0, s0] = points[i - 1]!;
    const [d1, s1] = points[i]!;
    if (d <= d1) return s0 + ((s1 - s0) * (d - d0)) / (d1 - d0);
  }
  return 1;
}

/** achieved / target; null when there is no target (0), so "no target" is not shown as 0%. */
export function completion(achieved: number, target: number): number | null {
  return target > 0 ? achieved / target : null;
}

/** Completion minus 序时进度 in percentage points, to one decimal (what the 通报 says, and what the light is decided on). */
export function pointsAgainstPace(completion: number, paceShareNow: number): number {
  return Math.round((completion - paceShareNow) * 1000) / 10;
}

/**
 * BEHIND only more than `tolerancePoints` below 序时进度 (exactly that many is
 * not yet behind), AHEAD more than that above, ON_PACE in between.
 */
export function paceStatus(completion: number, paceShareNow: number, tolerancePoints = 0): Pace {
  const pts = pointsAgainstPace(completion, paceShareNow);
  if (pts < -tolerancePoints) return "BEHIND";
  if (pts > tolerancePoints) return "AHEAD";
  return "ON_PACE";
}

/** The same day of the previous year (同期): 02-29 becomes 02-28. */
export function sameDayLastYear(asOf: LocalDate): LocalDate {
  const y = yearOf(asOf) - 1;
  const md = asOf.slice(5);
  if (md === "02-29") return `${y}-02-28`;
  return `${y}-${md}`;
}
