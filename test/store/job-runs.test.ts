import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/client.ts";
import { claimJobRun, failJobRun, finishJobRun, jobHistory, type Claim } from "../../src/store/job-runs.ts";
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

const winners = (claims: Claim[]) => claims.filter((c) => c.claimed).map((c) => (c as { run: { claimedBy: string } }).run.claimedBy);

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
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(periods.map(() => ["CLAIMED", 2]));
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
