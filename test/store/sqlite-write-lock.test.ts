import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { sqliteFilePath } from "../../src/store/database-target.ts";
import { saveProjectChanges, getProject } from "../../src/store/projects.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";

// Issue #8 / #14.5: another connection (an import, a second bot process)
// holds SQLite's write lock. The bot's write transaction must wait for it
// (not fail with SQLITE_BUSY at its first write), and must wait without
// freezing the process: Slack's 3-second acknowledgements run meanwhile.

const NOW = new Date("2026-11-23T09:00:00+08:00");
let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
  await ensureDemo(store.db, NOW);
}, 120_000);
afterAll(async () => store?.destroy());

/** Holds the write lock from a second connection for `ms`, as `dispatch import` does. */
function holdWriteLock(ms: number): Promise<void> {
  const other = new Database(sqliteFilePath(store.target));
  other.exec("BEGIN IMMEDIATE");
  other.prepare(`UPDATE "Project" SET "blockers" = 'held' WHERE id = 2`).run();
  return new Promise((ok) =>
    setTimeout(() => {
      other.exec("COMMIT");
      other.close();
      ok();
    }, ms),
  );
}

describe.skipIf(usingPostgres)("SQLite: a bot write while another connection holds the write lock", () => {
  it("waits for the lock, applies the change after it is released, and keeps the event loop free", async () => {
    const project = (await getProject(store.db, 1))!;
    const released = holdWriteLock(1_500);
    const heldAt = Date.now();

    // A timer that should fire every 20 ms: the largest gap says how long the loop was frozen.
    let last = Date.now();
    let worstGap = 0;
    const ticker = setInterval(() => {
      worstGap = Math.max(worstGap, Date.now() - last);
      last = Date.now();
    }, 20);
    try {
      const saved = await saveProjectChanges(store.db, 1, project.version, { nextStep: "锁释放后写入" }, { author: "U0TEST", source: "SLASH" }, { requestKey: "lock-test-1", at: NOW });
      const waited = Date.now() - heldAt;
      expect(saved.changes.map((c) => c.field)).toEqual(["nextStep"]);
      expect(waited).toBeGreaterThanOrEqual(1_400);
    } finally {
      clearInterval(ticker);
    }
    await released;
    expect((await getProject(store.db, 1))!.nextStep).toBe("锁释放后写入");
    expect((await getProject(store.db, 2))!.blockers).toBe("held");
    expect(worstGap).toBeLessThan(500);
  });

  it("a plain write outside a transaction waits too", async () => {
    const released = holdWriteLock(800);
    await store.db.setting.upsert({ where: { key: "lock-test" }, create: { key: "lock-test", value: "1" }, update: { value: "1" } });
    await released;
    expect((await store.db.setting.findUnique({ where: { key: "lock-test" } }))?.value).toBe("1");
  });
});
