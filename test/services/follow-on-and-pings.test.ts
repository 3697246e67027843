import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FOLLOW_ON_KIND_NAMES } from "../../src/domain/glossary.ts";
import { followOnExample, followOnParentProblem } from "../../src/domain/follow-on.ts";
import { muteProblem } from "../../src/domain/ping-mute.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { recordFollowOn } from "../../src/services/follow-on-service.ts";
import { acknowledgePingReaction, markOverdueHandled, muteMyPings } from "../../src/services/ping-service.ts";
import { editPermission, type ServiceContext } from "../../src/services/project-service.ts";
import { upsertGroup, upsertUnit } from "../../src/store/directory.ts";
import { findPing, mutedUsers, recordPing } from "../../src/store/pings.ts";
import { createProject, getProject, projectHistory } from "../../src/store/projects.ts";
import { newGroup, newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// 未来订单 and the answers to an overdue ping, as use cases on a real store:
// who may, what the new project inherits, what 已处理 records, what a mute
// does, and each refusal's words.

const ADMIN = "U0ADMIN";
const MEMBER = "U0MEMBER";
const RESPONSIBLE = "U0RESP";
const OUTSIDER = "U0OUTSIDER";
const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 11-23 in Chongqing
const member = { userId: MEMBER, source: "SLASH" as const };
let store: TestStore;
let ctx: ServiceContext;
let groupId: number;

beforeAll(async () => {
  store = await createTestStore();
  ctx = { db: store.db, rules: DEFAULT_RULES, admins: [ADMIN], now: NOW };
  groupId = await upsertGroup(store.db, newGroup("新材料产业招商组", [MEMBER], { leaderName: "夏艺" }));
});
afterAll(async () => {
  await store.destroy();
});

const seed = { author: "seed", source: "CLI" as const };
/** A project on record since before the tests' day (its history comes first). */
const make = (p: Parameters<typeof newProject>[0]) => createProject(store.db, newProject(p), seed, { at: new Date("2026-01-01T00:00:00Z") });

describe("未来订单", () => {
  it("takes the parent's group, units, people, origin, sector and investor, and links to it", async () => {
    const lead = await upsertUnit(store.db, { name: "白涛园区", kind: "PARK" });
    const co = await upsertUnit(store.db, { name: "区商务委", kind: "DEPARTMENT" });
    const parent = await make({
      name: "铜箔一期", investor: "某某铜业", industryChain: "电子材料", groupId, leadUnitId: lead, coUnitIds: [co], landingUnitId: lead, origin: "IN_CITY_OUTSIDE_DISTRICT", sector: "SERVICE",
      leaderName: "李区长", leaderSlackId: "U0LEADER", responsibleUserIds: [RESPONSIBLE], stage: "PRODUCING", stageDates: { PRODUCING: "2026-06-01" },
    });
    const r = await recordFollowOn(ctx, { ...member, requestKey: "fo-1" }, parent.id, "EXPANSION", { name: " 铜箔扩产 ", agreedWan: 50_000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parent).toEqual(parent);
    expect(r.value.project).toMatchObject({
      name: "铜箔扩产", investor: "某某铜业", industryChain: "电子材料", groupId, leadUnitId: lead, coUnitIds: [co], landingUnitId: lead, origin: "IN_CITY_OUTSIDE_DISTRICT", sector: "SERVICE",
      leaderName: "李区长", leaderSlackId: "U0LEADER", responsibleUserIds: [RESPONSIBLE], followOnOf: parent.id, followOnKind: "EXPANSION", agreedWan: 50_000,
    });
    expect(await recordFollowOn(ctx, { ...member, requestKey: "fo-1" }, parent.id, "EXPANSION", { name: "铜箔扩产" })).toMatchObject({ ok: false, kind: "duplicate" });
    // A parent without responsible people: the one recording it is.
    const bare = await make({ groupId, stage: "AT_CAPACITY", stageDates: { AT_CAPACITY: "2026-06-01" } });
    const second = await recordFollowOn(ctx, member, bare.id, "PHASE_TWO", { name: "二期" });
    expect(second).toMatchObject({ ok: true, value: { project: { responsibleUserIds: [MEMBER], followOnKind: "PHASE_TWO", investor: bare.investor } } });
  });

  it("a referral names its own investor; the others may too", async () => {
    const parent = await make({ groupId, stage: "PRODUCING", stageDates: { PRODUCING: "2026-06-01" } });
    const refused = await recordFollowOn(ctx, member, parent.id, "REFERRAL", { name: "引荐项目", investor: "  " });
    expect(refused).toEqual({
      ok: false,
      kind: "invalid",
      error: `${FOLLOW_ON_KIND_NAMES.REFERRAL}引进的是另一家企业的投资，请写明投资方，例如：${followOnExample(parent.id).replace("类型=增资扩产", "类型=以商引商")} 投资方="某某科技有限公司"`,
    });
    expect(await recordFollowOn(ctx, member, parent.id, "REFERRAL", { name: "引荐项目", investor: "另一家科技" })).toMatchObject({ ok: true, value: { project: { investor: "另一家科技", followOnKind: "REFERRAL" } } });
    expect(await recordFollowOn(ctx, member, parent.id, "EXPANSION", { name: "扩产二", investor: "新设子公司" })).toMatchObject({ ok: true, value: { project: { investor: "新设子公司" } } });
  });

  it("refuses an unknown parent, one not yet producing, someone who may not change it, and a missing name", async () => {
    expect(await recordFollowOn(ctx, member, 9_999, "EXPANSION", { name: "x" })).toEqual({ ok: false, kind: "not_found", error: "项目 #9999 不存在。用 /project 列表 查看项目编号。" });
    const signed = await make({ groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-06-01" } });
    expect(await recordFollowOn(ctx, member, signed.id, "EXPANSION", { name: "x" })).toEqual({ ok: false, kind: "invalid", error: followOnParentProblem(signed) });
    const parent = await make({ groupId, name: "母项目", stage: "PRODUCING", stageDates: { PRODUCING: "2026-06-01" } });
    const { who } = await editPermission(ctx, OUTSIDER, parent);
    expect(await recordFollowOn(ctx, { userId: OUTSIDER, source: "SLASH" }, parent.id, "EXPANSION", { name: "x" })).toEqual({
      ok: false,
      kind: "forbidden",
      error: `你没有为项目 #${parent.id}“母项目”登记未来订单的权限。可登记的人：${who}。`,
    });
    expect(await recordFollowOn(ctx, member, parent.id, "EXPANSION", { name: " " })).toEqual({ ok: false, kind: "invalid", error: `请写明未来订单项目的名称，例如：${followOnExample(parent.id)}` });
  });
});

describe("answers to an overdue ping", () => {
  let pingGroup: number;
  let overdue: number;
  const ref = { channelId: "C0PING", messageTs: "1700000000.000100" };

  beforeAll(async () => {
    pingGroup = await upsertGroup(store.db, newGroup("数字经济组", ["U0DIGITAL"], { channelId: "C0PING" }));
    overdue = (await make({ groupId, nextStep: " 办理施工许可 ", nextStepDue: "2026-11-20", responsibleUserIds: [RESPONSIBLE] })).id;
    await recordPing(store.db, { groupId: pingGroup, day: "2026-11-23", ...ref, projectIds: [overdue], escalated: false, at: NOW });
  });

  it("✅ counts only from someone who may answer one of its projects, or the ping's group, and only on a ping", async () => {
    expect(await acknowledgePingReaction(ctx, OUTSIDER, ref)).toBe(false);
    expect(await acknowledgePingReaction(ctx, MEMBER, { ...ref, messageTs: "1.2" })).toBe(false);
    expect((await findPing(store.db, ref.channelId, ref.messageTs))!.acknowledgedBy).toBeNull();
    // A member of the group the ping went to.
    expect(await acknowledgePingReaction(ctx, "U0DIGITAL", ref)).toBe(true);
    expect(await findPing(store.db, ref.channelId, ref.messageTs)).toMatchObject({ acknowledgedBy: "U0DIGITAL", acknowledgedAt: NOW });
    // A responsible person of one of its projects (the first answer stays).
    expect(await acknowledgePingReaction(ctx, RESPONSIBLE, ref)).toBe(true);
    expect(await acknowledgePingReaction(ctx, ADMIN, ref)).toBe(true);
    expect((await findPing(store.db, ref.channelId, ref.messageTs))!.acknowledgedBy).toBe("U0DIGITAL");
  });

  it("已处理 records the overdue step as done, clears it and answers the ping; refused when not overdue or not allowed", async () => {
    expect(await markOverdueHandled(ctx, member, 9_999, ref)).toEqual({ ok: false, kind: "not_found", error: "项目 #9999 已不存在。" });
    const outsider = await markOverdueHandled(ctx, { userId: OUTSIDER, source: "BUTTON" }, overdue, ref);
    expect(outsider).toMatchObject({ ok: false, kind: "forbidden" });
    const { who } = await editPermission(ctx, OUTSIDER, (await getProject(store.db, overdue))!);
    expect(!outsider.ok && outsider.error).toBe(`只有本项目的责任人、所在工作组成员或管理员可以答复这条提醒。可答复的人：${who}。`);
    const dueToday = (await make({ groupId, nextStep: "签约", nextStepDue: "2026-11-23" })).id;
    const notOverdue = `#${dueToday} 的下一步没有逾期，无需点“已处理”。逾期的督办事项请由负责人销号，例如：/project 销号 #${dueToday} 说明="已解决"`;
    expect(await markOverdueHandled(ctx, member, dueToday, ref)).toEqual({ ok: false, kind: "invalid", error: notOverdue });
    const noDue = (await make({ groupId, nextStep: "签约" })).id;
    expect(await markOverdueHandled(ctx, member, noDue, ref)).toMatchObject({ ok: false, kind: "invalid" });

    const second = { channelId: "C0PING", messageTs: "1700000000.000200" };
    await recordPing(store.db, { groupId: pingGroup, day: "2026-11-24", ...second, projectIds: [overdue], escalated: true, at: NOW });
    const r = await markOverdueHandled(ctx, { userId: RESPONSIBLE, source: "BUTTON" }, overdue, second);
    expect(r).toMatchObject({ ok: true, value: { day: "2026-11-23", project: { id: overdue, nextStep: "", nextStepDue: null } } });
    const [progress] = await projectHistory(store.db, overdue, 1);
    expect([progress!.field, progress!.newValue, progress!.author, progress!.source]).toEqual(["PROGRESS", "已完成下一步“办理施工许可”（逾期提醒中确认）", RESPONSIBLE, "BUTTON"]);
    expect((await findPing(store.db, second.channelId, second.messageTs))!.acknowledgedBy).toBe(RESPONSIBLE);
  });

  it("已处理 without a ping or a step's words still records it", async () => {
    const blank = (await make({ groupId, nextStep: "  ", nextStepDue: "2026-11-01" })).id;
    expect(await markOverdueHandled(ctx, member, blank, undefined)).toMatchObject({ ok: true });
    expect((await projectHistory(store.db, blank, 1))[0]!.newValue).toBe("已完成下一步（逾期提醒中确认）");
    // What the update itself refuses is the answer: a step too long to quote within 进展's limit; the ping stays unanswered.
    const long = (await make({ groupId, nextStep: "很长".repeat(1_000), nextStepDue: "2026-11-01" })).id;
    const third = { channelId: "C0PING", messageTs: "1700000000.000300" };
    await recordPing(store.db, { groupId: pingGroup, day: "2026-11-25", ...third, projectIds: [long], escalated: false, at: NOW });
    expect(await markOverdueHandled(ctx, member, long, third)).toMatchObject({ ok: false, kind: "invalid" });
    expect((await findPing(store.db, third.channelId, third.messageTs))!.acknowledgedBy).toBeNull();
  });

  it("a mute is bounded and silences the person until the day given", async () => {
    expect(await muteMyPings(ctx, MEMBER, "2027-01-31")).toEqual({ ok: false, kind: "invalid", error: muteProblem("2026-11-23", "2027-01-31") });
    expect(await mutedUsers(store.db, "2026-11-24")).toEqual(new Set());
    expect(await muteMyPings(ctx, MEMBER, "2026-11-30")).toEqual({ ok: true, value: { until: "2026-11-30" } });
    expect(await mutedUsers(store.db, "2026-11-30")).toEqual(new Set([MEMBER]));
    expect(await mutedUsers(store.db, "2026-12-01")).toEqual(new Set());
  });
});
