import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RankingReport } from "../../src/reports/ranking-report.ts";
import type { StalledList } from "../../src/reports/stalled-list.ts";
import type { WeeklySummary } from "../../src/reports/weekly-summary.ts";
import { buildReport } from "../../src/services/report-service.ts";
import { upsertGroup, upsertTarget, upsertUnit } from "../../src/store/directory.ts";
import { recordFunds } from "../../src/store/funds.ts";
import { createProject, saveProjectChanges, type Actor } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// A small district written through the real store, then read back through
// the report service exactly as the CLI does. "Now" is Monday 2026-11-23
// 09:00 in Shanghai, so the default week is 2026-W47 (11-16 to 11-22).

const NOW = new Date("2026-11-23T01:00:00Z");
const staff: Actor = { author: "U_STAFF", source: "SLASH" };
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
let store: TestStore;
const ids: Record<string, number> = {};

beforeAll(async () => {
  store = await createTestStore();
  const db = store.db;
  ids.park = await upsertUnit(db, { name: "白涛园区", kind: "PARK" });
  ids.dept = await upsertUnit(db, { name: "区商务委", kind: "DEPARTMENT" });
  ids.dept2 = await upsertUnit(db, { name: "区交通局", kind: "DEPARTMENT" });
  const group = { leaderName: "", leaderSlackId: null, commissioners: "", focus: "", channelId: null };
  ids.g1 = await upsertGroup(db, { ...group, name: "新材料产业招商组" });
  ids.g2 = await upsertGroup(db, { ...group, name: "文旅产业招商组" });
  ids.g3 = await upsertGroup(db, { ...group, name: "建筑产业招商组" });
  for (const unitId of [ids.park, ids.dept, ids.dept2])
    await upsertTarget(db, { year: 2026, unitId, groupId: null, majorCount: 1, largeCount: 1, keyCount: 1, agreedWan: 500_000, arrivedWan: 100_000 });
  for (const groupId of [ids.g1, ids.g2, ids.g3])
    await upsertTarget(db, { year: 2026, unitId: null, groupId, majorCount: 1, largeCount: 0, keyCount: 0, agreedWan: 400_000, arrivedWan: 0 });

  // Signed last Wednesday, joint (park leads, commerce bureau cooperates), 市外: 100% weight.
  const joint = await createProject(
    db,
    newProject({ name: "锂电正极材料项目", groupId: ids.g1, leadUnitId: ids.park, coUnitIds: [ids.dept], agreedWan: 250_000, stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-06-01" } }),
    staff,
    { at: at("2026-06-01") },
  );
  await saveProjectChanges(db, joint.id, joint.version, { stage: "SIGNED", signedAt: "2026-11-18" }, staff, { at: at("2026-11-18") });
  ids.joint = joint.id;
  await recordFunds(db, { projectId: joint.id, date: "2026-11-20", amountWan: 10_000 }, staff, { at: at("2026-11-20") });

  // 区外市内 (20%), signed last week, another group: ties with nothing, ranks second.
  const inCity = await createProject(
    db,
    newProject({ name: "文旅综合体项目", groupId: ids.g2, leadUnitId: ids.dept2, origin: "IN_CITY_OUTSIDE_DISTRICT", agreedWan: 250_000, stage: "SIGNED", stageDates: { SIGNED: "2026-11-17" } }),
    staff,
    { at: at("2026-11-17") },
  );
  ids.inCity = inCity.id;

  // Signed 200 days before the week's end and never started: red (签约未开工), in the third group, no update since June.
  const stale = await createProject(
    db,
    newProject({ name: "装配式构件工厂项目", groupId: ids.g3, leadUnitId: ids.park, agreedWan: 20_000, stage: "SIGNED", stageDates: { SIGNED: "2026-05-06" } }),
    staff,
    { at: at("2026-05-06") },
  );
  ids.stale = stale.id;

  // Created after the week under report: must not appear in W47 figures.
  await createProject(db, newProject({ name: "本周新项目", groupId: ids.g1, stage: "SIGNED", stageDates: { SIGNED: "2026-11-23" } }), staff, { at: at("2026-11-23") });
});

afterAll(async () => {
  await store.destroy();
});

describe("weekly summary", () => {
  it("lists last week's signings with origin-weighted amounts and leaves out later projects", async () => {
    const r = (await buildReport(store.db, { kind: "weekly", now: NOW })) as WeeklySummary;
    expect(r.period).toMatchObject({ label: "2026-W47", start: "2026-11-16", end: "2026-11-22" });
    expect(r.signings.map((s) => [s.name, s.agreedWan, s.weightedWan, s.projectClass])).toEqual([
      ["锂电正极材料项目", 250_000, 250_000, "MAJOR"],
      ["文旅综合体项目", 250_000, 50_000, "MAJOR"],
    ]);
    // 文旅综合体 was entered as signed on 11-17: a signing (listed above), not a stage move.
    expect(r.stageMoves.map((m) => [m.name, m.from, m.to, m.on])).toEqual([["锂电正极材料项目", "NEGOTIATING", "SIGNED", "2026-11-18"]]);
    expect(r.totals).toMatchObject({ signedCount: 2, fundsWan: 10_000, fundsWeightedWan: 10_000 });
  });

  it("counts the year to date as the units' targets count it, with pace", async () => {
    const r = (await buildReport(store.db, { kind: "weekly", now: NOW })) as WeeklySummary;
    // 250,000 (joint: 80% park + 20% bureau = 100%) + 20% of 250,000 + 20,000 signed in May.
    expect(r.yearToDate.achieved.agreed).toBeCloseTo(250_000 + 50_000 + 20_000);
    expect(r.yearToDate.achieved.major).toBe(2);
    expect(r.yearToDate.target?.agreed).toBe(1_500_000);
    expect(r.yearToDate.completion.agreed).toBeCloseTo(320_000 / 1_500_000);
    // 序时进度 on 11-22 (day 326 of 365) is 89.3%: 21.3% done is 68 points behind.
    expect(r.yearToDate.pace.agreed).toEqual({ status: "BEHIND", points: -68 });
    expect(r.yearToDate.targetSource).toBe("units");
    expect(r.funnel.find((f) => f.stage === "SIGNED")!.count).toBe(3);
  });

  it("names the groups with active projects but no update last week", async () => {
    const r = (await buildReport(store.db, { kind: "weekly", now: NOW })) as WeeklySummary;
    expect(r.groupsWithoutUpdate.map((g) => g.name)).toEqual(["建筑产业招商组"]);
  });

  it("shows what was known on an earlier day", async () => {
    const r = (await buildReport(store.db, { kind: "weekly", week: "2026-W46", now: NOW })) as WeeklySummary;
    expect(r.signings).toEqual([]);
    // The joint project was still 洽谈 at the end of W46.
    expect(r.funnel.find((f) => f.stage === "NEGOTIATING")!.count).toBe(1);
    expect(r.yearToDate.achieved.agreed).toBe(20_000);
  });
});

describe("stalled list", () => {
  it("groups red and yellow projects by group with their reasons", async () => {
    const r = (await buildReport(store.db, { kind: "stalled", asOf: "2026-11-22", now: NOW })) as StalledList;
    // Only the stale project is behind on 11-22: signed 05-06 and not touched since, 200 days on both counts.
    expect(r.counts).toEqual({ red: 1, yellow: 0 });
    expect(r.groups.map((g) => [g.name, g.red, g.yellow, g.projects.map((p) => p.projectId)])).toEqual([["建筑产业招商组", 1, 0, [ids.stale]]]);
    const stale = r.groups[0].projects[0];
    expect(stale.light).toBe("RED");
    expect(stale.reasons).toEqual([
      { level: "RED", code: "SIGNED_NOT_STARTED", text: "签约未开工已200天（超过180天）" },
      { level: "RED", code: "NO_UPDATE", text: "连续200天未报送进展" },
    ]);
  });
});

describe("rankings", () => {
  it("ranks groups on completion with the change since last week", async () => {
    const r = (await buildReport(store.db, { kind: "ranking", by: "group", now: NOW })) as RankingReport;
    expect(r.entries.map((e) => [e.name, e.rank])).toEqual([
      ["新材料产业招商组", 1],
      ["文旅产业招商组", 2],
      ["建筑产业招商组", 3],
    ]);
    // A week earlier 新材料 and 文旅 had nothing signed (tied 2nd) and 建筑 led.
    expect(r.entries.map((e) => e.change.label)).toEqual(["↑1", "—", "↓2"]);
  });

  it("ranks units, giving the cooperating unit 20% of a joint project", async () => {
    const r = (await buildReport(store.db, { kind: "ranking", by: "unit", now: NOW })) as RankingReport;
    const byName = Object.fromEntries(r.entries.map((e) => [e.name, e]));
    expect(byName["白涛园区"].achieved.agreed).toBeCloseTo(0.8 * 250_000 + 20_000);
    expect(byName["区商务委"].achieved.agreed).toBeCloseTo(0.2 * 250_000);
    expect(byName["区商务委"].achieved.major).toBe(0);
    expect(byName["区交通局"].achieved.agreed).toBeCloseTo(50_000);
  });

  it("shares a rank on a tie", async () => {
    const r = (await buildReport(store.db, { kind: "ranking", by: "group", week: "2026-W46", now: NOW })) as RankingReport;
    expect(r.entries.map((e) => e.rank)).toEqual([1, 2, 2]);
  });
});
