import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PING_ACTIONS } from "../../src/slack/blocks/ping-blocks.ts";
import { faultWorkspace, sendClick, type FaultWorkspace } from "../helpers/bot-process.ts";
import { usingPostgres } from "../helpers/test-store.ts";

// Issue #14, problem 3 for buttons: 30 presses of 延期7天 on an overdue ping
// are acknowledged, then kill -9 of the real bot process. Each press was
// written to the inbox before its ack, so the restarted bot does every one,
// answers every person, and moves each deadline exactly once.

const PRESSES = 30;
let ws: FaultWorkspace;

beforeAll(async () => {
  ws = await faultWorkspace("kill-buttons");
}, 300_000);

afterAll(async () => ws?.close());

describe(`kill -9 with ${PRESSES} acknowledged button presses (${usingPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("does and answers every press after the restart, each change stored once", { timeout: 600_000 }, async () => {
    const { standin, store } = ws;
    const projects = Array.from({ length: PRESSES }, (_, i) => i + 1);
    const first = await ws.startBot();
    const sent = await Promise.all(
      projects.map((p) => sendClick(first, standin, ws.secret, { action_id: `${PING_ACTIONS.postpone}_${p}`, value: String(p) }, { user: ws.admin, channel: ws.channel })),
    );
    expect(sent.map((s) => s.status)).toEqual(projects.map(() => 200));
    first.child.kill("SIGKILL");
    await first.exited;

    // Acknowledged but not yet done when the process died (the test means something only if some were).
    const pending = await store.db.inboxEntry.count({ where: { doneAt: null } });
    expect(pending).toBeGreaterThan(0);
    expect(await store.db.inboxEntry.count()).toBe(PRESSES);

    const second = await ws.startBot();
    for (const [i, s] of sent.entries()) {
      // The press that was mid-way at the kill may have been saved already: then it is said so.
      expect(await ws.answer(s.id), second.failures()).toMatch(new RegExp(`#${projects[i]} 下一步截止已延期至|已延期过`));
    }
    for (let i = 0; i < 100 && (await store.db.inboxEntry.count({ where: { doneAt: null } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await store.db.inboxEntry.count({ where: { doneAt: null } })).toBe(0);

    // Each deadline moved once (a second move would be a second BUTTON row for that project).
    const rows = await store.db.update.findMany({ where: { field: "nextStepDue", source: "BUTTON" }, select: { projectId: true } });
    expect(rows.map((r) => r.projectId).sort((a, b) => a - b)).toEqual(projects);
    // Each person answered once with the outcome; only the press cut off between its answer and its
    // "done" mark (at most one: the queue runs one at a time) may be answered a second time.
    const counts = sent.map((s) => standin.responseUrlRecord(s.id)!.payloads.length);
    expect(counts.filter((c) => c === 1).length, String(counts)).toBeGreaterThanOrEqual(PRESSES - 1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    const confirmations = sent.flatMap((s) => standin.responseUrlRecord(s.id)!.payloads.filter((p) => /已延期至/.test(String((p as { text?: string }).text))));
    expect(confirmations.length).toBeLessThanOrEqual(PRESSES);
  });
});
