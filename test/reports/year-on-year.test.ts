import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RankingReport } from "../../src/reports/ranking-report.ts";
import type { WeeklySummary } from "../../src/reports/weekly-summary.ts";
import { buildReport } from "../../src/services/report-service.ts";
import { upsertGroup, upsertTarget, upsertUnit } from "../../src/store/directory.ts";
import { recordFunds } from "../../src/store/funds.ts";
import { createProject, saveProjectChanges, type Actor } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// 同期: each year-to-date figure beside the same day of last year, as the
// store knew it then. The history below changed after that day (an amount
// raised, a project dropped, a fund entry recorded late, a project signed
// after it): last year's figures must not see any of it.

const NOW = new Date("2026-11-30T01:00:00Z"); // Monday 09:00 in Shanghai: the report is 2026-W48, as of 11-29
const staff: Actor = { author: "U_STAFF", source: "SLASH" };
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
let store: TestStore;
const ids: Record<string, number> = {};

beforeAll(async () => {
  store = await createTestStore();
  const db = store.db;
  ids.park = await upsertUnit(db, { name: "白涛园区", kind: "PARK" });
  ids.group = await upsertGroup(db, { name: "新材料产业招商组", leaderName: "", leaderSlackId: null, commissioners: "", focus: "", channelId: null });
  for (const year of [2025, 2026]) await upsertTarget(db, { year, unitId: ids.park, groupId: null, majorCount: 1, largeCount: 1, keyCount: 2, agreedWan: 500_000, arrivedWan: 100_000 });
  const base = { groupId: ids.group, leadUnitId: ids.park };

  // Signed 2025-03-01 at 10亿 (LARGE); raised to 20亿 (MAJOR) in 2026: last year knew 10亿.
  const raised = await createProject(db, newProject({ ...base, name: "锂电正极材料项目", agreedWan: 100_000, stage: "SIGNED", stageDates: { SIGNED: "2025-03-01" } }), staff, { at: at("2025-03-01") });
  await saveProjectChanges(db, raised.id, raised.version, { agreedWan: 200_000 }, staff, { at: at("2026-02-01") });
  // Signed 2025-05-10 at 2亿, dropped in 2026: still counted on 2025-11-29.
  const dropped = await createProject(db, newProject({ ...base, name: "电子级化学品项目", agreedWan: 20_000, stage: "SIGNED", stageDates: { SIGNED: "2025-05-10" } }), staff, { at: at("2025-05-10") });
  await saveProjectChanges(db, dropped.id, dropped.version, { stage: "DROPPED", droppedAt: "2026-03-01", dropReason: "企业战略调整" }, staff, { at: at("2026-03-01") });
  // Funds arrived 2025-06-01: last year's 到位资金.
  await recordFunds(db, { projectId: raised.id, date: "2025-06-01", amountWan: 30_000, note: "首期" }, staff, { at: at("2025-06-01") });
  // Signed 2025-12-15: after the 同期 day, so not in last year's figure.
  await createProject(db, newProject({ ...base, name: "高性能纤维项目", agreedWan: 50_000, stage: "SIGNED", stageDates: { SIGNED: "2025-12-15" } }), staff, { at: at("2025-12-15") });
  // This year: one signing of 3亿 and funds of 1亿.
  const now = await createProject(db, newProject({ ...base, name: "特种陶瓷项目", agreedWan: 30_000, stage: "SIGNED", stageDates: { SIGNED: "2026-04-01" } }), staff, { at: at("2026-04-01") });
  await recordFunds(db, { projectId: now.id, date: "2026-05-01", amountWan: 10_000, note: "首期" }, staff, { at: at("2026-05-01") });
});

afterAll(async () => {
  await store.destroy();
});

describe("year on year (同期)", () => {
  it("puts last year's figures as known on the same day beside this year's", async () => {
    const r = (await buildReport(store.db, { kind: "weekly", now: NOW })) as WeeklySummary;
    expect(r.period.asOf).toBe("2026-11-29");
    expect(r.sameDayLastYear).toBe("2025-11-29");
    expect(r.yearToDate.achieved).toMatchObject({ agreed: 30_000, arrived: 10_000, key: 1, large: 0, major: 0 });
    // 10亿 (not the 20亿 it became) + 2亿 (not yet dropped); the 12-15 signing is later.
    expect(r.yearToDate.lastYear).toEqual({ agreed: 120_000, arrived: 30_000, major: 0, large: 1, key: 1 });
    expect(r.byUnit.find((u) => u.id === ids.park)!.lastYear).toEqual(r.yearToDate.lastYear);
    expect(r.byGroup.find((g) => g.id === ids.group)!.lastYear).toEqual(r.yearToDate.lastYear);
  });

  it("ranks with 同期 beside each entry", async () => {
    const r = (await buildReport(store.db, { kind: "ranking", by: "unit", now: NOW })) as RankingReport;
    expect(r.entries.find((e) => e.id === ids.park)!.lastYear).toEqual({ agreed: 120_000, arrived: 30_000, major: 0, large: 1, key: 1 });
  });

  it("a report as of a past day compares with the day a year before that", async () => {
    const r = (await buildReport(store.db, { kind: "weekly", week: "2026-W10", now: NOW })) as WeeklySummary;
    expect(r.sameDayLastYear).toBe("2025-03-08");
    // On 2026-03-08 the 10亿 project had become 20亿, but on 2025-03-08 it was 10亿 and only it was signed.
    expect(r.yearToDate.lastYear).toEqual({ agreed: 100_000, arrived: 0, major: 0, large: 1, key: 0 });
  });
});
