import { emptyTally, type Tally } from "../domain/counting.ts";
import { METRICS, type Metric } from "../domain/ranking.ts";
import type { Rules } from "../domain/rules.ts";
import { completion, paceStatus, pointsAgainstPace, type Pace } from "../domain/targets.ts";
import type { Target } from "../domain/types.ts";

// Year-to-date progress of one subject (the district, a group, a unit)
// against its target and 序时进度, beside the same day of last year (同期):
// the one shape every report and rendering reads, so they agree.

export type MetricValues<T> = Record<Metric, T>;

export interface PaceMark {
  status: Pace;
  /** Completion minus 序时进度, in percentage points (one decimal). */
  points: number;
}

export interface Progress {
  achieved: MetricValues<number>;
  /** null: no target set for the year. */
  target: MetricValues<number> | null;
  completion: MetricValues<number | null>;
  pace: MetricValues<PaceMark | null>;
  /** The same figures as the store knew them on the same day last year; null when not asked for. */
  lastYear: MetricValues<number> | null;
  /** The "其中：非工业" part of 协议资金, with its own completion when a sub-target is set. */
  nonIndustry: { achieved: number; target: number | null; completion: number | null; lastYear: number | null };
}

export function metricOf(t: Pick<Tally, "agreedWan" | "arrivedWan" | "majorCount" | "largeCount" | "keyCount">): MetricValues<number> {
  return { agreed: t.agreedWan, arrived: t.arrivedWan, major: t.majorCount, large: t.largeCount, key: t.keyCount };
}

export function progressOf(tally: Tally, target: Target | undefined, lastYear: Tally | null, paceShare: number, rules: Rules): Progress {
  const achieved = metricOf(tally);
  const goal = target ? metricOf(target) : null;
  const completionOf = {} as MetricValues<number | null>;
  const pace = {} as MetricValues<PaceMark | null>;
  for (const m of METRICS) {
    const c = goal ? completion(achieved[m], goal[m]) : null;
    completionOf[m] = c;
    pace[m] = c === null ? null : { status: paceStatus(c, paceShare, rules.pace.tolerancePoints), points: pointsAgainstPace(c, paceShare) };
  }
  const subTarget = target?.nonIndustryAgreedWan ?? null;
  return {
    achieved,
    target: goal,
    completion: completionOf,
    pace,
    lastYear: lastYear ? metricOf(lastYear) : null,
    nonIndustry: {
      achieved: tally.nonIndustryAgreedWan,
      target: subTarget,
      completion: subTarget === null ? null : completion(tally.nonIndustryAgreedWan, subTarget),
      lastYear: lastYear ? lastYear.nonIndustryAgreedWan : null,
    },
  };
}

/** The sum of several tallies (the district as the sum of its units' credits). */
export function sumTallies(tallies: Iterable<Tally>): Tally {
  const out = emptyTally();
  for (const t of tallies) for (const k of Object.keys(out) as (keyof Tally)[]) out[k] += t[k];
  return out;
}

/**
 * The district's target for the year: its own (a target with neither unit
 * nor group) when set, else the sum of its units' targets (the parks' and
 * departments' tables overlap, so the sum overstates the goal: set the
 * district's own).
 */
export function districtTarget(targets: Target[], year: number): { target: Target | undefined; source: "district" | "units" | "none" } {
  const own = targets.find((t) => t.year === year && t.unitId === null && t.groupId === null);
  if (own) return { target: own, source: "district" };
  const units = targets.filter((t) => t.year === year && t.unitId !== null);
  if (!units.length) return { target: undefined, source: "none" };
  const sum: Target = { year, unitId: null, groupId: null, majorCount: 0, largeCount: 0, keyCount: 0, agreedWan: 0, arrivedWan: 0, nonIndustryAgreedWan: null };
  for (const t of units) {
    sum.majorCount += t.majorCount;
    sum.largeCount += t.largeCount;
    sum.keyCount += t.keyCount;
    sum.agreedWan += t.agreedWan;
    sum.arrivedWan += t.arrivedWan;
    if (t.nonIndustryAgreedWan != null) sum.nonIndustryAgreedWan = (sum.nonIndustryAgreedWan ?? 0) + t.nonIndustryAgreedWan;
  }
  return { target: sum, source: "units" };
}

/** One row of a per-group or per-unit table. */
export interface SubjectProgress extends Progress {
  id: number;
  name: string;
  /** GROUP, PARK or DEPARTMENT. */
  kind: string;
}

export function subjectRows(
  subjects: Array<{ id: number; name: string; kind: string }>,
  tallies: Map<number, Tally>,
  lastYear: Map<number, Tally> | null,
  targetOf: (id: number) => Target | undefined,
  paceShare: number,
  rules: Rules,
): SubjectProgress[] {
  return subjects.map((s) => ({
    ...s,
    ...progressOf(tallies.get(s.id) ?? emptyTally(), targetOf(s.id), lastYear ? (lastYear.get(s.id) ?? emptyTally()) : null, paceShare, rules),
  }));
}
