import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveJobsConfig } from "../../src/jobs/job-config.ts";
import { runDueJobs, type RunnerDeps } from "../../src/jobs/run-jobs.ts";
import { createLogger } from "../../src/log.ts";
import { PING_ACTIONS } from "../../src/slack/blocks/ping-blocks.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { findPing } from "../../src/store/pings.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { writeSetting } from "../../src/store/settings.ts";
import { newProject } from "../fixtures/factories.ts";
import { BOT_TOKEN, CHANNEL, MEMBER, OTHER, SECRET, startHarness, textOf, waitUntil, type Harness } from "../helpers/slack-harness.ts";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config.ts";
import { createSlackApp } from "../../src/slack/app.ts";
import { signedHeaders } from "../../src/slack-standin/index.ts";

// Overdue pings through the whole bot: the runner posts them, people answer
// with buttons, reactions and a mute date, the leader is named after three
// silent working days.

const LEADER = "U0LEADER";
const STRANGER = "U0STRANGER";
const at = (local: string) => new Date(`${local}+08:00`);
let h: Harness;
let runner: RunnerDeps;
let overdue: number;

beforeAll(async () => {
  h = await startHarness();
  h.standin.addUser({ id: STRANGER, name: "stranger" });
  h.standin.workspace.channels.get(CHANNEL)!.members.push(STRANGER);
  await upsertGroup(h.store.db, { name: "新材料产业招商组", leaderName: "夏艺", leaderSlackId: LEADER, commissioners: "", focus: "", channelId: CHANNEL, memberUserIds: [MEMBER, OTHER] });
  await saveJobsConfig(h.store.db, { overdue_pings: { time: "09:00" } });
  await writeSetting(h.store.db, "jobs.since", at("2026-11-01T00:00:00").toISOString());
  const seed = { author: "seed", source: "CLI" as const };
  const created = { at: at("2026-11-01T10:00:00") };
  overdue = (await createProject(h.store.db, newProject({ name: "锂电隔膜项目", groupId: h.groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-10-20" }, nextStep: "签订供地协议", nextStepDue: "2026-11-10", responsibleUserIds: [MEMBER] }), seed, created)).id;
  await createProject(h.store.db, newProject({ name: "正常推进项目", groupId: h.groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-10-20" }, nextStep: "开工", nextStepDue: "2026-12-30", responsibleUserIds: [OTHER] }), seed, created);
  await createProject(h.store.db, newProject({ name: "已处理测试项目", groupId: h.groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-10-20" }, nextStep: "土地摘牌", nextStepDue: "2026-11-20", responsibleUserIds: [MEMBER] }), seed, created);
  await createProject(h.store.db, newProject({ name: "另一个逾期项目", groupId: h.groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-10-20" }, nextStep: "环评", nextStepDue: "2026-11-12", responsibleUserIds: [OTHER] }), seed, created);
  runner = { db: h.store.db, client: new WebClient(BOT_TOKEN, { slackApiUrl: h.standin.url, retryConfig: { retries: 0 } }), worker: "w", logger: createLogger("silent"), now: () => h.clock.now };
});
afterAll(async () => {
  await h.close();
});

const pingPosts = () => h.standin.callsTo("chat.postMessage").filter((c) => c.ok && c.args.channel === CHANNEL && String(c.args.text).startsWith("逾期提醒"));

async function pingOn(day: string) {
  h.clock.now = at(`${day}T09:05:00`);
  return runDueJobs(runner, ["overdue_pings"]);
}

describe("overdue pings", () => {
  it("posts one message for the group, naming the responsible users, with buttons per project", async () => {
    await pingOn("2026-11-23");
    const posts = pingPosts();
    expect(posts).toHaveLength(1);
    const text = textOf(posts[0].args.blocks);
    expect(text).toContain("锂电隔膜项目");
    expect(text).toContain("另一个逾期项目");
    expect(text).not.toContain("正常推进项目");
    expect(text).toContain(`<@${MEMBER}>`);
    expect(text).toContain(`<@${OTHER}>`);
    expect(JSON.stringify(posts[0].args.blocks)).toContain(`${PING_ACTIONS.postpone}_${overdue}`);
    expect(await pingOn("2026-11-23")).toEqual([]);
  });

  it("更新进展 on the ping opens the update form for that project", async () => {
    h.standin.clear();
    await h.click({ action_id: `${PING_ACTIONS.update}_${overdue}`, value: String(overdue) });
    const [open] = await h.waitForCall("views.open");
    expect(open.ok).toBe(true);
    expect(JSON.stringify(open.args.view)).toContain("锂电隔膜项目");
  });

  it("a ✅ from someone outside the group and its projects is ignored", async () => {
    const ts = h.standin.messages(CHANNEL).find((m) => m.text.startsWith("逾期提醒"))!.ts;
    h.standin.clear();
    expect((await h.event({ type: "reaction_added", user: STRANGER, reaction: "white_check_mark", item: { type: "message", channel: CHANNEL, ts }, item_user: "UBOT", event_ts: "1" })).status).toBe(200);
    await h.settled();
    expect((await findPing(h.store.db, CHANNEL, ts))?.acknowledgedBy).toBeNull();
    expect(h.standin.callsTo("chat.update")).toHaveLength(0);
  });

  it("a ✅ from a member acknowledges the ping and shows on it who has seen it", async () => {
    const ts = h.standin.messages(CHANNEL).find((m) => m.text.startsWith("逾期提醒"))!.ts;
    expect((await h.event({ type: "reaction_added", user: OTHER, reaction: "white_check_mark", item: { type: "message", channel: CHANNEL, ts }, item_user: "UBOT", event_ts: "1" })).status).toBe(200);
    await h.settled();
    expect((await findPing(h.store.db, CHANNEL, ts))?.acknowledgedBy).toBe(OTHER);
    const [update] = await h.waitForCall("chat.update");
    expect(update.ok).toBe(true);
    expect(textOf(update.args.blocks)).toContain(`✅ 已知悉：<@${OTHER}>`);
    expect(textOf(h.standin.messages(CHANNEL).find((m) => m.ts === ts)!.blocks)).toContain("点 ✅ 表示已知悉");
  });

  it("a ✅ Slack re-delivers (X-Slack-Retry-Num, same event_id), to this process or another one, is applied once", async () => {
    const ts = h.standin.messages(CHANNEL).find((m) => m.text.startsWith("逾期提醒"))!.ts;
    h.standin.clear();
    const delivery = (eventId: string) => JSON.stringify({ token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: eventId, event_time: 2, event: { type: "reaction_added", user: MEMBER, reaction: "white_check_mark", item: { type: "message", channel: CHANNEL, ts }, item_user: "UBOT", event_ts: "2" } });
    const updates = () => h.standin.callsTo("chat.update").filter((c) => c.ok && c.args.ts === ts);
    // A second bot process on the same store (several processes behind one URL): Slack's retry may reach it.
    const other = createSlackApp(loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: h.standin.url, PORT: "0", DATABASE_URL: h.store.url }), { db: h.store.db, admins: [], now: () => h.clock.now, logger: createLogger("silent") });
    await other.start();
    let handling = 0;
    other.app.use(async ({ next }) => {
      handling++;
      try {
        await next();
      } finally {
        handling--;
      }
    });
    const otherSettled = async () => {
      await waitUntil(() => handling === 0, "the other process to finish", 15_000);
      await other.idle();
    };
    const toOther = (body: string, retryNum?: number) =>
      fetch(`http://127.0.0.1:${(other.http!.server.address() as AddressInfo).port}/slack/events`, {
        method: "POST",
        body,
        headers: { ...signedHeaders(SECRET, body, Date.now() + 1_000), ...(retryNum ? { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" } : {}) },
      });
    try {
      const body = delivery("EvRETRYACK1");
      expect((await h.post(body)).status).toBe(200);
      expect((await h.post(body, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })).status).toBe(200);
      await h.settled();
      expect((await toOther(body, 2)).status).toBe(200);
      await otherSettled();
      expect(updates()).toHaveLength(1);
      expect(await h.store.db.appliedRequest.count({ where: { key: "event:EvRETRYACK1" } })).toBe(1);
      // The other process does apply a ✅ it has not seen (a new event_id).
      expect((await toOther(delivery("EvRETRYACK2"))).status).toBe(200);
      await otherSettled();
      expect(updates()).toHaveLength(2);
      expect(textOf(updates()[1].args.blocks)).toContain(`<@${MEMBER}>`);
    } finally {
      await other.stop();
    }
  });

  it("延期7天 moves the next step's due date a week past today, once per click", async () => {
    const ts = h.standin.messages(CHANNEL).find((m) => m.text.startsWith("逾期提醒"))!.ts;
    h.standin.clear();
    await h.click({ action_id: `${PING_ACTIONS.postpone}_${overdue}`, value: String(overdue) }, { messageTs: ts });
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toContain("已延期至 2026-11-30");
    expect((await getProject(h.store.db, overdue))!.nextStepDue).toBe("2026-11-30");
  });

  it("已处理 from someone who may not answer is refused, saying who may (real mentions)", async () => {
    const ts = h.standin.messages(CHANNEL).find((m) => m.text.startsWith("逾期提醒"))!.ts;
    h.standin.clear();
    const other = (await h.store.db.project.findFirst({ where: { name: "已处理测试项目" } }))!;
    await h.click({ action_id: `${PING_ACTIONS.done}_${other.id}`, value: String(other.id) }, { user: STRANGER, messageTs: ts });
    const [eph] = await h.answers(STRANGER);
    const text = textOf(eph.blocks);
    expect(text).toContain("只有本项目的责任人、所在工作组成员或管理员可以答复");
    expect(text).toContain(`组长 <@${LEADER}>`);
    expect(text).toContain(`责任人 <@${MEMBER}>`);
    expect(text).not.toContain("&lt;@");
    expect((await getProject(h.store.db, other.id))!.nextStepDue).toBe("2026-11-20");
  });

  it("已处理 by the responsible user clears the overdue step, marks the ping's line, refreshes App Home", async () => {
    const ts = h.standin.messages(CHANNEL).find((m) => m.text.startsWith("逾期提醒"))!.ts;
    const target = (await h.store.db.project.findFirst({ where: { name: "已处理测试项目" } }))!.id;
    h.standin.clear();
    await h.click({ action_id: `${PING_ACTIONS.done}_${target}`, value: String(target) }, { user: MEMBER, messageTs: ts });
    const [eph] = await h.answers(MEMBER);
    expect(textOf(eph.blocks)).toContain("逾期的下一步已完成");
    const p = (await getProject(h.store.db, target))!;
    expect([p.nextStep, p.nextStepDue]).toEqual(["", null]);
    const [publish] = await h.waitForCall("views.publish");
    expect(publish.args.user_id).toBe(MEMBER);
    expect(textOf((publish.args.view as { blocks: unknown }).blocks)).not.toContain("已处理测试项目”已逾期");
    // The ping is not in the harness channel's payload, so the bot read it back and rewrote the project's line.
    const [update] = await h.waitForCall("chat.update");
    expect(update.ok).toBe(true);
    expect(JSON.stringify(update.args.blocks)).not.toContain(`${PING_ACTIONS.done}_${target}`);
    expect(textOf(update.args.blocks)).toContain(`✅ 已处理 · <@${MEMBER}> · 11月23日`);
  });

  it("a mute of more than 30 days is refused; a mute silences the person, the project stays listed", async () => {
    h.standin.clear();
    await h.click({ type: "datepicker", action_id: PING_ACTIONS.mute, selected_date: "2099-12-31" }, { user: OTHER });
    const [refused] = await h.answers(OTHER);
    expect(textOf(refused.blocks)).toContain("最多暂停 30 天");
    expect(await h.store.db.pingMute.findUnique({ where: { userId: OTHER } })).toBeNull();
    h.standin.clear();
    await h.click({ type: "datepicker", action_id: PING_ACTIONS.mute, selected_date: "2026-11-27" }, { user: OTHER });
    const [eph] = await h.answers(OTHER);
    expect(textOf(eph.blocks)).toContain("2026-11-27（含）之前");
    h.standin.clear();
    // 11-24: the postponed project is no longer overdue; OTHER's project is still listed, OTHER not named.
    await pingOn("2026-11-24");
    const [post] = pingPosts();
    const text = textOf(post.args.blocks);
    expect(text).toContain("另一个逾期项目");
    expect(text).toContain("1 位责任人已暂停提醒");
    expect(text).not.toContain(`<@${OTHER}>`);
    expect(text).not.toContain("已处理测试项目");
  });

  it("names the group leader after three working days without an answer", async () => {
    // Make OTHER's project the only one, unmuted from 11-30 on, and let three pings go unanswered.
    h.standin.clear();
    for (const day of ["2026-11-30", "2026-12-01", "2026-12-02"]) await pingOn(day);
    expect(pingPosts()).toHaveLength(3);
    expect(pingPosts().some((p) => textOf(p.args.blocks).includes(`<@${LEADER}>`))).toBe(false);
    await pingOn("2026-12-03");
    const last = pingPosts().at(-1)!;
    expect(textOf(last.args.blocks)).toContain(`连续 3 个工作日无人回应，请 <@${LEADER}> 关注`);
  });

  it("the Friday reminder names the owners of projects with no update this week", async () => {
    h.standin.clear();
    h.clock.now = at("2026-12-04T15:05:00");
    expect(await runDueJobs(runner, ["friday_reminder"])).toEqual([expect.objectContaining({ period: "2026-W49", status: "posted" })]);
    const [post] = h.standin.callsTo("chat.postMessage").filter((c) => c.ok && String(c.args.text).startsWith("本周进展提醒"));
    const text = textOf(post.args.blocks);
    expect(text).toContain("正常推进项目");
    expect(text).toContain(`<@${OTHER}>`);
  });

  it("sends no ping on a day off", async () => {
    h.standin.clear();
    expect(await pingOn("2026-12-05")).toEqual([]);
    expect(pingPosts()).toHaveLength(0);
  });
});
