import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_KINDS } from "../../src/domain/schedule.ts";
import { saveJobsConfig } from "../../src/jobs/job-config.ts";
import { runJobNow } from "../../src/jobs/run-jobs.ts";
import { STAGES } from "../../src/domain/types.ts";
import { addDays } from "../../src/domain/periods.ts";
import { SUMMARY, at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

// Every scheduled post for a district of 10,000 projects passes the
// stand-in's Block Kit validation: long lists continue in the thread, never
// cut and never over Slack's limits.

let h: JobsHarness;

beforeAll(async () => {
  h = await startJobsHarness();
  const db = h.store.db;
  const groups = await db.group.findMany({ select: { id: true } });
  const units = await db.unit.findMany({ select: { id: true } });
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const reached = i % STAGES.length;
    const stage = STAGES[reached];
    const dates: Record<string, string> = {};
    ["leadAt", "negotiatingAt", "signedAt", "registeredAt", "startedAt", "producingAt", "atCapacityAt"].slice(0, reached + 1).forEach((c, k) => (dates[c] = addDays("2026-11-20", -400 + k * 50 + (i % 30))));
    return {
      name: `压测项目${i}`,
      investor: `压测投资方${i}`,
      groupId: groups[i % groups.length].id,
      leadUnitId: units[i % units.length].id,
      origin: i % 3 ? "OUTSIDE_CITY" : "IN_CITY_OUTSIDE_DISTRICT",
      sector: i % 2 ? "INDUSTRY" : "SERVICE",
      agreedWan: [600, 3_000, 20_000, 120_000, 250_000][i % 5],
      stage,
      ...dates,
      nextStep: "推进",
      leaderName: `压测领导${i % 4}`,
      leaderSlackId: `U0LOAD${i % 4}`,
      nextStepDue: addDays("2026-11-23", (i % 90) - 60),
    };
  });
  for (let i = 0; i < rows.length; i += 1_000)
    await db.project.createMany({ data: rows.slice(i, i + 1_000) as never });
  // Their 包联领导 are people of the workspace: the leader_digest DMs them.
  for (let k = 0; k < 4; k++) h.standin.addUser({ id: `U0LOAD${k}`, name: `u0load${k}` });
  await saveJobsConfig(db, { summaryChannel: SUMMARY });
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe("10,000 projects", () => {
  it("every job's posts pass Slack's Block Kit limits", async () => {
    h.clock.now = at("2026-11-27T15:05:00");
    const periods: Record<string, string> = { weekly_summary: "2026-W47", stalled_list: "2026-W47", group_ranking: "2026-W47", quarterly_bulletin: "2026-Q3", overdue_pings: "2026-11-27", friday_reminder: "2026-W48", meeting_agenda: "2026-12-01", leader_digest: "2026-W47", annual_review: "2026" };
    for (const job of JOB_KINDS) {
      const out = await runJobNow(h.deps(), job, periods[job]);
      expect(out, job).toMatchObject({ status: "posted" });
    }
    const refused = h.standin.calls.filter((c) => !c.ok);
    expect(refused.map((c) => `${c.method}: ${c.error}`)).toEqual([]);
    // The stalled list of thousands of projects continues in its thread.
    const threadReplies = h.standin.callsTo("chat.postMessage").filter((c) => c.args.thread_ts);
    expect(threadReplies.length).toBeGreaterThan(10);
    for (const c of h.standin.callsTo("chat.postMessage")) expect((c.args.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  }, 240_000);
});
