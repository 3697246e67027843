import { describe, expect, it } from "vitest";
import { emptyTally } from "../../src/domain/counting.ts";
import { DEFAULT_RULES as rules } from "../../src/domain/rules.ts";
import type { Target } from "../../src/domain/types.ts";
import { districtTarget, progressOf } from "../../src/reports/target-progress.ts";

// The district's target is its own when set (seed 002: "每年招商引资协议资金超过500亿元"),
// not the sum of the parks' and departments' overlapping tables; the parks'
// 非工业 sub-target has its own completion; 序时进度 with its tolerance.

const target = (over: Partial<Target>): Target => ({ year: 2026, unitId: null, groupId: null, majorCount: 0, largeCount: 0, keyCount: 0, agreedWan: 0, arrivedWan: 0, ...over });
const units = [target({ unitId: 1, agreedWan: 1_600_000, nonIndustryAgreedWan: 600_000 }), target({ unitId: 2, agreedWan: 1_100_000, nonIndustryAgreedWan: 300_000 }), target({ unitId: 3, agreedWan: 50_000 })];

describe("districtTarget", () => {
  it.each<[string, Target[], string, number | null, number | null]>([
    ["the district's own target wins over the units' sum", [...units, target({ agreedWan: 5_000_000 })], "district", 5_000_000, null],
    ["without it, the units' sum (sub-targets summed where set)", units, "units", 2_750_000, 900_000],
    ["another year's own target does not count", [...units, target({ year: 2025, agreedWan: 4_000_000 })], "units", 2_750_000, 900_000],
    ["a group's target is neither", [target({ groupId: 1, agreedWan: 400_000 })], "none", null, null],
  ])("%s", (_name, targets, source, agreed, nonIndustry) => {
    const r = districtTarget(targets, 2026);
    expect(r.source).toBe(source);
    expect(r.target?.agreedWan ?? null).toBe(agreed);
    expect(r.target?.nonIndustryAgreedWan ?? null).toBe(nonIndustry);
  });
});

describe("progressOf", () => {
  const share = 0.5;
  it.each<[string, number, string, number]>([
    ["exactly 5 points behind: not behind", 45_000, "ON_PACE", -5],
    ["5.1 points behind: behind", 44_900, "BEHIND", -5.1],
    ["on the line", 50_000, "ON_PACE", 0],
    ["5.1 points ahead", 55_100, "AHEAD", 5.1],
  ])("%s", (_name, agreed, status, points) => {
    const p = progressOf({ ...emptyTally(), agreedWan: agreed }, target({ agreedWan: 100_000 }), null, share, rules);
    expect(p.pace.agreed).toEqual({ status, points });
  });

  it("the 非工业 sub-target has its own completion; none set: null", () => {
    const t = { ...emptyTally(), agreedWan: 800_000, nonIndustryAgreedWan: 150_000 };
    expect(progressOf(t, units[0], null, share, rules).nonIndustry).toEqual({ achieved: 150_000, target: 600_000, completion: 0.25, lastYear: null });
    expect(progressOf(t, units[2], null, share, rules).nonIndustry.completion).toBeNull();
  });

  it("no target: no completion and no pace, never 0%", () => {
    const p = progressOf({ ...emptyTally(), agreedWan: 10 }, undefined, emptyTally(), share, rules);
    expect([p.target, p.completion.agreed, p.pace.agreed]).toEqual([null, null, null]);
    expect(p.lastYear).toEqual({ agreed: 0, arrived: 0, major: 0, large: 0, key: 0 });
  });
});
