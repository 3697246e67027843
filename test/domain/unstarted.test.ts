import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/periods.ts";
import { DEFAULT_RULES as rules } from "../../src/domain/rules.ts";
import { buildUnstartedList, unstartedAge } from "../../src/domain/unstarted.ts";
import { fund, project } from "./factories.ts";

const asOf = "2026-12-01";
const ago = (n: number) => addDays(asOf, -n);

describe("签约未开工 age and band", () => {
  it.each([
    [0, "WITHIN_YELLOW"],
    [90, "WITHIN_YELLOW"],
    [91, "WITHIN_RED"],
    [180, "WITHIN_RED"],
    [181, "OVER_RED"],
  ] as const)("signed %i days ago: %s", (days, band) => {
    expect(unstartedAge(project({ stageDates: { SIGNED: ago(days) } }), asOf, rules)).toEqual({ signedOn: ago(days), daysSinceSigned: days, band });
  });

  it("follows the rules' thresholds", () => {
    const strict = { ...rules, health: { ...rules.health, yellowSignedNotStartedDays: 30, redSignedNotStartedDays: 60 } };
    expect(unstartedAge(project({ stageDates: { SIGNED: ago(61) } }), asOf, strict)?.band).toBe("OVER_RED");
  });

  it.each([
    ["registered, 签约 skipped: aged from 注册", project({ stage: "REGISTERED", stageDates: { REGISTERED: ago(100) } }), 100],
    ["registered after signing: aged from 签约", project({ stage: "REGISTERED", stageDates: { SIGNED: ago(200), REGISTERED: ago(100) } }), 200],
  ])("%s", (_n, p, days) => {
    expect(unstartedAge(p, asOf, rules)?.daysSinceSigned).toBe(days);
  });

  it.each([
    ["started", project({ stage: "STARTED", stageDates: { SIGNED: ago(200), STARTED: ago(10) } })],
    ["still negotiating", project({ stage: "NEGOTIATING", stageDates: { NEGOTIATING: ago(10) } })],
    ["dropped", project({ stage: "DROPPED", stageDates: { SIGNED: ago(200), DROPPED: ago(10) } })],
    ["signed after the day", project({ stageDates: { SIGNED: addDays(asOf, 1) } })],
  ])("not 签约未开工 when %s", (_n, p) => {
    expect(unstartedAge(p, asOf, rules)).toBeNull();
  });

  it("as of a past day: started later, so 签约未开工 then", () => {
    const p = project({ stage: "STARTED", stageDates: { SIGNED: ago(200), STARTED: ago(10) } });
    expect(unstartedAge(p, ago(11), rules)).toMatchObject({ daysSinceSigned: 189, band: "OVER_RED" });
  });

  it("a signed project with no date on record is listed as undated", () => {
    expect(unstartedAge(project({ stageDates: {} }), asOf, rules)).toEqual({ signedOn: null, daysSinceSigned: null, band: "UNDATED" });
  });
});

describe("the list", () => {
  const projects = [
    project({ id: 1, stageDates: { SIGNED: ago(10) }, agreedWan: 1000 }),
    project({ id: 2, stageDates: { SIGNED: ago(200) }, agreedWan: 5000, origin: "IN_CITY_OUTSIDE_DISTRICT" }),
    project({ id: 3, stageDates: { SIGNED: ago(120) }, agreedWan: 2000 }),
    project({ id: 4, stage: "STARTED", stageDates: { SIGNED: ago(50), STARTED: ago(5) }, agreedWan: 9000 }),
    project({ id: 5, stage: "SIGNED", stageDates: { SIGNED: "2025-11-01" }, agreedWan: 700 }),
  ];
  const funds = [fund({ projectId: 2, date: ago(30), amountWan: 300 }), fund({ projectId: 2, date: addDays(asOf, 1), amountWan: 999 })];
  const list = buildUnstartedList(projects, funds, asOf, rules);

  it("lists the longest-waiting first", () => {
    expect(list.entries.map((e) => e.project.id)).toEqual([5, 2, 3, 1]);
  });
  it("totals, weighted and funds arrived by the day", () => {
    expect(list.total).toEqual({ count: 4, agreedWan: 8700, weightedWan: 1000 + 1000 + 2000 + 700, fundsWan: 300 });
    expect(list.entries.find((e) => e.project.id === 2)).toMatchObject({ weightedWan: 1000, fundsWan: 300 });
  });
  it("counts by band", () => {
    expect(list.byBand).toEqual({
      WITHIN_YELLOW: { count: 1, agreedWan: 1000 },
      WITHIN_RED: { count: 1, agreedWan: 2000 },
      OVER_RED: { count: 2, agreedWan: 5700 },
      UNDATED: { count: 0, agreedWan: 0 },
    });
  });
  it("share of the year's signings: last year's signing is listed but not in this year's share", () => {
    expect({ signed: list.yearSigned, unstarted: list.yearUnstarted }).toEqual({ signed: 4, unstarted: 3 });
  });
});
