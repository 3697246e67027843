import { afterEach, describe, expect, it, vi } from "vitest";
import { runDueJobs } from "../../src/jobs/run-jobs.ts";
import { claimJobRun, jobHistory } from "../../src/store/job-runs.ts";
import { openStore } from "../../src/store/client.ts";
import { textOf } from "../helpers/slack-harness.ts";
import { usingPostgres } from "../helpers/test-store.ts";
import { SUMMARY, at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

// Each test loads the demo district (about 190 projects with a year of history) and runs a
// scheduler over days: more than the default 30 s on a machine shared by several test runs.
vi.setConfig({ testTimeout: 90_000 });

let h: JobsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * Two runners, as two processes, running the same jobs at the same moment. On
 * PostgreSQL each has its own connection; on SQLite they share one, since
 * two better-sqlite3 connections in one thread wait on each other's locks
 * synchronously (see test/store/job-runs.test.ts).
 */
async function racingRunners(hh: JobsHarness, jobs: Parameters<typeof runDueJobs>[1]) {
  const second = usingPostgres ? await openStore(hh.store.url) : undefined;
  try {
    const other = { ...hh.deps("process-b"), ...(second ? { db: second.db } : {}) };
    const [a, b] = await Promise.all([runDueJobs(hh.deps("process-a"), jobs), runDueJobs(other, jobs)]);
    return [...a, ...b].map((o) => `${o.job}:${o.period}:${o.status}`).sort();
  } finally {
    await second?.close();
  }
}

/** What the runners did besides finding the period held (the slower one may also find it done and say nothing). */
const posted = (outcomes: string[]) => outcomes.filter((o) => !o.endsWith(":held"));

const mainPosts = (hh: JobsHarness, channel = SUMMARY) => hh.standin.callsTo("chat.postMessage").filter((c) => c.ok && c.args.channel === channel && !c.args.thread_ts);

describe("China's working-day calendar", () => {
  it("National Day 2026: nothing on the holiday Monday; the summary goes out on the first working day, Thursday 10-08", async () => {
    h = await startJobsHarness("2026-10-05", "2026-10-01T00:00:00");
    h.clock.now = at("2026-10-05T09:00:00");
    expect(await runDueJobs(h.deps(), ["weekly_summary", "overdue_pings"])).toEqual([]);
    h.clock.now = at("2026-10-07T09:00:00");
    expect(await runDueJobs(h.deps(), ["weekly_summary", "overdue_pings"])).toEqual([]);
    h.clock.now = at("2026-10-08T08:31:00");
    const out = await runDueJobs(h.deps(), ["weekly_summary"]);
    expect(out.map((o) => `${o.period}:${o.status}:${o.late}`)).toEqual(["2026-W40:posted:false"]);
    expect(mainPosts(h)).toHaveLength(1);
  });

  it("a make-up Saturday (2026-10-10) is a working day: pings go out; an ordinary Saturday gets none", async () => {
    h = await startJobsHarness("2026-10-10", "2026-10-01T00:00:00");
    h.clock.now = at("2026-10-10T09:01:00");
    const out = await runDueJobs(h.deps(), ["overdue_pings"]);
    expect(out).toEqual([expect.objectContaining({ period: "2026-10-10", status: "posted" })]);
    h.clock.now = at("2026-10-17T09:01:00");
    expect(await runDueJobs(h.deps(), ["overdue_pings"])).toEqual([]);
  });
});

describe("exactly once", () => {
  it("a week missed while the bot was down is posted late, once, saying so (补发)", async () => {
    // Installed on 11-05; down from before Monday 11-09 until Tuesday 11-24.
    h = await startJobsHarness("2026-11-23", "2026-11-05T00:00:00");
    h.clock.now = at("2026-11-24T10:00:00");
    const out = await runDueJobs(h.deps(), ["weekly_summary"]);
    expect(out.map((o) => `${o.period}:${o.late}`)).toEqual(["2026-W45:true", "2026-W46:true", "2026-W47:true"]);
    const posts = mainPosts(h);
    expect(posts).toHaveLength(3);
    expect(textOf(posts[2].args.blocks)).toContain("补发：本应于 2026-11-23 08:30 发出");
    expect(await runDueJobs(h.deps(), ["weekly_summary"])).toEqual([]);
    const rows = await jobHistory(h.store.db);
    expect(rows.every((r) => r.late && r.status === "DONE")).toBe(true);
  });

  it("a crash between claim and post is taken over once the claim's lease has run out", async () => {
    h = await startJobsHarness();
    h.clock.now = at("2026-11-23T08:31:00");
    await claimJobRun(h.store.db, "weekly_summary", "2026-W47", "crashed-process", at("2026-11-23T08:30:00"), 10 * 60_000, false);
    expect(await runDueJobs(h.deps(), ["weekly_summary"])).toEqual([expect.objectContaining({ status: "held" })]);
    expect(mainPosts(h)).toHaveLength(0);
    h.clock.now = at("2026-11-23T08:41:00");
    expect(await runDueJobs(h.deps(), ["weekly_summary"])).toEqual([expect.objectContaining({ status: "posted" })]);
    const [row] = await jobHistory(h.store.db);
    expect([row.status, row.attempts, row.claimedBy]).toEqual(["DONE", 2, "test-worker"]);
    expect(mainPosts(h)).toHaveLength(1);
  });

  it("a crash after Slack took the message but before it was recorded does not post it twice", async () => {
    h = await startJobsHarness();
    h.clock.now = at("2026-11-23T08:31:00");
    // The upload fails after the main message went out; the progress records the message.
    // The three files go in one upload, each file's URL asked for in parallel: 3 files × (the first try and 2 retries).
    h.standin.failNext("files.getUploadURLExternal", { status: 500, times: 9 });
    h.expectRefusal("files.getUploadURLExternal", "internal_error", 9);
    expect(await runDueJobs(h.deps(), ["weekly_summary"])).toEqual([expect.objectContaining({ status: "failed" })]);
    expect(mainPosts(h)).toHaveLength(1);
    // Forget the recorded progress, as if the process had died right after Slack answered.
    await h.store.db.jobRun.updateMany({ data: { progress: "{}" } });
    h.clock.now = at("2026-11-23T08:41:00");
    expect(await runDueJobs(h.deps(), ["weekly_summary"])).toEqual([expect.objectContaining({ status: "posted" })]);
    expect(mainPosts(h)).toHaveLength(1);
    expect(h.standin.callsTo("files.completeUploadExternal").filter((c) => c.ok).flatMap((c) => c.args.files as unknown[])).toHaveLength(3);
  });

  it("two bot processes racing for the same period post it once", async () => {
    h = await startJobsHarness();
    h.clock.now = at("2026-11-23T08:41:00");
    expect(posted(await racingRunners(h, ["weekly_summary", "stalled_list"]))).toEqual(["stalled_list:2026-W47:posted", "weekly_summary:2026-W47:posted"]);
    expect(mainPosts(h)).toHaveLength(2);
  });
});

describe("taking over a failed or crashed run, with two runners racing", () => {
  it("the same FAILED run: posted once, the retry counted once", async () => {
    h = await startJobsHarness();
    h.clock.now = at("2026-11-23T08:36:00");
    h.standin.failNext("chat.postMessage", { status: 500, times: 3 });
    h.expectRefusal("chat.postMessage", "internal_error", 3);
    expect(await runDueJobs(h.deps("first-try"), ["stalled_list"])).toEqual([expect.objectContaining({ status: "failed" })]);
    // A minute later, well within the failed attempt's lease: a FAILED run is retried at once.
    h.clock.now = at("2026-11-23T08:37:00");
    expect(posted(await racingRunners(h, ["stalled_list"]))).toEqual(["stalled_list:2026-W47:posted"]);
    expect(mainPosts(h)).toHaveLength(1);
    expect((await jobHistory(h.store.db))[0]).toMatchObject({ status: "DONE", attempts: 2 });
  }, 60_000); // a demo district and three runner passes

  it("the same EXPIRED claim: posted once, the retry counted once", async () => {
    h = await startJobsHarness();
    await claimJobRun(h.store.db, "stalled_list", "2026-W47", "crashed-process", at("2026-11-23T08:35:00"), 10 * 60_000, false);
    h.clock.now = at("2026-11-23T08:44:59");
    expect(await racingRunners(h, ["stalled_list"])).toEqual(["stalled_list:2026-W47:held", "stalled_list:2026-W47:held"]);
    h.clock.now = at("2026-11-23T08:45:01");
    expect(posted(await racingRunners(h, ["stalled_list"]))).toEqual(["stalled_list:2026-W47:posted"]);
    expect(mainPosts(h)).toHaveLength(1);
    expect((await jobHistory(h.store.db))[0]).toMatchObject({ status: "DONE", attempts: 2 });
  }, 60_000); // a demo district and three runner passes
});

describe("Slack refusing or failing", () => {
  it("429 with Retry-After and a 500 are retried without a duplicate post", async () => {
    h = await startJobsHarness();
    h.clock.now = at("2026-11-23T08:41:00");
    h.standin.failNext("chat.postMessage", { status: 429, retryAfter: 1, times: 1 });
    h.expectRefusal("chat.postMessage", "ratelimited");
    expect(await runDueJobs(h.deps(), ["stalled_list"])).toEqual([expect.objectContaining({ status: "posted" })]);
    h.standin.failNext("chat.postMessage", { status: 500, times: 1 });
    h.expectRefusal("chat.postMessage", "internal_error");
    expect(await runDueJobs(h.deps(), ["group_ranking"])).toEqual([expect.objectContaining({ status: "posted" })]);
    expect(mainPosts(h)).toHaveLength(2);
  }, 20_000);

  it("a post that finally fails is recorded, shown in the history, and sent by the next run", async () => {
    h = await startJobsHarness();
    h.clock.now = at("2026-11-23T08:36:00");
    h.standin.failNext("chat.postMessage", { status: 500, times: 3 });
    h.expectRefusal("chat.postMessage", "internal_error", 3);
    expect(await runDueJobs(h.deps(), ["stalled_list"])).toEqual([expect.objectContaining({ status: "failed" })]);
    const [failed] = await jobHistory(h.store.db);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toContain("statusCode = 500"); // what Slack answered, for `dispatch jobs history`
    h.clock.now = at("2026-11-23T08:46:00");
    expect(await runDueJobs(h.deps(), ["stalled_list"])).toEqual([expect.objectContaining({ status: "posted" })]);
    expect((await jobHistory(h.store.db))[0]).toMatchObject({ status: "DONE", attempts: 2 });
    expect(mainPosts(h)).toHaveLength(1);
  });
});
