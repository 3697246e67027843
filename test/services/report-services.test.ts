import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { buildAnnualReviewReport, buildQuarterlyBulletin } from "../../src/services/assessment-service.ts";
import { loadHomeAccountability } from "../../src/services/home-accountability.ts";
import { loadHomeData } from "../../src/services/home-data.ts";
import { buildLeaders } from "../../src/services/leaders-service.ts";
import { loadProjectCard } from "../../src/services/project-card.ts";
import type { ServiceContext } from "../../src/services/project-service.ts";
import { openSupervisionItem, takeSupervisionStep } from "../../src/services/supervision-service.ts";
import { buildSupervisionReport } from "../../src/services/supervision-report-service.ts";
import { buildUnstartedReport } from "../../src/services/unstarted-service.ts";
import { weeklyAccountability } from "../../src/services/weekly-accountability-service.ts";
import { reportContext } from "../../src/reports/report-context.ts";
import { upsertGroup, upsertUnit } from "../../src/store/directory.ts";
import { recordFunds } from "../../src/store/funds.ts";
import { createProject, saveProjectChanges } from "../../src/store/projects.ts";
import { loadSnapshot } from "../../src/store/snapshot.ts";
import { newGroup, newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The services that load what a list, a card or App Home shows and hand it
// to the pure builders: which day they are about (today in the district
// unless asked), which rows they pass on, and the store's own rules when
// the caller has none. A small district made by hand, so every row is known.

const ADMIN = "U0ADMIN";
const OWNER = "U0OWNER";
const LEADER = "U0LEADER";
const NOW = new Date("2026-11-22T17:00:00Z"); // already Monday 11-23 in Chongqing (UTC+8)
const seed = { author: "seed", source: "CLI" as const };
let store: TestStore;
let ctx: ServiceContext;
const ids: Record<string, number> = {};
const items: Record<string, number> = {};

beforeAll(async () => {
  store = await createTestStore();
  const db = store.db;
  ctx = { db, rules: DEFAULT_RULES, admins: [ADMIN], now: NOW };
  const groupId = await upsertGroup(db, newGroup("新材料产业招商组", ["U0MEMBER"]));
  const park = await upsertUnit(db, { name: "白涛园区", kind: "PARK" });
  const dept = await upsertUnit(db, { name: "区商务委", kind: "DEPARTMENT" });
  const at = { at: new Date("2026-01-05T02:00:00Z") };
  // Signed in March, not started: 签约未开工 (and the leader's).
  ids.unstarted = (await createProject(db, newProject({ name: "铜箔项目", groupId, leadUnitId: park, coUnitIds: [dept], agreedWan: 120_000, stage: "SIGNED", stageDates: { NEGOTIATING: "2026-02-01", SIGNED: "2026-03-01" }, leaderName: "李区长", leaderSlackId: LEADER }), seed, at)).id;
  // Signed on 11-23 itself: not yet in a list as of 11-22.
  ids.signedToday = (await createProject(db, newProject({ name: "光伏项目", groupId, agreedWan: 80_000, stage: "SIGNED", stageDates: { SIGNED: "2026-11-23" } }), seed, at)).id;
  ids.started = (await createProject(db, newProject({ name: "玻纤项目", groupId, stage: "STARTED", stageDates: { SIGNED: "2026-01-10", STARTED: "2026-04-01" }, leaderName: "李区长", leaderSlackId: LEADER }), seed, at)).id;
  await recordFunds(db, { projectId: ids.unstarted, date: "2026-06-01", amountWan: 3_000 }, seed, at);
  await recordFunds(db, { projectId: ids.unstarted, date: "2026-11-23", amountWan: 500 }, seed, at);
  for (const [key, projectId, deadline] of [
    ["overdue", ids.unstarted, "2026-11-20"],
    ["open", ids.started, "2026-12-31"],
  ] as const) {
    const r = await openSupervisionItem({ ...ctx, now: new Date("2026-11-02T02:00:00Z") }, { userId: ADMIN, source: "CLI" }, projectId, { issue: `${key}事项`, owner: OWNER, deadline });
    if (!r.ok) throw new Error(r.error);
    items[key] = r.value.id;
  }
  // One the owner asked to close: waiting for 复核.
  const review = await openSupervisionItem({ ...ctx, now: new Date("2026-11-02T02:00:00Z") }, { userId: ADMIN, source: "CLI" }, ids.started, { issue: "复核事项", owner: OWNER, deadline: "2026-12-15" });
  if (!review.ok) throw new Error(review.error);
  items.review = review.value.id;
  expect((await takeSupervisionStep(ctx, { userId: OWNER, source: "SLASH" }, items.review, "REQUEST_CLOSE", { note: "已解决" })).ok).toBe(true);
  const proposed = await openSupervisionItem(ctx, { userId: "U0MEMBER", source: "SLASH" }, ids.unstarted, { issue: "建议事项", owner: OWNER, deadline: "2026-12-20" });
  if (!proposed.ok) throw new Error(proposed.error);
  items.proposed = proposed.value.id;
});
afterAll(async () => {
  await store.destroy();
});

describe("签约未开工 list", () => {
  it("is as of today in the district unless a day is asked, with the store's rules unless given", async () => {
    const today = await buildUnstartedReport(store.db, { now: NOW });
    expect(today.asOf).toBe("2026-11-23");
    expect(today.projects.map((p) => [p.name, p.signedOn, p.fundsWan])).toEqual([
      ["铜箔项目", "2026-03-01", 3_500],
      ["光伏项目", "2026-11-23", 0],
    ]);
    const earlier = await buildUnstartedReport(store.db, { now: NOW, asOf: "2026-11-22" }, DEFAULT_RULES);
    expect(earlier.asOf).toBe("2026-11-22");
    expect(earlier.projects.map((p) => [p.name, p.fundsWan])).toEqual([["铜箔项目", 3_000]]);
  });
});

describe("领导包联", () => {
  it("names each leader's projects and their overdue items as of the day", async () => {
    const report = await buildLeaders(store.db, { now: NOW });
    expect(report.asOf).toBe("2026-11-23");
    const entry = report.leaders.find((l) => l.slackId === LEADER)!;
    expect(entry.projects.map((p) => p.name).sort()).toEqual(["玻纤项目", "铜箔项目"]);
    expect(entry.overdueSupervision.map((s) => [s.id, s.daysOverdue])).toEqual([[items.overdue, 3]]);
    const before = await buildLeaders(store.db, { now: NOW, asOf: "2026-11-19" }, DEFAULT_RULES);
    expect(before.asOf).toBe("2026-11-19");
    expect(before.leaders.find((l) => l.slackId === LEADER)!.overdueSupervision).toEqual([]);
  });
});

describe("督办事项清单", () => {
  it("lists every item as of the day, filtered when asked", async () => {
    const all = await buildSupervisionReport(store.db, { now: NOW });
    expect(all.asOf).toBe("2026-11-23");
    expect(all.filter).toBeNull();
    expect(all.items.map((i) => [i.id, i.project, i.group]).sort()).toEqual(
      [
        [items.overdue, "铜箔项目", "新材料产业招商组"],
        [items.open, "玻纤项目", "新材料产业招商组"],
        [items.review, "玻纤项目", "新材料产业招商组"],
        [items.proposed, "铜箔项目", "新材料产业招商组"],
      ].sort(),
    );
    const overdue = await buildSupervisionReport(store.db, { now: NOW, asOf: "2026-11-23", status: "overdue" }, DEFAULT_RULES);
    expect([overdue.filter, overdue.items.map((i) => i.id)]).toEqual(["overdue", [items.overdue]]);
  });
});

describe("the weekly summary's accountability sections", () => {
  it("name the 签约未开工 candidates with the week's funds and the items of supervised projects", async () => {
    const week = await weeklyAccountability(store.db, { start: "2026-11-16", asOf: "2026-11-22" }, DEFAULT_RULES);
    expect(JSON.stringify(week.unstarted)).toContain("铜箔项目");
    expect(JSON.stringify(week.unstarted)).not.toContain("光伏项目");
    expect(JSON.stringify(week.supervision)).toContain("overdue事项");
  });
});

describe("App Home's accountability", () => {
  async function homeOf(userId: string) {
    const snapshot = await loadSnapshot(store.db, "2026-11-23", DEFAULT_RULES);
    return loadHomeAccountability(store.db, userId, reportContext(snapshot), [ADMIN]);
  }

  it("a 督办员 sees what waits for 复核 (not their own request) and the proposals; an owner their open items by deadline", async () => {
    const admin = await homeOf(ADMIN);
    expect([admin.isSupervisor, admin.waitingReview.map((i) => i.id), admin.proposals.map((i) => i.id), admin.myItems]).toEqual([true, [items.review], [items.proposed], []]);
    expect(admin.waitingReview[0]).toMatchObject({ projectId: ids.started, projectName: "玻纤项目", state: { status: "REVIEW" } });
    const owner = await homeOf(OWNER);
    expect([owner.isSupervisor, owner.waitingReview, owner.proposals]).toEqual([false, [], []]);
    // Open and awaiting 复核 are still theirs, earliest deadline first.
    expect(owner.myItems.map((i) => i.id)).toEqual([items.overdue, items.review, items.open]);
    expect(owner.leader).toBeNull();
  });

  it("a 包联领导 sees their projects, as their digest does", async () => {
    const leader = await homeOf(LEADER);
    expect(leader.leader).toMatchObject({ slackId: LEADER, counts: { projects: 2, overdueSupervision: 1 } });
  });
});

describe("a project card", () => {
  it("shows the project with its names, money, items in play and recent changes, as of today", async () => {
    const card = (await loadProjectCard(store.db, ids.unstarted, NOW))!;
    expect(card).toMatchObject({ asOf: "2026-11-23", timeZone: DEFAULT_RULES.timeZone, groupName: "新材料产业招商组", leadUnitName: "白涛园区", coUnitNames: ["区商务委"], landingUnitName: "", arrivedWan: 3_500 });
    expect(card.supervisionItems.map((i) => [i.id, i.state.status]).sort()).toEqual([[items.overdue, "OPEN"], [items.proposed, "PROPOSED"]].sort());
    expect(card.openSupervision.map((s) => s.id)).toContain(items.overdue);
    expect(card.followOn).toEqual({ parent: null, children: [] });
    expect(card.weighted.perUnit.map((u) => u.unit)).toContain("白涛园区");
    expect(await loadProjectCard(store.db, 99_999, NOW)).toBeNull();
  });

  it("keeps the last five changes (each save's rows together) and names a follow-on's parent and children", async () => {
    const p = await createProject(store.db, newProject({ name: "历史项目", stage: "PRODUCING", stageDates: { PRODUCING: "2026-01-01" } }), seed, { at: new Date("2026-01-01T00:00:00Z") });
    for (let v = 1; v <= 6; v++) await saveProjectChanges(store.db, p.id, v, { nextStep: `第${v}步`, blockers: `卡点${v}` }, seed, { at: new Date(Date.UTC(2026, 1, v)) });
    const child = await createProject(store.db, newProject({ name: "历史项目二期", followOnOf: p.id, followOnKind: "PHASE_TWO", agreedWan: 9_000 }), seed);
    const card = (await loadProjectCard(store.db, p.id, NOW))!;
    expect(card.recentUpdates.map((u) => u.newValue)).toEqual(["卡点6", "第6步", "卡点5", "第5步", "卡点4", "第4步", "卡点3", "第3步", "卡点2", "第2步"]);
    expect(card.groupName).toBe("未分组");
    expect(card.followOn.children).toEqual([{ id: child.id, name: "历史项目二期", followOnKind: "PHASE_TWO", agreedWan: 9_000, stage: "NEGOTIATING" }]);
    expect((await loadProjectCard(store.db, child.id, NOW))!.followOn.parent).toEqual({ id: p.id, name: "历史项目" });
  });
});

describe("App Home", () => {
  it("lists the user's projects by urgency (red first, more reasons first, then by number), their overdue items, reminders and group", async () => {
    const dueSoon = (await createProject(store.db, newProject({ name: "钠电项目", groupId: (await store.db.group.findFirstOrThrow()).id, nextStep: "签约", nextStepDue: "2026-11-25" }), seed, { at: new Date("2026-01-05T02:00:00Z") })).id;
    const home = await loadHomeData(store.db, "U0MEMBER", NOW, [ADMIN]);
    expect(home.asOf).toBe("2026-11-23");
    expect(home.weekLabel).toBe("2026-W47");
    expect(home.projects.map((p) => [p.project.name, p.health.light, p.groupName])).toEqual([
      ["铜箔项目", "RED", "新材料产业招商组"],
      ["光伏项目", "RED", "新材料产业招商组"],
      ["钠电项目", "RED", "新材料产业招商组"],
      ["玻纤项目", "GREEN", "新材料产业招商组"],
    ]);
    expect(home.overdue).toEqual([{ project: expect.objectContaining({ id: ids.unstarted }), text: "督办事项“overdue事项”超过办理期限3天未销号（期限11月20日）" }]);
    expect(home.reminders.map((r) => r.project.id)).toEqual([dueSoon]);
    expect(home.groups.map((g) => [g.group.name, g.total])).toEqual([["新材料产业招商组", 1]]);
    expect(home.accountability).toMatchObject({ isSupervisor: false, myItems: [] });
    // Someone in no group, responsible for nothing: an empty page, no ranking read.
    const stranger = await loadHomeData(store.db, "U0NOBODY", NOW);
    expect([stranger.projects, stranger.groups, stranger.overdue]).toEqual([[], [], []]);
    // A responsible person outside any group sees the projects they are responsible for.
    await createProject(store.db, newProject({ name: "责任项目", responsibleUserIds: ["U0RESPONSIBLE"] }), seed, { at: new Date("2026-01-05T02:00:00Z") });
    expect((await loadHomeData(store.db, "U0RESPONSIBLE", NOW)).projects.map((p) => p.project.name)).toEqual(["责任项目"]);
  });
});

describe("assessments", () => {
  it("the 季通报 is of the last quarter ended unless one is named", async () => {
    const last = await buildQuarterlyBulletin(store.db, { now: NOW });
    expect([last.period.label, last.period.asOf, last.sections.length]).toEqual(["2026-Q3", "2026-09-30", 2]);
    const named = await buildQuarterlyBulletin(store.db, { now: NOW, quarter: "2026-Q4", asOf: "2026-11-20" }, DEFAULT_RULES);
    expect([named.period.label, named.period.asOf]).toEqual(["2026-Q4", "2026-11-20"]);
  });

  it("the 年考核 is of last year unless one is named, counting 签约未开工 over the limit against the lead unit and its group", async () => {
    expect((await buildAnnualReviewReport(store.db, { now: NOW })).period).toMatchObject({ label: "2025", asOf: "2025-12-31" });
    const review = await buildAnnualReviewReport(store.db, { now: NOW, year: "2026" }, DEFAULT_RULES);
    expect(review.period).toMatchObject({ label: "2026", asOf: "2026-11-23" });
    expect(review.unstartedLimitDays).toBe(180);
    expect(review.sections.map((s) => [s.by, s.rows.map((r) => [r.name, r.unstartedOverLimit])])).toEqual([
      ["group", [["新材料产业招商组", 1]]],
      ["unit", [["白涛园区", 1], ["区商务委", 0]]],
    ]);
    // Earlier in the year the project was not yet over the limit.
    const early = await buildAnnualReviewReport(store.db, { now: NOW, year: "2026", asOf: "2026-08-27" }, DEFAULT_RULES);
    expect(early.sections.map((s) => s.rows.map((r) => r.unstartedOverLimit))).toEqual([[0], [0, 0]]);
    const late = await buildAnnualReviewReport(store.db, { now: NOW, year: "2026", asOf: "2026-08-29" }, DEFAULT_RULES);
    expect(late.sections.map((s) => s.rows.map((r) => r.unstartedOverLimit))).toEqual([[1], [1, 0]]);
  });
});

describe("the demo district", () => {
  it("is loaded into an empty store only; a store with real projects is left alone", async () => {
    expect(await ensureDemo(store.db, NOW)).toEqual({ status: "foreign", projects: await store.db.project.count() });
    const empty = await createTestStore();
    try {
      const loaded = await ensureDemo(empty.db, NOW);
      expect(loaded.status).toBe("loaded");
      expect(await ensureDemo(empty.db, NOW)).toEqual({ status: "present" });
    } finally {
      await empty.destroy();
    }
  });
});
