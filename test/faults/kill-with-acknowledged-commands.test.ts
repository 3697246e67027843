import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { startBot, sendSlash, type BotProcess } from "../helpers/bot-process.ts";
import { waitUntil } from "../helpers/slack-harness.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";

// Issue #14, problem 3: 40 commands acknowledged, then kill -9 of the real
// bot process. What was acknowledged was written to the inbox first, so the
// restarted bot processes every one, answers every person, and stores each
// change exactly once.

const SECRET = "fault-kill-secret-0123456789";
const TOKEN = "xoxb-fault-kill";
const ADMIN = "U0ADMIN";
const CHANNEL = "C0FAULT";
const COMMANDS = 40;

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

describe(`kill -9 with ${COMMANDS} acknowledged commands (${usingPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("processes and answers all of them after the restart, each change stored once", { timeout: 600_000 }, async () => {
    const opts = { secret: SECRET, token: TOKEN, standin, databaseUrl: store.url, admins: ADMIN };
    const first = await startBot(opts);
    bots.push(first);
    const texts = Array.from({ length: COMMANDS }, (_, i) => ({ project: i + 1, text: `重启前第${i + 1}条` }));
    const sent = await Promise.all(texts.map((t) => sendSlash(first, standin, SECRET, `更新 #${t.project} 下一步="${t.text}"`, { user: ADMIN, channel: CHANNEL })));
    expect(sent.map((s) => s.status)).toEqual(texts.map(() => 200));
    first.child.kill("SIGKILL");
    await first.exited;

    // Acknowledged but not yet done when the process died (the test means something only if some were).
    const pending = await store.db.inboxEntry.count({ where: { doneAt: null } });
    expect(pending).toBeGreaterThan(0);

    const second = await startBot(opts);
    bots.push(second);
    for (const [i, s] of sent.entries()) {
      const record = await waitUntil(() => {
        const r = standin.responseUrlRecord(s.id);
        return r && r.payloads.length ? r : undefined;
      }, `answer to ${texts[i].text}`, 120_000);
      // The one that was mid-way at the kill may have been saved already: then it is said so.
      expect(String((record.payloads[0] as { text?: string }).text), second.failures()).toMatch(new RegExp(`^已更新 #${texts[i].project}$|已处理过`));
    }
    const rows = await store.db.update.findMany({ where: { field: "nextStep", source: "SLASH" }, select: { newValue: true } });
    expect(rows.map((r) => r.newValue).sort()).toEqual(texts.map((t) => t.text).sort());
    // Each entry is marked done just after its answer.
    for (let i = 0; i < 100 && (await store.db.inboxEntry.count({ where: { doneAt: null } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await store.db.inboxEntry.count({ where: { doneAt: null } })).toBe(0);
  });
});
