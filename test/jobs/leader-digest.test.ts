import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LEADERS } from "../../src/demo/demo-accountability.ts";
import { runDueJobs, runJobNow } from "../../src/jobs/run-jobs.ts";
import { jobHistory } from "../../src/store/job-runs.ts";
import { at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

// The 包联领导 weekly DM on the demo district: due on the first working day
// of the week, once per leader per week whatever the number of runs or
// workers, and not sent to a leader with nothing to report.

const QUIET = "U0QUIET";
let h: JobsHarness;

beforeAll(async () => {
  h = await startJobsHarness();
  // A leader whose only project is at 达产 (not rated) and untouched for weeks: nothing to report.
  const done = await h.store.db.project.findFirstOrThrow({ where: { stage: "AT_CAPACITY" } });
  await h.store.db.project.update({ where: { id: done.id }, data: { leaderSlackId: QUIET, leaderName: "孙副区长" } });
}, 120_000);
afterAll(async () => {
  await h.close();
});

const dmsTo = (user: string) => h.standin.callsTo("chat.postMessage").filter((c) => c.args.channel === user && !c.args.thread_ts);

describe("leader_digest", () => {
  it("sends each 包联领导 one DM on Monday morning, and none to a leader with nothing to report", async () => {
    h.clock.now = at("2026-11-23T09:00:00");
    const outcomes = await runDueJobs(h.deps(), ["leader_digest"]);
    expect(outcomes).toEqual([expect.objectContaining({ job: "leader_digest", period: "2026-W47", status: "posted" })]);
    for (const l of DEMO_LEADERS) {
      const [dm, ...more] = dmsTo(l.slackUserId);
      expect(more).toEqual([]);
      expect(dm!.ok).toBe(true);
      const text = JSON.stringify(dm!.args.blocks);
      expect(text).toContain("包联领导周报 2026-W47");
      expect(text).toContain(l.name);
      expect(text).toContain("签约未开工");
    }
    expect(dmsTo(QUIET)).toEqual([]);
  });

  it("is sent once per week: a second worker and a later run send nothing more", async () => {
    const before = h.standin.callsTo("chat.postMessage").length;
    h.clock.now = at("2026-11-23T11:00:00");
    await runDueJobs(h.deps("other-worker"), ["leader_digest"]);
    expect(await runJobNow(h.deps(), "leader_digest", "2026-W47")).toMatchObject({ status: "held", detail: "DONE" });
    expect(h.standin.callsTo("chat.postMessage").length).toBe(before);
  });

  it("a leader's overdue 督办 are in their DM", async () => {
    const overdue = await h.store.db.supervisionItem.findMany({ where: { status: { in: ["OPEN", "REVIEW"] }, deadline: { lt: "2026-11-22" } }, include: { project: true } });
    expect(overdue.length).toBeGreaterThan(0);
    for (const item of overdue) {
      const [dm] = dmsTo(item.project.leaderSlackId!);
      expect(JSON.stringify(dm!.args.blocks)).toContain(`督办${item.id}`);
    }
  });
});

describe("overdue 督办 in the daily ping", () => {
  it("names the 包联领导 and the 督办员 once an item is overdue for the rules' working days", async () => {
    h.clock.now = at("2026-11-23T09:30:00");
    expect(await runJobNow(h.deps(), "overdue_pings", "2026-11-23")).toMatchObject({ status: "posted" });
    const items = await h.store.db.supervisionItem.findMany({ where: { status: { in: ["OPEN", "REVIEW"] }, deadline: { lt: "2026-11-18" } }, include: { project: { include: { group: true } } } });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const ping = h.standin.callsTo("chat.postMessage").find((c) => c.args.channel === item.project.group!.channelId && !c.args.thread_ts);
      const text = JSON.stringify(ping!.args.blocks);
      expect(text).toContain(`督办${item.id}`);
      expect(text).toContain(`<@${item.project.leaderSlackId}>`);
      expect(text).toContain("督办员 <@U0DUBAN1>、<@U0DUBAN2>");
    }
  });
});

describe("a leader the bot cannot DM", () => {
  const GONE = "U0GONELEADER";
  const BOT = "U0WORKFLOWBOT";
  const GONE2 = "U0LIFIXED";

  it("fails the run naming the leader and Slack's reason, not a channel; the retry sends only what is missing", async () => {
    // A leader whose id Slack does not know (left, or mistyped in the directory), with a 签约未开工 project to report.
    const signed = await h.store.db.project.findFirstOrThrow({ where: { stage: "SIGNED", leaderSlackId: { not: null } } });
    await h.store.db.project.update({ where: { id: signed.id }, data: { leaderSlackId: GONE, leaderName: "钱副区长" } });
    // And one whose id in the directory is a bot account's (an app, a workflow).
    const other = await h.store.db.project.findFirstOrThrow({ where: { stage: "SIGNED", leaderSlackId: { notIn: [GONE] }, id: { not: signed.id } } });
    await h.store.db.project.update({ where: { id: other.id }, data: { leaderSlackId: BOT, leaderName: "李副区长（误填）" } });
    h.standin.addUser({ id: BOT, name: "workflow-bot", is_bot: true });
    h.standin.clear();
    h.expectRefusal("chat.postMessage", "cannot_dm_bot");
    h.expectRefusal("chat.postMessage", "channel_not_found");
    h.clock.now = at("2026-11-30T09:00:00");
    const outcome = await runJobNow(h.deps(), "leader_digest", "2026-W48");
    expect(outcome.status).toBe("failed");
    const detail = outcome.detail!;
    expect(detail).toContain(`无法私信包联领导 钱副区长 ${GONE}：channel_not_found（Slack 中找不到该用户：请核对名录中的 Slack ID）`);
    expect(detail).toContain(`无法私信包联领导 李副区长（误填） ${BOT}：cannot_dm_bot（该 ID 是机器人账号，不能私信：请改为本人的 Slack ID）`);
    expect(detail).not.toMatch(/频道|channel_not_found: /);
    const [run] = (await jobHistory(h.store.db)).filter((r) => r.job === "leader_digest" && r.period === "2026-W48");
    expect(run).toMatchObject({ status: "FAILED", error: detail });

    // Every other leader got their DM; the retry (the directory fixed, Slack answering) sends just the two missing ones.
    const sent = h.standin.callsTo("chat.postMessage").filter((c) => c.ok && !c.args.thread_ts).map((c) => c.args.channel);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).not.toContain(GONE);
    expect(sent).not.toContain(BOT);
    h.standin.addUser({ id: GONE, name: "qian" });
    await h.store.db.project.update({ where: { id: other.id }, data: { leaderSlackId: GONE2, leaderName: "李副区长" } });
    h.standin.addUser({ id: GONE2, name: "li" });
    h.standin.clear();
    expect(await runJobNow(h.deps(), "leader_digest", "2026-W48")).toMatchObject({ status: "posted" });
    const resent = h.standin.callsTo("chat.postMessage").filter((c) => c.ok && !c.args.thread_ts).map((c) => c.args.channel);
    // The plan is made afresh: the corrected leaders are new posts; nobody already reached is sent anything again
    // (leaders after a failed DM in the run's order were not reached the first time, and are now).
    expect(resent).toEqual(expect.arrayContaining([GONE, GONE2]));
    expect(resent.filter((c) => sent.includes(c))).toEqual([]);
    expect(new Set(resent).size).toBe(resent.length);
  });
});
