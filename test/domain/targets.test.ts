import { describe, expect, it } from "vitest";
import { completion, paceStatus, yearShareElapsed, type Pace } from "../../src/domain/targets.ts";

describe("yearShareElapsed", () => {
  it.each<[string, number]>([
    ["2026-01-01", 1 / 365],
    ["2026-12-31", 1],
    ["2026-07-02", 183 / 365],
    ["2028-12-31", 1],
    ["2028-02-29", 60 / 366],
    ["2100-03-01", 60 / 365], // a century is not a leap year…
    ["2000-12-31", 1], // …unless divisible by 400
    ["2000-03-01", 61 / 366],
  ])("%s → %d", (asOf, share) => {
    expect(yearShareElapsed(asOf)).toBeCloseTo(share, 12);
  });
});

describe("completion", () => {
  it.each<[number, number, number | null]>([
    [50, 100, 0.5],
    [0, 100, 0],
    [150, 100, 1.5],
    [5, 0, null],
    [0, 0, null],
  ])("%d / %d → %s", (a, t, c) => {
    expect(completion(a, t)).toBe(c);
  });
});

describe("paceStatus", () => {
  it.each<[number, number, number | undefined, Pace]>([
    [0.5, 0.5, undefined, "ON_PACE"],
    [0.49, 0.5, undefined, "BEHIND"],
    [0.51, 0.5, undefined, "AHEAD"],
    [0.46, 0.5, 0.05, "ON_PACE"],
    [0.45, 0.5, 0.05, "ON_PACE"],
    [0.44, 0.5, 0.05, "BEHIND"],
    [0.56, 0.5, 0.05, "AHEAD"],
    [0, 0, undefined, "ON_PACE"],
  ])("%d vs %d (tolerance %s) → %s", (c, share, tol, pace) => {
    expect(paceStatus(c, share, tol)).toBe(pace);
  });
});
