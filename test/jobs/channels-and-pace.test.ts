import { WebClient, WebClientEvent } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelPacer } from "../../src/jobs/channel-pacer.ts";
import type { JobPlan } from "../../src/jobs/post-plan.ts";
import { runJobNow } from "../../src/jobs/run-jobs.ts";
import { postPlan, type PostProgress } from "../../src/jobs/slack-poster.ts";
import { createLogger } from "../../src/log.ts";
import { claimJobRun, jobHistory, saveJobProgress } from "../../src/store/job-runs.ts";
import { TOKEN, at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

// Scheduled posts in a real workspace: a group channel the bot is not in, a
// public one it can join, and Slack's pace of about one message a second per
// channel (beyond a burst: 429 with Retry-After).

let h: JobsHarness;
const section = (text: string) => [{ type: "section", text: { type: "mrkdwn", text } }];

beforeAll(async () => {
  h = await startJobsHarness("2026-11-23", "2026-11-23T07:00:00", { slackSpeed: 1 });
});
afterAll(async () => {
  await h.close();
});

describe("group channels the bot cannot post in", () => {
  it("the other groups are pinged; the run fails naming the private channel nobody invited the bot to, and it is in the history", async () => {
    const groups = await h.store.db.group.findMany({ orderBy: { id: "asc" } });
    // Two groups that have overdue projects on 11-23 in the demo district.
    const [privateGroup, publicGroup] = [groups[0], groups[2]];
    // One group's channel is private and the bot was never invited; another is public and the bot never joined.
    h.standin.addChannel({ id: privateGroup.channelId!, name: "新材料组", is_private: true, members: [] });
    h.standin.addChannel({ id: publicGroup.channelId!, name: "新能源组", members: [] });
    h.expectRefusal("chat.postMessage", "channel_not_found");
    h.expectRefusal("chat.postMessage", "not_in_channel");

    const outcome = await runJobNow(h.deps(), "overdue_pings", "2026-11-23");
    expect(outcome.status).toBe("failed");
    expect(outcome.detail).toContain(`channel_not_found: ${privateGroup.channelId}`);
    expect(outcome.detail).toContain("/invite @招商调度");
    // The public channel was joined, and its ping went out after all.
    expect(h.standin.workspace.channels.get(publicGroup.channelId!)!.members).toContain(h.standin.bot.userId);
    const posted = new Set(h.standin.callsTo("chat.postMessage").filter((c) => c.ok && !c.args.thread_ts).map((c) => c.args.channel));
    expect(posted.has(publicGroup.channelId!)).toBe(true);
    expect(posted.has(privateGroup.channelId!)).toBe(false);
    expect(posted.size).toBeGreaterThan(1);

    const [run] = await jobHistory(h.store.db, 1);
    expect(run).toMatchObject({ job: "overdue_pings", period: "2026-11-23", status: "FAILED" });
    expect(run.error).toContain(privateGroup.channelId);

    // Once invited, the retry posts only the missing ping: nothing twice.
    h.standin.invite(privateGroup.channelId!);
    h.clock.now = at("2026-11-23T09:30:00");
    const before = h.standin.callsTo("chat.postMessage").filter((c) => c.ok).length;
    expect((await runJobNow(h.deps(), "overdue_pings", "2026-11-23")).status).toBe("posted");
    const again = h.standin.callsTo("chat.postMessage").filter((c) => c.ok).slice(before);
    expect(new Set(again.map((c) => c.args.channel))).toEqual(new Set([privateGroup.channelId]));
  });
});

describe("Slack's pace", () => {
  const CH = "C0SUMMARY";
  const plan = (n: number, prefix: string): JobPlan => ({ posts: Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, channel: CH, text: `${prefix}${i}`, messages: [section(`${prefix}${i}`)] })) });
  const texts = (prefix: string) => h.standin.messages(CH).map((m) => m.text).filter((t) => t.startsWith(prefix));

  it("posting faster than one a second meets 429s; WebClient waits out Retry-After; every message once, none lost", { timeout: 60_000 }, async () => {
    const client = new WebClient(TOKEN, { slackApiUrl: h.standin.url, logger: createLogger("silent") as never });
    const limited: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (s: number) => limited.push(s));
    const unpaced = channelPacer({ burst: 1_000, perSecond: 1_000 });
    const progress: PostProgress = {};
    await postPlan(client, plan(14, "快"), { job: "test", period: "fast" }, progress, async () => true, { retrying: false, pacer: unpaced });
    expect(limited.length).toBeGreaterThan(0);
    h.expectRefusal("chat.postMessage", "ratelimited", limited.length);
    expect(texts("快")).toEqual(Array.from({ length: 14 }, (_, i) => `快${i}`));
  });

  it("paced per channel, the same posts meet no 429 at all", { timeout: 60_000 }, async () => {
    await new Promise((r) => setTimeout(r, 3_000)); // let the channel's burst refill after the previous test
    const started = Date.now();
    await postPlan(new WebClient(TOKEN, { slackApiUrl: h.standin.url, retryConfig: { retries: 0 } }), plan(6, "慢"), { job: "test", period: "slow" }, {}, async () => true, { retrying: false, pacer: channelPacer() });
    expect(texts("慢")).toHaveLength(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900); // a burst of 3, then one a second
  });
});

describe("the lease of a long run", () => {
  it("saving progress renews the lease; once another process took the run over, saving says so", async () => {
    const t0 = at("2026-11-24T09:00:00");
    const claim = await claimJobRun(h.store.db, "friday_reminder", "2099-W01", "a", t0, 60_000, false);
    if (!claim.claimed) throw new Error("expected a claim");
    const renewed = new Date(t0.getTime() + 5 * 60_000);
    expect(await saveJobProgress(h.store.db, claim.run.id, "a", { x: 1 }, renewed)).toBe(true);
    // Past the first lease but within the renewed one: nobody may take it over.
    expect((await claimJobRun(h.store.db, "friday_reminder", "2099-W01", "b", new Date(t0.getTime() + 2 * 60_000), 60_000, false)).claimed).toBe(false);
    // After the renewed lease ran out, b takes over, and a learns it must stop.
    expect((await claimJobRun(h.store.db, "friday_reminder", "2099-W01", "b", new Date(t0.getTime() + 6 * 60_000), 60_000, false)).claimed).toBe(true);
    expect(await saveJobProgress(h.store.db, claim.run.id, "a", { x: 2 })).toBe(false);
  });
});
