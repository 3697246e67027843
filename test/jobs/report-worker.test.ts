import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadJobsConfig } from "../../src/jobs/job-config.ts";
import type { JobContext } from "../../src/jobs/job-context.ts";
import { planInWorker, ReportWorkerError } from "../../src/jobs/plan-in-worker.ts";
import { planJob, runDueJobs } from "../../src/jobs/run-jobs.ts";
import { loadRules } from "../../src/store/settings.ts";
import { SUMMARY, at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

// The summary-channel posts planned in a worker thread (as the bot and the
// sandbox do) are the posts planned in-process, files included, and a
// worker over its memory cap fails the post without taking the bot down.

let h: JobsHarness;
let ctx: JobContext;

beforeAll(async () => {
  h = await startJobsHarness();
  const db = h.store.db;
  ctx = { db, rules: await loadRules(db), config: await loadJobsConfig(db), job: "weekly_summary", due: { period: "2026-W47", dueDay: "2026-11-23", dueAt: at("2026-11-23T08:30:00"), late: false }, now: at("2026-11-23T08:31:00") };
});
afterAll(async () => {
  await h.close();
});

describe("reports planned in a worker thread", () => {
  it("plan the same posts and files as in-process", { timeout: 180_000 }, async () => {
    const inProcess = await planJob(ctx);
    const inWorker = await planInWorker(ctx, { databaseUrl: h.store.url });
    const shape = (p: typeof inProcess) => p.posts.map((x) => ({ ...x, files: x.files?.map((f) => [f.filename, f.title, Buffer.isBuffer(f.bytes)]) }));
    expect(shape(inWorker)).toEqual(shape(inProcess));
    const pngs = (p: typeof inProcess) => p.posts[0].files!.filter((f) => f.filename.endsWith(".png")).map((f) => f.bytes.subarray(0, 8).toString("hex"));
    expect(pngs(inWorker)).toEqual(pngs(inProcess));
    expect(inWorker.posts[0].files!.every((f) => f.bytes.length > 1000)).toBe(true);
  });

  it("post through the runner: the weekly summary with its three files, once", { timeout: 180_000 }, async () => {
    h.clock.now = at("2026-11-23T08:31:00");
    const outcomes = await runDueJobs({ ...h.deps(), reportWorker: { databaseUrl: h.store.url } }, ["weekly_summary"]);
    expect(outcomes).toEqual([{ job: "weekly_summary", period: "2026-W47", status: "posted", late: false }]);
    expect(h.standin.callsTo("chat.postMessage").filter((c) => c.args.channel === SUMMARY && !c.args.thread_ts)).toHaveLength(1);
    const uploads = h.standin.callsTo("files.completeUploadExternal");
    expect(uploads).toHaveLength(1);
    expect(uploads[0].args.files).toHaveLength(3);
    expect(h.standin.calls.filter((c) => !c.ok)).toEqual([]);
  });

  it("fail the post, not the bot, when the worker runs out of memory", { timeout: 180_000 }, async () => {
    await expect(planInWorker({ ...ctx, job: "stalled_list" }, { databaseUrl: h.store.url, memoryMb: 8 })).rejects.toThrow(ReportWorkerError);
    await expect(planInWorker({ ...ctx, job: "stalled_list" }, { databaseUrl: h.store.url, memoryMb: 8 })).rejects.toThrow(/内存上限（8 MB）/);
  });
});
