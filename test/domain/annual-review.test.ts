import { describe, expect, it } from "vitest";
import { annualReview, reviewScore, unstartedDeduction, unstartedLimitDays, type ReviewSubject } from "../../src/domain/annual-review.ts";
import { emptyTally, type Tally } from "../../src/domain/counting.ts";
import { DEFAULT_RULES, rulesSchema, type Rules } from "../../src/domain/rules.ts";
import type { Target } from "../../src/domain/types.ts";

// 年考核: composite score as 分, deductions for 签约未开工 over the limit
// (none by default), ties sharing a rank, no target → no score.

const withDeductions = (perUnstartedOverLimit: number, maxUnstartedPoints: number | null = null): Rules =>
  rulesSchema.parse({ annualReview: { deductions: { perUnstartedOverLimit, maxUnstartedPoints } } });

const target = (over: Partial<Target> = {}): Target => ({ year: 2026, unitId: 1, groupId: null, majorCount: 0, largeCount: 0, keyCount: 0, agreedWan: 100_000, arrivedWan: 0, ...over });
const tally = (over: Partial<Tally> = {}): Tally => ({ ...emptyTally(), ...over });
const subject = (id: number, agreedWan: number, unstartedOverLimit = 0, t: Target | null = target()): ReviewSubject => ({
  id,
  name: `单位${id}`,
  kind: "PARK",
  tally: tally({ agreedWan }),
  target: t ?? undefined,
  unstartedOverLimit,
});

describe("unstartedDeduction", () => {
  it.each([
    ["no deduction by default, however many", DEFAULT_RULES, 7, 0],
    ["per project", withDeductions(2), 3, 6],
    ["none over the limit", withDeductions(2), 0, 0],
    ["below the cap", withDeductions(2, 5), 2, 4],
    ["exactly the cap", withDeductions(2, 6), 3, 6],
    ["capped", withDeductions(2, 5), 3, 5],
    ["a cap of 0 turns it off", withDeductions(2, 0), 3, 0],
    ["fractional points without float noise (0.3 × 3 is 0.9, not 0.8999…)", withDeductions(0.3), 3, 0.9],
  ] as const)("%s", (_, rules, count, points) => {
    expect(unstartedDeduction(count, rules)).toBe(points);
  });
});

describe("reviewScore", () => {
  it.each([
    ["0.565 reads 56.5 分", 0.565, 0, { base: 56.5, score: 56.5 }],
    ["deduction subtracted", 0.565, 6, { base: 56.5, score: 50.5 }],
    ["never below 0", 0.03, 6, { base: 3, score: 0 }],
    ["exactly down to 0", 0.06, 6, { base: 6, score: 0 }],
    ["over-achievement kept", 1.234, 0, { base: 123.4, score: 123.4 }],
    ["no target: no score, whatever the deduction", null, 6, { base: null, score: null }],
  ] as const)("%s", (_, composite, deduction, expected) => {
    expect(reviewScore(composite, deduction)).toEqual(expected);
  });
});

describe("unstartedLimitDays", () => {
  it("is the red light's 签约未开工 threshold unless the review sets its own", () => {
    expect(unstartedLimitDays(DEFAULT_RULES)).toBe(180);
    expect(unstartedLimitDays(rulesSchema.parse({ health: { redSignedNotStartedDays: 200 } }))).toBe(200);
    expect(unstartedLimitDays(rulesSchema.parse({ annualReview: { unstartedOverDays: 90 } }))).toBe(90);
  });
});

describe("annualReview", () => {
  it("ranks on the score after deductions, ties share a rank, a subject without a target is unranked", () => {
    const rows = annualReview([subject(1, 60_000), subject(2, 70_000, 3), subject(3, 60_000), subject(4, 10_000, 0, null), subject(5, 30_000)], withDeductions(5));
    expect(rows.map((r) => [r.id, r.baseScore, r.deduction, r.score, r.rank])).toEqual([
      [1, 60, 0, 60, 1],
      [3, 60, 0, 60, 1],
      [2, 70, 15, 55, 3],
      [5, 30, 0, 30, 4],
      [4, null, 0, null, null],
    ]);
    expect(rows[0]!.completion).toEqual({ agreed: 0.6, arrived: null, major: null, large: null, key: null });
  });

  it("with the default rules 签约未开工 is counted but costs nothing", () => {
    const rows = annualReview([subject(1, 50_000, 4), subject(2, 40_000)], DEFAULT_RULES);
    expect(rows.map((r) => [r.id, r.unstartedOverLimit, r.deduction, r.score, r.rank])).toEqual([
      [1, 4, 0, 50, 1],
      [2, 0, 0, 40, 2],
    ]);
  });

  it("uses the ranking's weights over the metrics with a target", () => {
    const [row] = annualReview([{ ...subject(1, 50_000), tally: tally({ agreedWan: 50_000, arrivedWan: 10_000 }), target: target({ arrivedWan: 40_000 }) }], DEFAULT_RULES);
    // (0.4 × 0.5 + 0.3 × 0.25) / 0.7 = 0.39285… → 39.3 分
    expect(row!.baseScore).toBe(39.3);
  });
});
