import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadJobsConfig } from "../../src/jobs/job-config.ts";
import type { JobContext } from "../../src/jobs/job-context.ts";
import { planInWorker } from "../../src/jobs/plan-in-worker.ts";
import { planJob } from "../../src/jobs/run-jobs.ts";
import { loadRules } from "../../src/store/settings.ts";
import { at, SUMMARY, startJobsHarness, type JobsHarness } from "../jobs/jobs-harness.ts";

// The agenda reads the whole store: the bot plans it in the report worker,
// and the worker's plan is the in-process plan (the demo district, Monday
// 2026-11-23 16:00, for Tuesday's meeting).

let h: JobsHarness;
let ctx: JobContext;

beforeAll(async () => {
  h = await startJobsHarness();
  const db = h.store.db;
  ctx = { db, rules: await loadRules(db), config: await loadJobsConfig(db), job: "meeting_agenda", due: { period: "2026-11-24", dueDay: "2026-11-23", dueAt: at("2026-11-23T16:00:00"), late: false }, now: at("2026-11-23T16:01:00") };
});
afterAll(async () => {
  await h.close();
});

describe("the agenda planned in the report worker", () => {
  it("is the same post as planned in-process, to the summary channel, within Block Kit limits", { timeout: 180_000 }, async () => {
    const inProcess = await planJob(ctx);
    const inWorker = await planInWorker(ctx, { databaseUrl: h.store.url });
    expect(inWorker).toEqual(inProcess);
    expect(inProcess.posts).toHaveLength(1);
    expect(inProcess.posts[0]).toMatchObject({ channel: SUMMARY, text: "全区招商引资工作调度会会前议程（2026-11-24）" });
    for (const m of inProcess.posts[0].messages) expect(m.length).toBeLessThanOrEqual(50);
  });
});
