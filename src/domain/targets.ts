import { dayOfYear, yearOf } from "./periods.ts";
import type { LocalDate } from "./types.ts";

// Target completion next to the share of the year that has passed (SPEC
// "Rates"), so a leader sees at a glance who is behind pace.

export type Pace = "AHEAD" | "ON_PACE" | "BEHIND";

export const PACE_LABELS: Record<Pace, string> = { AHEAD: "超进度", ON_PACE: "符合进度", BEHIND: "落后进度" };

/** Share of the year elapsed including asOf itself: 01-01 → 1/365, 12-31 → 1. */
export function yearShareElapsed(asOf: LocalDate): number {
  const y = yearOf(asOf);
  const days = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
  return dayOfYear(asOf) / days;
}

/** achieved / target; null when there is no target (0), so "no target" is not shown as 0%. */
export function completion(achieved: number, target: number): number | null {
  return target > 0 ? achieved / target : null;
}

/**
 * Compare completion with the elapsed share. `tolerance` widens ON_PACE to
 * share ± tolerance (default 0: exactly on the line is ON_PACE).
 */
export function paceStatus(completion: number, yearShare: number, tolerance = 0): Pace {
  if (completion < yearShare - tolerance) return "BEHIND";
  if (completion > yearShare + tolerance) return "AHEAD";
  return "ON_PACE";
}
