import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/client.ts";
import { claimJobRun, failJobRun, finishJobRun, isJobDone, jobHistory, saveJobProgress, type Claim } from "../../src/store/job-runs.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";

// Claims on (job, period) when they go wrong: two processes racing to take
// over the same failed run or the same expired claim. Exactly one may win, and
// the retry is counted once. Each race runs on several periods at once, so an
// interleaving where both read the old row before either writes is all but
// certain to occur.
//
// On PostgreSQL each racer has its own connection, as two processes would. On
// SQLite both share one: better-sqlite3 waits for a lock synchronously, so two
// connections in one thread deadlock until busy_timeout (two processes do
// not); statements from one connection still interleave between the racers'
// awaits exactly as two processes' statements would.

const LEASE = 10 * 60_000;
const T0 = new Date("2026-11-23T00:30:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const ROUNDS = 8;

let a: TestStore;
let b: Store;

beforeAll(async () => {
  a = await createTestStore();
  b = usingPostgres ? await openStore(a.url) : a;
});
afterAll(async () => {
  if (b !== a) await b.close();
  await a.destroy();
});

/** The winners of a race; every loser must be told it lost, with the run as it found it. */
const winners = (claims: Claim[]) => {
  for (const c of claims.filter((c) => !c.claimed)) expect(c).toMatchObject({ claimed: false, run: { job: expect.any(String) } });
  return claims.filter((c) => c.claimed).map((c) => (c as { run: { claimedBy: string } }).run.claimedBy);
};

async function race(job: string, periods: string[], now: Date): Promise<Array<[Claim, Claim]>> {
  return Promise.all(periods.map((period) => Promise.all([claimJobRun(a.db, job, period, "process-a", now, LEASE, false), claimJobRun(b.db, job, period, "process-b", now, LEASE, false)])));
}

describe("claims", () => {
  it("a new period is claimed by exactly one of two racing processes", async () => {
    const periods = Array.from({ length: ROUNDS }, (_, i) => `2026-W${10 + i}`);
    for (const pair of await race("stalled_list", periods, T0)) expect(winners(pair)).toHaveLength(1);
    const rows = (await jobHistory(a.db, 100)).filter((r) => r.job === "stalled_list");
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(periods.map(() => ["CLAIMED", 1]));
  });

  it("a live claim is held; a DONE period is never claimed again, even after its lease", async () => {
    await claimJobRun(a.db, "group_ranking", "2026-W47", "process-a", T0, LEASE, false);
    expect((await claimJobRun(b.db, "group_ranking", "2026-W47", "process-b", later(LEASE - 1), LEASE, false)).claimed).toBe(false);
    const held = await claimJobRun(b.db, "group_ranking", "2026-W47", "process-b", later(LEASE), LEASE, false);
    expect(held.claimed).toBe(true); // the lease ran out exactly now: taken over
    await finishJobRun(a.db, held.run!.id, "process-b", later(LEASE));
    const done = await claimJobRun(a.db, "group_ranking", "2026-W47", "process-a", later(10 * LEASE), LEASE, false);
    expect(done).toMatchObject({ claimed: false, run: { status: "DONE", claimedBy: "process-b", attempts: 2 } });
  });

  it("two processes racing to take over the same FAILED run: one wins, the attempt is counted once", async () => {
    const periods = Array.from({ length: ROUNDS }, (_, i) => `2026-W${20 + i}`);
    for (const period of periods) {
      const first = await claimJobRun(a.db, "weekly_summary", period, "first-try", T0, LEASE, false);
      await failJobRun(a.db, first.run!.id, "first-try", "Slack answered 500");
    }
    // Still within the failed attempt's lease: a FAILED run is retried at once.
    for (const pair of await race("weekly_summary", periods, later(60_000))) expect(winners(pair)).toHaveLength(1);
    const rows = (await jobHistory(a.db, 100)).filter((r) => r.job === "weekly_summary");
    // Neither the failed attempt nor the retry was late (补发): the takeover is not either.
    expect(rows.map((r) => [r.status, r.attempts, r.late])).toEqual(periods.map(() => ["CLAIMED", 2, false]));
    expect(rows.every((r) => r.claimedBy === "process-a" || r.claimedBy === "process-b")).toBe(true);
  });

  it("two processes racing to take over the same EXPIRED claim: one wins, the attempt is counted once", async () => {
    const periods = Array.from({ length: ROUNDS }, (_, i) => `2026-W${30 + i}`);
    for (const period of periods) await claimJobRun(a.db, "quarterly_bulletin", period, "crashed", T0, LEASE, true);
    const [live] = await race("quarterly_bulletin", periods.slice(0, 1), later(LEASE - 1));
    expect(winners(live)).toEqual([]);
    for (const pair of await race("quarterly_bulletin", periods, later(LEASE + 1))) expect(winners(pair)).toHaveLength(1);
    const rows = (await jobHistory(a.db, 100)).filter((r) => r.job === "quarterly_bulletin");
    // The crashed claim was for a late (补发) post: the takeover keeps saying so.
    expect(rows.map((r) => [r.status, r.attempts, r.late])).toEqual(periods.map(() => ["CLAIMED", 2, true]));
  });
});

describe("a claimed run", () => {
  const T1 = new Date("2026-12-01T00:30:00Z");
  const at = (ms: number) => new Date(T1.getTime() + ms);

  it("saves its progress while its worker holds it, renewing the lease only when asked", async () => {
    const run = (await claimJobRun(a.db, "progress_job", "2026-W49", "w1", T1, LEASE, false)).run!;
    expect(await saveJobProgress(a.db, run.id, "w1", { posted: ["C1"] })).toBe(true);
    let row = (await jobHistory(a.db)).find((r) => r.id === run.id)!;
    expect([JSON.parse(row.progress), row.leaseUntil]).toEqual([{ posted: ["C1"] }, at(LEASE)]);
    expect(await saveJobProgress(a.db, run.id, "w1", { posted: ["C1", "C2"] }, at(2 * LEASE))).toBe(true);
    row = (await jobHistory(a.db)).find((r) => r.id === run.id)!;
    expect([JSON.parse(row.progress), row.leaseUntil]).toEqual([{ posted: ["C1", "C2"] }, at(2 * LEASE)]);
    // Another worker, or the same once the run is done, saves nothing.
    expect(await saveJobProgress(a.db, run.id, "w2", { posted: [] })).toBe(false);
    await finishJobRun(a.db, run.id, "w1", at(1));
    expect(await saveJobProgress(a.db, run.id, "w1", { posted: [] })).toBe(false);
    row = (await jobHistory(a.db)).find((r) => r.id === run.id)!;
    expect(JSON.parse(row.progress)).toEqual({ posted: ["C1", "C2"] });
  });

  it("is finished or failed only by its own worker, and only that run; a failure keeps 2,000 characters of the error", async () => {
    const one = (await claimJobRun(a.db, "finish_job", "2026-W49", "w1", T1, LEASE, false)).run!;
    const two = (await claimJobRun(a.db, "finish_job", "2026-W50", "w1", T1, LEASE, false)).run!;
    await finishJobRun(a.db, one.id, "intruder", at(1));
    await failJobRun(a.db, one.id, "intruder", "no");
    expect(await isJobDone(a.db, "finish_job", "2026-W49")).toBe(false);
    await failJobRun(a.db, one.id, "w1", "x".repeat(2_500));
    let rows = (await jobHistory(a.db)).filter((r) => r.job === "finish_job");
    expect(rows.map((r) => [r.period, r.status, r.error?.length ?? null])).toEqual([
      ["2026-W50", "CLAIMED", null],
      ["2026-W49", "FAILED", 2_000],
    ]);
    const retry = await claimJobRun(a.db, "finish_job", "2026-W49", "w1", at(2), LEASE, false);
    await finishJobRun(a.db, retry.run!.id, "w1", at(3));
    rows = (await jobHistory(a.db)).filter((r) => r.job === "finish_job");
    expect(rows.map((r) => [r.period, r.status, r.error, r.doneAt])).toEqual([
      ["2026-W49", "DONE", null, at(3)],
      ["2026-W50", "CLAIMED", null, null],
    ]);
    expect([await isJobDone(a.db, "finish_job", "2026-W49"), await isJobDone(a.db, "finish_job", "2026-W50"), await isJobDone(a.db, "finish_job", "2026-W51")]).toEqual([true, false, false]);
    expect(two.id).not.toBe(one.id);
  });

  it("history lists the latest claims first (the later run first within one moment), at most `limit`", async () => {
    const later = at(10 * LEASE);
    const first = (await claimJobRun(a.db, "history_a", "p", "w", later, LEASE, false)).run!;
    const second = (await claimJobRun(a.db, "history_b", "p", "w", at(9 * LEASE), LEASE, false)).run!;
    const third = (await claimJobRun(a.db, "history_c", "p", "w", later, LEASE, false)).run!;
    expect((await jobHistory(a.db, 3)).map((r) => r.id)).toEqual([third.id, first.id, second.id]);
  });

  it("a claim that fails for another reason than a taken period is not taken for one", async () => {
    const broken = new Date(Number.NaN);
    await expect(claimJobRun(a.db, "broken_job", "2026-W49", "w1", broken, LEASE, false)).rejects.toThrow();
    expect(await jobHistory(a.db).then((rows) => rows.filter((r) => r.job === "broken_job"))).toEqual([]);
  });
});
