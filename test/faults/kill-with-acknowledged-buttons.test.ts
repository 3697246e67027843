import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { PING_ACTIONS } from "../../src/slack/blocks/ping-blocks.ts";
import { sendClick, startBot, type BotProcess } from "../helpers/bot-process.ts";
import { waitUntil } from "../helpers/slack-harness.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";

// Issue #14, problem 3 for buttons: 30 presses of 延期7天 on an overdue ping
// are acknowledged, then kill -9 of the real bot process. Each press was
// written to the inbox before its ack, so the restarted bot does every one,
// answers every person, and moves each deadline exactly once.

const SECRET = "fault-kill-buttons-0123456789";
const TOKEN = "xoxb-fault-kill-buttons";
const ADMIN = "U0ADMIN";
const CHANNEL = "C0FAULT";
const PRESSES = 30;

let store: TestStore;
let standin: SlackStandin;
const bots: BotProcess[] = [];

beforeAll(async () => {
  store = await createTestStore();
  await ensureDemo(store.db, new Date("2026-11-23T09:00:00+08:00"));
  standin = await startSlackStandin({ botToken: TOKEN });
  standin.addUser({ id: ADMIN, name: "admin" });
  standin.addChannel({ id: CHANNEL, name: "fault", members: [ADMIN] });
}, 300_000);

afterAll(async () => {
  for (const b of bots) b.child.kill("SIGKILL");
  await standin?.close();
  await store?.destroy();
});

describe(`kill -9 with ${PRESSES} acknowledged button presses (${usingPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("does and answers every press after the restart, each change stored once", { timeout: 600_000 }, async () => {
    const opts = { secret: SECRET, token: TOKEN, standin, databaseUrl: store.url, admins: ADMIN };
    const projects = Array.from({ length: PRESSES }, (_, i) => i + 1);
    const first = await startBot(opts);
    bots.push(first);
    const sent = await Promise.all(
      projects.map((p) => sendClick(first, standin, SECRET, { action_id: `${PING_ACTIONS.postpone}_${p}`, value: String(p) }, { user: ADMIN, channel: CHANNEL })),
    );
    expect(sent.map((s) => s.status)).toEqual(projects.map(() => 200));
    first.child.kill("SIGKILL");
    await first.exited;

    // Acknowledged but not yet done when the process died (the test means something only if some were).
    const pending = await store.db.inboxEntry.count({ where: { doneAt: null } });
    expect(pending).toBeGreaterThan(0);
    expect(await store.db.inboxEntry.count()).toBe(PRESSES);

    const second = await startBot(opts);
    bots.push(second);
    for (const [i, s] of sent.entries()) {
      const record = await waitUntil(() => {
        const r = standin.responseUrlRecord(s.id);
        return r && r.payloads.length ? r : undefined;
      }, `answer to the press on #${projects[i]}`, 120_000);
      // The press that was mid-way at the kill may have been saved already: then it is said so.
      expect(String((record.payloads[0] as { text?: string }).text), second.failures()).toMatch(new RegExp(`#${projects[i]} 下一步截止已延期至|已延期过`));
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
