import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { sendSlash, startBot, type BotProcess } from "../helpers/bot-process.ts";
import { waitUntil } from "../helpers/slack-harness.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";

// Issue #14, problems 5 and 10: two bot processes on one store (on SQLite,
// one file) take 20 progress updates at once, all on the same project. None
// is lost and none is refused as "刚被他人修改": they touch no common field,
// so each is applied on top of the other.

const SECRET = "fault-two-secret-0123456789";
const TOKEN = "xoxb-fault-two";
const ADMIN = "U0ADMIN";
const CHANNEL = "C0FAULT";
const UPDATES = 20;
const PROJECT = 3;

let store: TestStore;
let standin: SlackStandin;
const bots: BotProcess[] = [];

beforeAll(async () => {
  store = await createTestStore();
  await ensureDemo(store.db, new Date("2026-11-23T09:00:00+08:00"));
  standin = await startSlackStandin({ botToken: TOKEN });
  standin.addUser({ id: ADMIN, name: "admin" });
  standin.addChannel({ id: CHANNEL, name: "fault", members: [ADMIN] });
  const opts = { secret: SECRET, token: TOKEN, standin, databaseUrl: store.url, admins: ADMIN };
  bots.push(...(await Promise.all([startBot(opts), startBot(opts)])));
}, 300_000);

afterAll(async () => {
  for (const b of bots) b.child.kill("SIGKILL");
  await standin?.close();
  await store?.destroy();
});

describe(`two bot processes on one ${usingPostgres ? "PostgreSQL database" : "SQLite file"}`, () => {
  it(`apply ${UPDATES} of ${UPDATES} concurrent updates to one project`, { timeout: 600_000 }, async () => {
    const texts = Array.from({ length: UPDATES }, (_, i) => `两进程第${i + 1}条`);
    const sent = await Promise.all(texts.map((t, i) => sendSlash(bots[i % 2], standin, SECRET, `更新 #${PROJECT} 进展="${t}"`, { user: ADMIN, channel: CHANNEL })));
    expect(sent.map((s) => s.status)).toEqual(texts.map(() => 200));
    for (const [i, s] of sent.entries()) {
      const record = await waitUntil(() => {
        const r = standin.responseUrlRecord(s.id);
        return r && r.payloads.length ? r : undefined;
      }, `answer to ${texts[i]}`, 120_000);
      expect(String((record.payloads[0] as { text?: string }).text), bots.map((b) => b.failures()).join("\n")).toBe(`已更新 #${PROJECT}`);
    }
    const rows = await store.db.update.findMany({ where: { projectId: PROJECT, field: "PROGRESS", source: "SLASH" }, select: { newValue: true } });
    expect(rows.map((r) => r.newValue).sort()).toEqual([...texts].sort());
  });
});
