import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEETING_TEXTS, TERMS } from "../../src/domain/glossary.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { loadAgenda } from "../../src/services/agenda-service.ts";
import { decisionTallyLine, loadDecisionTally } from "../../src/services/decision-tally.ts";
import { adjournMeeting, closeGeneralTask, createMeeting, meetingFor, recordMeetingDecision } from "../../src/services/meeting-service.ts";
import { loadMinutes, personText } from "../../src/services/minutes-service.ts";
import { editPermission, type ServiceContext } from "../../src/services/project-service.ts";
import { closeOrRequest } from "../../src/services/supervision-service.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { getDecision, meetingsOn } from "../../src/store/meetings.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { loadSupervision } from "../../src/store/supervision.ts";
import { newGroup, newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The 调度会 use cases against a real store, without Slack: which meeting a
// decision, an agenda or a 纪要 is about, who may record, close and adjourn,
// and what each refusal says (the glossary's words, with the right numbers).

const ADMIN = "U0ADMIN";
const MEMBER = "U0MEMBER";
const OUTSIDER = "U0OUTSIDER";
// Monday 2026-11-23, 10:00 in Chongqing.
const NOW = new Date("2026-11-23T02:00:00Z");
const admin = { userId: ADMIN, source: "SLASH" as const };
const member = { userId: MEMBER, source: "SLASH" as const };
let store: TestStore;
let ctx: ServiceContext;
let projectId: number;

beforeAll(async () => {
  store = await createTestStore();
  ctx = { db: store.db, rules: DEFAULT_RULES, admins: [ADMIN], now: NOW };
  const groupId = await upsertGroup(store.db, newGroup("新材料产业招商组", [MEMBER], { leaderName: "夏艺" }));
  projectId = (await createProject(store.db, newProject({ name: "电子铜箔项目", investor: "某某铜业", groupId }), { author: "seed", source: "CLI" }, { at: NOW })).id;
});
afterAll(async () => {
  await store.destroy();
});

const decision = (over: Partial<Parameters<typeof recordMeetingDecision>[2]> = {}) => ({ projectId, matter: " 协调用地指标 ", unit: " 区规划自然资源局 ", owner: " <@U0OWNER> ", deadline: "2026-12-31", ...over });

describe("meetings", () => {
  it("creates the weekly meeting from the rules unless told otherwise, once per day and title", async () => {
    const weekly = await createMeeting(ctx, admin, { date: "2026-11-24", title: "  " });
    const m = DEFAULT_RULES.meeting;
    expect(weekly).toMatchObject({ created: true, meeting: { date: "2026-11-24", title: m.title, time: m.time, place: m.place, host: m.host, attendees: m.attendees, status: "OPEN" } });
    expect(await createMeeting(ctx, admin, { date: "2026-11-24" })).toMatchObject({ created: false, meeting: { id: weekly.meeting.id } });
    const special = await createMeeting(ctx, admin, { date: "2026-11-24", title: " 专题协调会 ", time: "15:00", place: "三楼会议室", host: "李区长", attendees: ["区商务委"] });
    expect(special).toMatchObject({ created: true, meeting: { title: "专题协调会", time: "15:00", place: "三楼会议室", host: "李区长", attendees: ["区商务委"] } });
  });

  it("meetingFor: the first meeting of a named day, else that day's weekly one; without a day the next open one, else next week's", async () => {
    const [weekly] = await meetingsOn(store.db, "2026-11-24");
    expect((await meetingFor(ctx, "2026-11-24")).id).toBe(weekly!.id);
    const made = await meetingFor(ctx, "2026-11-26");
    expect(made).toMatchObject({ date: "2026-11-26", title: DEFAULT_RULES.meeting.title });
    // Monday: the next open meeting from today is Tuesday's.
    expect((await meetingFor(ctx)).id).toBe(weekly!.id);
    // With every meeting from today on closed, the next weekly one (Tuesday 12-01) is made.
    const later: ServiceContext = { ...ctx, now: new Date("2026-11-27T02:00:00Z") };
    await adjournMeeting(later, admin, made.id);
    expect(await meetingFor(later)).toMatchObject({ date: "2026-12-01", title: DEFAULT_RULES.meeting.title });
    expect((await meetingFor(later)).date).toBe("2026-12-01");
  });
});

describe("recording a decision", () => {
  it("refuses an incomplete one, a past deadline, an unknown project, a project not the caller's, a general task from a non-admin", async () => {
    const incomplete = { ok: false, kind: "invalid", error: MEETING_TEXTS.refusals.incomplete(MEETING_TEXTS.decideExample) };
    expect(await recordMeetingDecision(ctx, member, decision({ matter: " " }))).toEqual(incomplete);
    expect(await recordMeetingDecision(ctx, member, decision({ unit: "" }))).toEqual(incomplete);
    expect(await recordMeetingDecision(ctx, member, decision({ owner: "  " }))).toEqual(incomplete);
    expect(await recordMeetingDecision(ctx, member, decision({ deadline: "2026-11-22" }))).toEqual({ ok: false, kind: "invalid", error: MEETING_TEXTS.refusals.pastDeadline("2026-11-22") });
    expect(await recordMeetingDecision(ctx, member, decision({ projectId: 999 }))).toEqual({ ok: false, kind: "not_found", error: MEETING_TEXTS.refusals.noProject(999) });
    const outsider = await recordMeetingDecision(ctx, { userId: OUTSIDER, source: "SLASH" }, decision());
    const { who } = await editPermission(ctx, OUTSIDER, (await getProject(store.db, projectId))!);
    expect(outsider).toEqual({ ok: false, kind: "forbidden", error: MEETING_TEXTS.refusals.notOnProject(projectId, who) });
    expect(await recordMeetingDecision(ctx, member, decision({ projectId: null }))).toEqual({ ok: false, kind: "forbidden", error: MEETING_TEXTS.refusals.generalNeedsAdmin });
    expect(await recordMeetingDecision(ctx, member, decision({ meetingId: 999 }))).toEqual({ ok: false, kind: "not_found", error: MEETING_TEXTS.refusals.noMeeting(999) });
  });

  it("records one due today, trimmed, in the latest open meeting up to today, and lists its 督办 item at once", async () => {
    // Today's weekly meeting is made for it (no open meeting up to Monday yet).
    const r = await recordMeetingDecision(ctx, { ...member, requestKey: "d-1" }, decision({ deadline: "2026-11-23" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ projectName: "电子铜箔项目", meeting: { date: "2026-11-23", title: DEFAULT_RULES.meeting.title } });
    expect(r.value.decision).toMatchObject({ projectId, matter: "协调用地指标", unit: "区规划自然资源局", owner: "<@U0OWNER>", deadline: "2026-11-23", createdAt: NOW });
    const item = await loadSupervision(store.db, r.value.decision.supervisionId!, ctx.rules.timeZone);
    expect(item).toMatchObject({ projectId, status: "OPEN" });
    expect(item!.steps[0]).toMatchObject({ kind: "LIST", by: MEMBER, on: "2026-11-23", note: MEETING_TEXTS.supervisionNote, issue: MEETING_TEXTS.supervisionIssue("协调用地指标"), owner: "<@U0OWNER>", deadline: "2026-11-23" });
    expect(await recordMeetingDecision(ctx, { ...member, requestKey: "d-1" }, decision())).toMatchObject({ ok: false, kind: "duplicate" });
    // The next one goes to the same meeting.
    const next = await recordMeetingDecision(ctx, admin, decision({ projectId: null, matter: "梳理闲置厂房" }));
    expect(next).toMatchObject({ ok: true, value: { meeting: { id: r.value.meeting.id }, projectName: null, decision: { supervisionId: null } } });
  });

  it("a named meeting takes it unless closed", async () => {
    const special = (await createMeeting(ctx, admin, { date: "2026-11-23", title: "专题协调会" })).meeting;
    expect(await recordMeetingDecision(ctx, admin, decision({ meetingId: special.id }))).toMatchObject({ ok: true, value: { meeting: { id: special.id } } });
    await adjournMeeting(ctx, admin, special.id);
    expect(await recordMeetingDecision(ctx, admin, decision({ meetingId: special.id }))).toEqual({ ok: false, kind: "invalid", error: MEETING_TEXTS.refusals.meetingClosed("专题协调会", "2026-11-23") });
  });
});

describe("closing general tasks and adjourning", () => {
  it("a general task is closed once, by an admin or from the CLI; a supervised one through its item", async () => {
    const general = await recordMeetingDecision(ctx, admin, decision({ projectId: null, matter: "编制招商图谱" }));
    const supervised = await recordMeetingDecision(ctx, admin, decision({ matter: "解决电力增容" }));
    if (!general.ok || !supervised.ok) throw new Error("not recorded");
    const g = general.value.decision.id;
    const s = supervised.value.decision;
    expect(await closeGeneralTask(ctx, member, g)).toEqual({ ok: false, kind: "forbidden", error: MEETING_TEXTS.refusals.closeGeneralNeedsAdmin });
    expect(await closeGeneralTask(ctx, admin, 999)).toEqual({ ok: false, kind: "not_found", error: MEETING_TEXTS.refusals.noDecision(999) });
    expect(await closeGeneralTask(ctx, admin, s.id)).toEqual({ ok: false, kind: "invalid", error: MEETING_TEXTS.refusals.decisionSupervised(s.id, s.supervisionId!) });
    expect(await closeGeneralTask(ctx, { userId: "ops", source: "CLI" }, g)).toEqual({ ok: true, value: { id: g } });
    expect((await getDecision(store.db, g))!.closedAt).toEqual(NOW);
    expect(await closeGeneralTask(ctx, admin, g)).toEqual({ ok: false, kind: "invalid", error: MEETING_TEXTS.refusals.decisionClosed(g) });
  });

  it("散会 closes the latest open meeting up to today, by an admin or from the CLI, and says when it was already closed", async () => {
    const later: ServiceContext = { ...ctx, now: new Date("2026-12-10T02:00:00Z") };
    expect(await adjournMeeting(later, member)).toEqual({ ok: false, kind: "forbidden", error: MEETING_TEXTS.refusals.adjournNeedsAdmin });
    expect(await adjournMeeting(later, admin, 999)).toEqual({ ok: false, kind: "not_found", error: MEETING_TEXTS.refusals.noMeeting(999) });
    const first = await adjournMeeting(later, { userId: "ops", source: "CLI" });
    expect(first).toMatchObject({ ok: true, value: { closedNow: true, meeting: { date: "2026-12-01", status: "CLOSED" } } });
    const [monday] = await meetingsOn(store.db, "2026-11-23");
    expect(await adjournMeeting(later, admin, monday!.id)).toMatchObject({ ok: true, value: { closedNow: true, meeting: { id: monday!.id } } });
    expect(await adjournMeeting(later, admin, monday!.id)).toMatchObject({ ok: true, value: { closedNow: false, meeting: { id: monday!.id } } });
    // Then the latest open ones, latest day first: the two of 11-24, the one made last first.
    expect(await adjournMeeting(later, admin)).toMatchObject({ ok: true, value: { meeting: { date: "2026-11-24", title: "专题协调会" } } });
    expect(await adjournMeeting(later, admin)).toMatchObject({ ok: true, value: { meeting: { date: "2026-11-24", title: DEFAULT_RULES.meeting.title } } });
    expect(await adjournMeeting(later, admin)).toEqual({ ok: false, kind: "not_found", error: MEETING_TEXTS.refusals.noOpenMeeting });
  });
});

describe("minutes, tally and agenda", () => {
  it("personText names the people it knows and leaves the others' ids", () => {
    const names = new Map([["U1", "王小峡"]]);
    expect(personText("<@U1>、<@U2|li>、张三", names)).toBe("王小峡、U2、张三");
    expect(personText("<@U1>")).toBe("U1");
  });

  it("the 纪要: one topic per project in the order first decided, its decisions in order, general tasks last", async () => {
    const m = (await createMeeting(ctx, admin, { date: "2026-11-23", title: "纪要测试会" })).meeting;
    const other = (await createProject(store.db, newProject({ name: "光伏玻璃项目", investor: "" }), { author: "seed", source: "CLI" }, { at: NOW })).id;
    for (const [pid, matter] of [
      [null, "综合一"],
      [projectId, "铜箔一"],
      [other, "光伏一"],
      [projectId, "铜箔二"],
      [null, "综合二"],
    ] as const)
      expect((await recordMeetingDecision(ctx, admin, decision({ meetingId: m.id, projectId: pid, matter, owner: "<@U1>" }))).ok).toBe(true);
    const minutes = await loadMinutes(store.db, m, new Map([["U1", "王小峡"]]));
    expect(minutes.meeting).toEqual(m);
    expect(minutes.topics.map((t) => [t.projectId, t.title, t.decisions.map((d) => [d.matter, d.owner, d.unit, d.deadline])])).toEqual([
      [projectId, "电子铜箔项目（某某铜业）", [["铜箔一", "王小峡", "区规划自然资源局", "2026-12-31"], ["铜箔二", "王小峡", "区规划自然资源局", "2026-12-31"]]],
      [other, "光伏玻璃项目", [["光伏一", "王小峡", "区规划自然资源局", "2026-12-31"]]],
      [null, TERMS.generalTask, [["综合一", "王小峡", "区规划自然资源局", "2026-12-31"], ["综合二", "王小峡", "区规划自然资源局", "2026-12-31"]]],
    ]);
    const none = (await createMeeting(ctx, admin, { date: "2026-11-23", title: "空会" })).meeting;
    expect((await loadMinutes(store.db, none)).topics).toEqual([]);
  });

  it("the tally counts decisions made by the day's end, closed by then as done", async () => {
    const tally = await loadDecisionTally(store.db, DEFAULT_RULES, "2026-11-23");
    // Made on 11-23 (NOW), deadlines 11-23 and 12-31; one general task closed on 11-23.
    expect(tally.done).toBe(1);
    expect(tally.inProgress).toBeGreaterThan(0);
    expect(tally.overdue).toBe(0);
    expect(await loadDecisionTally(store.db, DEFAULT_RULES, "2026-11-22")).toEqual({ done: 0, inProgress: 0, overdue: 0 });
    // On 11-24 the one due 11-23 is overdue.
    expect((await loadDecisionTally(store.db, DEFAULT_RULES, "2026-11-24")).overdue).toBe(1);
    expect(decisionTallyLine({ done: 1, inProgress: 2, overdue: 3 })).toBe(MEETING_TEXTS.decisionTally(1, 2, 3));
  });

  it("an item closed through 销号 counts as done from that day", async () => {
    const r = await recordMeetingDecision(ctx, admin, decision({ matter: "当天落实", owner: MEMBER }));
    if (!r.ok) throw new Error(r.error);
    const before = await loadDecisionTally(store.db, DEFAULT_RULES, "2026-11-23");
    const later: ServiceContext = { ...ctx, now: new Date("2026-11-25T02:00:00Z") };
    expect((await closeOrRequest(later, member, r.value.decision.supervisionId!, "已落实")).ok).toBe(true);
    expect((await closeOrRequest(later, admin, r.value.decision.supervisionId!, "同意")).ok).toBe(true);
    expect(await loadDecisionTally(store.db, DEFAULT_RULES, "2026-11-23")).toEqual(before);
    expect((await loadDecisionTally(store.db, DEFAULT_RULES, "2026-11-25")).done).toBe(before.done + 1);
  });

  it("the agenda lists the earlier meetings' decisions by name, done only when closed by the day it is made, and which meeting of the year it is", async () => {
    const meeting = (await createMeeting(ctx, admin, { date: "2026-12-08" })).meeting;
    const cli = { userId: "ops", source: "CLI" as const };
    const general = async (matter: string) => (await getDecisions()).find((d) => d.matter === matter)!.id;
    // One general task closed before the agenda is made, one after it.
    expect((await closeGeneralTask({ ...ctx, now: new Date("2026-12-03T02:00:00Z") }, cli, await general("梳理闲置厂房"))).ok).toBe(true);
    expect((await closeGeneralTask({ ...ctx, now: new Date("2026-12-08T02:00:00Z") }, cli, await general("综合二"))).ok).toBe(true);
    const agenda = await loadAgenda(store.db, DEFAULT_RULES, new Date("2026-12-07T02:00:00Z"), meeting);
    expect(agenda.asOf).toBe("2026-12-07");
    // The weekly meetings of 11-23, 11-24, 11-26, 12-01 and this one.
    expect(agenda.meeting).toMatchObject({ id: meeting.id, date: "2026-12-08", ordinal: 5 });
    expect(agenda.sections[0]!.items.map((i) => [i.decisionId, i.title, i.status])).toEqual([
      [1, "#1 电子铜箔项目：协调用地指标", "OVERDUE"],
      [2, "综合事项：梳理闲置厂房", "DONE"],
      [3, "#1 电子铜箔项目：协调用地指标", "IN_PROGRESS"],
      [5, "#1 电子铜箔项目：解决电力增容", "IN_PROGRESS"],
      [6, "综合事项：综合一", "IN_PROGRESS"],
      [7, "#1 电子铜箔项目：铜箔一", "IN_PROGRESS"],
      [8, "#2 光伏玻璃项目：光伏一", "IN_PROGRESS"],
      [9, "#1 电子铜箔项目：铜箔二", "IN_PROGRESS"],
      [10, "综合事项：综合二", "IN_PROGRESS"],
    ]);
  });
});

async function getDecisions() {
  return store.db.meetingDecision.findMany({ orderBy: { id: "asc" } });
}
