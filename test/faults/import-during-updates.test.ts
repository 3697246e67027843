import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBenchLedger } from "../../bench/import-ledger.ts";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { signedHeaders, startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";
import { waitUntil } from "../helpers/slack-harness.ts";
import { freePort } from "../helpers/bot-process.ts";

// Issue #14, problem 5: while `dispatch import` loads a 5,000-row ledger,
// staff keep updating projects through the real bot process. Every update
// must be answered as saved and be in the store afterwards, and the import
// must go in whole. The import prepares outside its transaction and writes
// in one short one; the bot's writes wait for SQLite's lock meanwhile.

const START = resolve(import.meta.dirname, "../../bin/start.js");
const DISPATCH = resolve(import.meta.dirname, "../../bin/dispatch.js");
const SECRET = "fault-import-secret-0123456789";
const TOKEN = "xoxb-fault-import";
const ADMIN = "U0ADMIN";
const CHANNEL = "C0FAULT";
const NOW = new Date("2026-11-23T09:00:00+08:00");
const MIN_UPDATES = 20;

let store: TestStore;
let standin: SlackStandin;
let bot: ChildProcess;
let botLog = "";
let dir: string;
let demoProjects: number;
let port: number;


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "fault-import-"));
  store = await createTestStore();
  await ensureDemo(store.db, NOW);
  demoProjects = await store.db.project.count();
  standin = await startSlackStandin({ botToken: TOKEN });
  standin.addUser({ id: ADMIN, name: "admin" });
  standin.addChannel({ id: CHANNEL, name: "fault", members: [ADMIN] });
  port = await freePort();
  bot = spawn(process.execPath, [START], {
    env: { ...process.env, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standin.url, PORT: String(port), DATABASE_URL: store.url, ADMIN_USER_IDS: ADMIN, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stdout!.on("data", (d) => (botLog += d));
  bot.stderr!.on("data", (d) => (botLog += d));
  await waitUntil(() => botLog.includes('"bot started"'), "bot start", 180_000);
}, 300_000);

afterAll(async () => {
  bot?.kill("SIGKILL");
  await standin?.close();
  await store?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** The bot's error log lines, for a failure message. */
const failures = () => botLog.split("\n").filter((l) => l.includes('"level":50')).map((l) => l.slice(0, 600)).join("\n");

let seq = 0;
async function slash(text: string): Promise<string> {
  const id = `u${++seq}`;
  const body = new URLSearchParams({
    token: "legacy", team_id: "T0FAULT", team_domain: "fault", channel_id: CHANNEL, channel_name: "fault", user_id: ADMIN, user_name: "admin",
    command: "/project", text, api_app_id: "A0FAULT", response_url: standin.responseUrl(id, { channel: CHANNEL, user: ADMIN }), trigger_id: standin.issueTriggerId(),
  }).toString();
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body, headers: { ...signedHeaders(SECRET, body, Date.now()) } });
  expect(res.status).toBe(200);
  return id;
}

describe(`an import of 5,000 rows while the bot takes updates (${usingPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("applies every update and the whole import", { timeout: 600_000 }, async () => {
    const file = join(dir, "ledger-5000.xlsx");
    await writeBenchLedger(file, { projects: 4_000, funds: 1_000 });
    const importer = spawn(process.execPath, [DISPATCH, "import", file], { env: { ...process.env, DATABASE_URL: store.url, DISPATCH_NOW: NOW.toISOString() }, stdio: ["ignore", "pipe", "pipe"] });
    let importOut = "";
    importer.stdout!.on("data", (d) => (importOut += d));
    importer.stderr!.on("data", (d) => (importOut += d));
    const exited = new Promise<number | null>((ok) => importer.on("exit", (code) => ok(code)));
    let running = true;
    void exited.then(() => (running = false));

    // One update every 250 ms for as long as the import runs, and at least 20.
    const sent: Array<{ id: string; project: number; text: string }> = [];
    while (running || sent.length < MIN_UPDATES) {
      const k = sent.length + 1;
      const project = ((k - 1) % 96) + 1;
      const text = `导入期间第${k}条`;
      sent.push({ id: await slash(`更新 #${project} 下一步="${text}"`), project, text });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await exited, importOut).toBe(0);
    expect(importOut).toContain("导入完成：新建项目 4000 个");

    for (const s of sent) {
      const record = await waitUntil(() => {
        const r = standin.responseUrlRecord(s.id);
        return r && r.payloads.length ? r : undefined;
      }, `answer to ${s.text}`, 60_000);
      expect(String((record.payloads[0] as { text?: string }).text), `${s.text}; the bot logged:\n${failures()}`).toBe(`已更新 #${s.project}`);
    }
    const rows = await store.db.update.findMany({ where: { field: "nextStep", source: "SLASH" }, select: { newValue: true } });
    expect(new Set(rows.map((r) => r.newValue))).toEqual(new Set(sent.map((s) => s.text)));
    expect(await store.db.project.count()).toBe(demoProjects + 4_000);
    expect(await store.db.fundEntry.count()).toBeGreaterThanOrEqual(1_000);
    expect(botLog).not.toContain("database is locked");
  });
});
