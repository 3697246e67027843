import { describe, expect, it } from "vitest";
import { completion, paceShare, paceStatus, pointsAgainstPace, sameDayLastYear, yearShareElapsed, type Pace } from "../../src/domain/targets.ts";

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

describe("paceStatus (tolerance in percentage points; behind only beyond it)", () => {
  it.each<[number, number, number | undefined, Pace]>([
    [0.5, 0.5, undefined, "ON_PACE"],
    [0.49, 0.5, undefined, "BEHIND"],
    [0.51, 0.5, undefined, "AHEAD"],
    [0.46, 0.5, 5, "ON_PACE"],
    [0.45, 0.5, 5, "ON_PACE"], // exactly 5 points behind: not yet behind
    [0.449, 0.5, 5, "BEHIND"], // 5.1 points
    [0.44, 0.5, 5, "BEHIND"],
    [0.55, 0.5, 5, "ON_PACE"],
    [0.56, 0.5, 5, "AHEAD"],
    [0.3 - 0.05, 0.3, 5, "ON_PACE"], // float noise (0.25 − 0.3 = −0.04999…) does not tip it
    [0, 0, undefined, "ON_PACE"],
  ])("%d vs %d (tolerance %s points) → %s", (c, share, tol, pace) => {
    expect(paceStatus(c, share, tol)).toBe(pace);
  });

  it("states the gap in points to one decimal", () => {
    expect(pointsAgainstPace(0.4383, 0.5)).toBe(-6.2);
    expect(pointsAgainstPace(0.53, 0.5)).toBe(3);
  });
});

describe("paceShare (序时进度 between checkpoints)", () => {
  const seed002 = [
    { day: "05-31", share: 0.3 },
    { day: "09-30", share: 0.7 },
  ];
  it.each<[string, string, number]>([
    ["none: linear", "2026-07-02", 183 / 365],
    ["01-01", "2026-01-01", (0.3 * 1) / 151],
    ["the day before the first checkpoint", "2026-05-30", (0.3 * 150) / 151],
    ["the first checkpoint's own day", "2026-05-31", 0.3],
    ["the day after it", "2026-06-01", 0.3 + (0.4 * 1) / 122],
    ["midway", "2026-07-31", 0.3 + (0.4 * 61) / 122],
    ["the second checkpoint's own day", "2026-09-30", 0.7],
    ["after the last: on to 100% at the year end", "2026-11-15", 0.7 + (0.3 * 46) / 92],
    ["12-31", "2026-12-31", 1],
  ])("%s (%s)", (name, asOf, share) => {
    expect(paceShare(asOf, name.startsWith("none") ? [] : seed002)).toBeCloseTo(share, 12);
  });

  it("a checkpoint on 12-31 ends the year at its own share", () => {
    expect(paceShare("2026-12-31", [{ day: "12-31", share: 0.9 }])).toBeCloseTo(0.9, 12);
  });

  it("leap years count 02-29", () => {
    expect(paceShare("2028-05-31", [{ day: "05-31", share: 0.3 }])).toBeCloseTo(0.3, 12);
    expect(paceShare("2028-02-29", [{ day: "05-31", share: 0.3 }])).toBeCloseTo((0.3 * 60) / 152, 12);
  });
});

describe("sameDayLastYear (同期)", () => {
  it.each([
    ["2026-11-29", "2025-11-29"],
    ["2028-02-29", "2027-02-28"],
    ["2027-03-01", "2026-03-01"],
    ["2026-01-01", "2025-01-01"],
  ])("%s → %s", (d, e) => expect(sameDayLastYear(d)).toBe(e));
});
