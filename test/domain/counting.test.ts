import { describe, expect, it } from "vitest";
import {
  countedWan,
  countsTowardYear,
  emptyTally,
  isDroppedBy,
  originWeight,
  signedYear,
  tallyGroups,
  tallyUnits,
  unitShares,
} from "../../src/domain/counting.ts";
import { DEFAULT_RULES as rules } from "../../src/domain/rules.ts";
import type { Origin, StageDates } from "../../src/domain/types.ts";
import { fund, project } from "./factories.ts";

describe("unitShares", () => {
  it.each<[string, number | null, number[], Array<[number, number, "LEAD" | "CO"]>]>([
    ["lead alone gets everything", 10, [], [[10, 1, "LEAD"]]],
    ["one co-unit", 10, [11], [[10, 0.8, "LEAD"], [11, 0.2, "CO"]]],
    ["two co-units split 20%", 10, [11, 12], [[10, 0.8, "LEAD"], [11, 0.1, "CO"], [12, 0.1, "CO"]]],
    ["duplicate co-units count once", 10, [11, 11, 12], [[10, 0.8, "LEAD"], [11, 0.1, "CO"], [12, 0.1, "CO"]]],
    ["co-unit equal to the lead is ignored", 10, [10], [[10, 1, "LEAD"]]],
    ["lead also listed among co-units", 10, [10, 11], [[10, 0.8, "LEAD"], [11, 0.2, "CO"]]],
    ["no lead: co-units keep only their 20%", null, [11, 12], [[11, 0.1, "CO"], [12, 0.1, "CO"]]],
    ["no units at all", null, [], []],
  ])("%s", (_name, leadUnitId, coUnitIds, expected) => {
    const shares = unitShares({ leadUnitId, coUnitIds }, rules);
    expect(shares.map((s) => [s.unitId, s.role])).toEqual(expected.map(([u, , r]) => [u, r]));
    shares.forEach((s, i) => expect(s.share).toBeCloseTo(expected[i]![1], 12));
  });
});

describe("originWeight / countedWan", () => {
  it.each<[Origin, number]>([
    ["OUTSIDE_CITY", 1],
    ["IN_CITY_OUTSIDE_DISTRICT", 0.2],
    ["IN_DISTRICT", 0],
  ])("%s weighs %d", (origin, w) => {
    expect(originWeight(origin, rules)).toBe(w);
  });

  it.each<[string, Origin, number[], number, number]>([
    ["市外 lead alone", "OUTSIDE_CITY", [], 10, 10_000],
    ["市外 joint lead", "OUTSIDE_CITY", [11], 10, 8_000],
    ["市外 joint co", "OUTSIDE_CITY", [11], 11, 2_000],
    ["区外市内 joint lead", "IN_CITY_OUTSIDE_DISTRICT", [11], 10, 1_600],
    ["区外市内 one of two co-units", "IN_CITY_OUTSIDE_DISTRICT", [11, 12], 12, 200],
    ["区内 counts nothing", "IN_DISTRICT", [], 10, 0],
    ["unit not involved", "OUTSIDE_CITY", [11], 99, 0],
  ])("%s", (_name, origin, coUnitIds, unitId, expected) => {
    expect(countedWan(10_000, project({ origin, coUnitIds }), rules, unitId)).toBeCloseTo(expected, 9);
  });
});

describe("signing year and drop", () => {
  it.each<[StageDates, number | null]>([
    [{ SIGNED: "2026-01-01" }, 2026],
    [{ SIGNED: "2025-12-31", STARTED: "2026-02-01" }, 2025],
    [{ NEGOTIATING: "2025-10-01", STARTED: "2026-02-01" }, 2026], // 签约 skipped: first later stage
    [{ LEAD: "2025-10-01" }, null],
    [{}, null],
  ])("signedYear(%j) = %s", (stageDates, year) => {
    expect(signedYear({ stageDates })).toBe(year);
  });

  it.each<[string, StageDates, string, boolean]>([
    ["dropped before as-of", { DROPPED: "2026-05-01" }, "2026-05-02", true],
    ["dropped on as-of", { DROPPED: "2026-05-01" }, "2026-05-01", true],
    ["dropped after as-of", { DROPPED: "2026-05-01" }, "2026-04-30", false],
  ])("isDroppedBy: %s", (_name, stageDates, asOf, expected) => {
    expect(isDroppedBy({ stage: "DROPPED", stageDates }, asOf)).toBe(expected);
  });

  it("a DROPPED project without a drop date is dropped at any date; others are not", () => {
    expect(isDroppedBy({ stage: "DROPPED", stageDates: {} }, "2000-01-01")).toBe(true);
    expect(isDroppedBy({ stage: "SIGNED", stageDates: { SIGNED: "2026-01-01" } }, "2026-12-31")).toBe(false);
  });

  it.each<[string, StageDates, number, string, boolean]>([
    ["signed this year before as-of", { SIGNED: "2026-03-01" }, 2026, "2026-06-30", true],
    ["signed on as-of", { SIGNED: "2026-06-30" }, 2026, "2026-06-30", true],
    ["signed after as-of", { SIGNED: "2026-07-01" }, 2026, "2026-06-30", false],
    ["signed last year", { SIGNED: "2025-12-31" }, 2026, "2026-06-30", false],
    ["dropped by as-of", { SIGNED: "2026-03-01", DROPPED: "2026-06-30" }, 2026, "2026-06-30", false],
    ["dropped after as-of still counts then", { SIGNED: "2026-03-01", DROPPED: "2026-07-01" }, 2026, "2026-06-30", true],
  ])("countsTowardYear: %s", (_name, stageDates, year, asOf, expected) => {
    const stage = stageDates.DROPPED ? "DROPPED" : "SIGNED";
    expect(countsTowardYear({ stage, stageDates }, year, asOf)).toBe(expected);
  });

  it("a project still in talks (never signed) counts toward no year", () => {
    expect(countsTowardYear({ stage: "NEGOTIATING", stageDates: { LEAD: "2026-01-05", NEGOTIATING: "2026-02-01" } }, 2026, "2026-06-30")).toBe(false);
    expect(countsTowardYear({ stage: "LEAD", stageDates: {} }, 2026, "2026-06-30")).toBe(false);
  });
});

describe("tallyUnits", () => {
  const base = { year: 2026, asOf: "2026-06-30", rules };

  it("credits money by share and origin, class and signed count to the lead only", () => {
    const projects = [
      project({ id: 1, agreedWan: 250_000, origin: "OUTSIDE_CITY", coUnitIds: [11] }), // MAJOR
      project({ id: 2, agreedWan: 150_000, origin: "IN_CITY_OUTSIDE_DISTRICT", leadUnitId: 11 }), // LARGE
      project({ id: 3, agreedWan: 20_000, origin: "IN_DISTRICT", leadUnitId: 11, coUnitIds: [10] }), // KEY
    ];
    const funds = [fund({ projectId: 1, amountWan: 5_000 }), fund({ id: 2, projectId: 2, amountWan: 1_000 })];
    const t = tallyUnits({ ...base, projects, funds });
    const u10 = t.get(10)!;
    const u11 = t.get(11)!;
    expect(u10.agreedWan).toBeCloseTo(200_000, 6);
    expect(u10.arrivedWan).toBeCloseTo(4_000, 6);
    expect([u10.majorCount, u10.largeCount, u10.keyCount, u10.signedCount]).toEqual([1, 0, 0, 1]);
    expect(u11.agreedWan).toBeCloseTo(50_000 + 30_000 + 0, 6);
    expect(u11.arrivedWan).toBeCloseTo(1_000 + 200, 6);
    // 区内 project still gives the lead its class count: whatever the origin.
    expect([u11.majorCount, u11.largeCount, u11.keyCount, u11.signedCount]).toEqual([0, 1, 1, 2]);
  });

  it.each<[string, Partial<Parameters<typeof project>[0]>, Partial<ReturnType<typeof emptyTally>> | undefined]>([
    ["signed in another year", { stageDates: { SIGNED: "2025-12-31" } }, undefined],
    ["signed after as-of", { stageDates: { SIGNED: "2026-07-01" } }, undefined],
    ["signed on as-of", { stageDates: { SIGNED: "2026-06-30" } }, { agreedWan: 10_000, keyCount: 1, signedCount: 1 }],
    ["dropped on as-of", { stage: "DROPPED", stageDates: { SIGNED: "2026-03-01", DROPPED: "2026-06-30" } }, undefined],
    ["dropped after as-of", { stage: "DROPPED", stageDates: { SIGNED: "2026-03-01", DROPPED: "2026-07-01" } }, { agreedWan: 10_000, keyCount: 1, signedCount: 1 }],
    ["GENERAL project: signed count only", { agreedWan: 3_000 }, { agreedWan: 3_000, signedCount: 1 }],
    // 一般项目 thresholds: industry 2000万, service 500万 (inclusive); below them 未达统计标准 counts for nothing.
    ["industry exactly at 2000万: GENERAL", { agreedWan: 2_000 }, { agreedWan: 2_000, signedCount: 1 }],
    ["industry at 1999万: 未达统计标准", { agreedWan: 1_999 }, { }],
    ["service exactly at 500万: GENERAL, and 非工业", { agreedWan: 500, sector: "SERVICE" }, { agreedWan: 500, nonIndustryAgreedWan: 500, signedCount: 1 }],
    ["service at 499万: 未达统计标准", { agreedWan: 499, sector: "SERVICE" }, { }],
    ["a KEY service project counts toward 非工业 too", { agreedWan: 10_000, sector: "SERVICE" }, { agreedWan: 10_000, nonIndustryAgreedWan: 10_000, keyCount: 1, signedCount: 1 }],
  ])("agreed/classes: %s", (_name, overrides, expected) => {
    const t = tallyUnits({ ...base, projects: [project(overrides)], funds: [] });
    expect(t.get(10)).toEqual(expected === undefined ? undefined : { ...emptyTally(), ...expected });
  });

  it.each<[string, string, number]>([
    ["arrived this year before as-of", "2026-01-01", 1000],
    ["arrived on as-of", "2026-06-30", 1000],
    ["arrived after as-of", "2026-07-01", 0],
    ["arrived last year", "2025-12-31", 0],
  ])("funds: %s", (_name, date, expected) => {
    const t = tallyUnits({ ...base, projects: [project({ stageDates: { SIGNED: "2025-01-01" } })], funds: [fund({ date })] });
    expect(t.get(10)?.arrivedWan ?? 0).toBe(expected);
  });

  it("funds of a dropped project still count; its 协议资金 does not", () => {
    const p = project({ stage: "DROPPED", stageDates: { SIGNED: "2026-02-01", DROPPED: "2026-05-01" } });
    const t = tallyUnits({ ...base, projects: [p], funds: [fund({ date: "2026-03-01" })] });
    expect(t.get(10)).toEqual({ ...emptyTally(), arrivedWan: 1000 });
  });

  it("a below-threshold project with funds: neither its 协议资金 nor its 到位资金 counts", () => {
    const p = project({ agreedWan: 600, outputWan: 800 }); // industry < 2000万
    const t = tallyUnits({ ...base, projects: [p], funds: [fund({ amountWan: 600 })] });
    expect(t.get(10) ?? emptyTally()).toEqual(emptyTally());
  });

  it("the rules may count a below-threshold project's money, never its class", () => {
    const p = project({ agreedWan: 600, outputWan: 800, origin: "IN_CITY_OUTSIDE_DISTRICT" });
    const on = { ...rules, belowStandardMoneyCounts: true };
    const t = tallyUnits({ ...base, rules: on, projects: [p], funds: [fund({ amountWan: 600 })] });
    expect(t.get(10)).toEqual({ ...emptyTally(), agreedWan: 120, arrivedWan: 120 });
  });

  it("ignores funds of unknown projects and projects without units", () => {
    const p = project({ leadUnitId: null });
    const t = tallyUnits({ ...base, projects: [p], funds: [fund({ projectId: 99 }), fund({ id: 2 })] });
    expect(t.size).toBe(0);
  });

  it("uses classOf when given", () => {
    const t = tallyUnits({ ...base, projects: [project()], funds: [], classOf: () => "MAJOR" });
    expect(t.get(10)?.majorCount).toBe(1);
  });
});

describe("tallyGroups", () => {
  it("gives the group 100% of weighted money and every class count, whatever the units", () => {
    const projects = [
      project({ id: 1, groupId: 7, agreedWan: 100_000, coUnitIds: [11] }),
      project({ id: 2, groupId: 7, agreedWan: 10_000, origin: "IN_CITY_OUTSIDE_DISTRICT", leadUnitId: null }),
      project({ id: 3, groupId: null, agreedWan: 50_000 }),
    ];
    const funds = [fund({ projectId: 1, amountWan: 3_000 }), fund({ id: 2, projectId: 2, amountWan: 500 }), fund({ id: 3, projectId: 3 })];
    const t = tallyGroups({ projects, funds, year: 2026, asOf: "2026-12-31", rules });
    expect([...t.keys()]).toEqual([7]);
    const g = t.get(7)!;
    expect(g.agreedWan).toBeCloseTo(102_000, 6);
    expect(g.arrivedWan).toBeCloseTo(3_100, 6);
    expect([g.majorCount, g.largeCount, g.keyCount, g.signedCount]).toEqual([0, 1, 1, 2]);
  });
});
