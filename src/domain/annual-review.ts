import type { Tally } from "./counting.ts";
import { compositeScore, rankWithTies, type Metric } from "./ranking.ts";
import type { Rules } from "./rules.ts";
import type { Target } from "./types.ts";

// 年考核 (seed 003 "季通报、年考核"; the city speech: "督办结果要与各单位的
// 年度综合考评直接挂钩"): each unit's and group's completion of the year's
// targets, its composite score as points out of 100 (the ranking's weights),
// less the deductions the rules set (签约未开工 over the limit; none by
// default), ranked with ties shared.

export interface ReviewSubject {
  id: number;
  name: string;
  /** GROUP, PARK or DEPARTMENT. */
  kind: string;
  tally: Tally;
  target: Target | undefined;
  /** 签约未开工 projects over the limit on the review day (unstartedLimitDays). */
  unstartedOverLimit: number;
}

export interface ReviewRow {
  id: number;
  name: string;
  kind: string;
  completion: Record<Metric, number | null>;
  /** Composite score in points (one decimal) before deductions; null: no target for the year. */
  baseScore: number | null;
  unstartedOverLimit: number;
  /** Points deducted (one decimal). */
  deduction: number;
  /** baseScore less deduction, never below 0; null without a target. */
  score: number | null;
  rank: number | null;
}

const tenth = (n: number) => Math.round(n * 10) / 10;

/** Days after which a 签约未开工 project counts against the unit: the rules' own, else the red light's. */
export function unstartedLimitDays(rules: Rules): number {
  return rules.annualReview.unstartedOverDays ?? rules.health.redSignedNotStartedDays;
}

/** Points deducted for `count` 签约未开工 projects over the limit: per project, up to the cap. */
export function unstartedDeduction(count: number, rules: Rules): number {
  const { perUnstartedOverLimit, maxUnstartedPoints } = rules.annualReview.deductions;
  const points = count * perUnstartedOverLimit;
  return tenth(maxUnstartedPoints === null ? points : Math.min(points, maxUnstartedPoints));
}

/** The composite (a fraction, 0.565) as points (56.5) less the deduction, floored at 0; null stays null. */
export function reviewScore(composite: number | null, deduction: number): { base: number | null; score: number | null } {
  if (composite === null) return { base: null, score: null };
  const base = tenth(composite * 100);
  return { base, score: Math.max(0, tenth(base - deduction)) };
}

export function annualReview(subjects: readonly ReviewSubject[], rules: Rules): ReviewRow[] {
  const rows = subjects.map((s): ReviewRow => {
    const c = compositeScore(s.tally, s.target, rules);
    const deduction = unstartedDeduction(s.unstartedOverLimit, rules);
    const { base, score } = reviewScore(c.score, deduction);
    return { id: s.id, name: s.name, kind: s.kind, completion: c.parts, baseScore: base, unstartedOverLimit: s.unstartedOverLimit, deduction, score, rank: null };
  });
  return rankWithTies(rows, (r) => r.score).map(({ item, rank }) => ({ ...item, rank }));
}
