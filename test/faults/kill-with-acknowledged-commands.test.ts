import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultWorkspace, type FaultWorkspace } from "../helpers/bot-process.ts";
import { usingPostgres } from "../helpers/test-store.ts";

// Issue #14, problem 3: 40 commands acknowledged, then kill -9 of the real
// bot process. What was acknowledged was written to the inbox first, so the
// restarted bot processes every one, answers every person, and stores each
// change exactly once.

const COMMANDS = 40;
let ws: FaultWorkspace;

beforeAll(async () => {
  ws = await faultWorkspace("kill");
}, 300_000);

afterAll(async () => ws?.close());

describe(`kill -9 with ${COMMANDS} acknowledged commands (${usingPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("processes and answers all of them after the restart, each change stored once", { timeout: 600_000 }, async () => {
    const db = ws.store.db;
    const first = await ws.startBot();
    const texts = Array.from({ length: COMMANDS }, (_, i) => ({ project: i + 1, text: `重启前第${i + 1}条` }));
    const sent = await Promise.all(texts.map((t) => ws.slash(first, `更新 #${t.project} 下一步="${t.text}"`)));
    expect(sent.map((s) => s.status)).toEqual(texts.map(() => 200));
    first.child.kill("SIGKILL");
    await first.exited;

    // Acknowledged but not yet done when the process died (the test means something only if some were).
    const pending = await db.inboxEntry.count({ where: { doneAt: null } });
    expect(pending).toBeGreaterThan(0);

    const second = await ws.startBot();
    for (const [i, s] of sent.entries()) {
      // The one that was mid-way at the kill may have been saved already: then it is said so.
      expect(await ws.answer(s.id), second.failures()).toMatch(new RegExp(`^已更新 #${texts[i].project}$|已处理过`));
    }
    const rows = await db.update.findMany({ where: { field: "nextStep", source: "SLASH" }, select: { newValue: true } });
    expect(rows.map((r) => r.newValue).sort()).toEqual(texts.map((t) => t.text).sort());
    // Each entry is marked done just after its answer.
    for (let i = 0; i < 100 && (await db.inboxEntry.count({ where: { doneAt: null } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await db.inboxEntry.count({ where: { doneAt: null } })).toBe(0);
  });
});
