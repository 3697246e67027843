import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { signedHeaders, startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { waitUntil } from "./slack-harness.ts";
import { createTestStore, type TestStore } from "./test-store.ts";

// The real bot process (`npm start`'s entry) for fault tests: started on a
// store and a Slack stand-in, sent signed slash commands over HTTP, killed.

const START = resolve(import.meta.dirname, "../../bin/start.js");

export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface BotProcess {
  child: ChildProcess;
  port: number;
  log(): string;
  /** The bot's error log lines, for a failure message. */
  failures(): string;
  exited: Promise<number | null>;
}

export async function startBot(opts: { secret: string; token: string; standin: SlackStandin; databaseUrl: string; admins: string; port?: number; env?: Record<string, string> }): Promise<BotProcess> {
  const port = opts.port ?? (await freePort());
  let out = "";
  const child = spawn(process.execPath, [START], {
    env: { ...process.env, SLACK_BOT_TOKEN: opts.token, SLACK_SIGNING_SECRET: opts.secret, SLACK_API_URL: opts.standin.url, PORT: String(port), DATABASE_URL: opts.databaseUrl, ADMIN_USER_IDS: opts.admins, LOG_LEVEL: "info", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
  await waitUntil(() => out.includes('"bot started"') || child.exitCode !== null, "bot start", 180_000);
  if (child.exitCode !== null) throw new Error(`the bot exited at start:\n${out}`);
  return {
    child,
    port,
    exited,
    log: () => out,
    failures: () => out.split("\n").filter((l) => l.includes('"level":50')).map((l) => l.slice(0, 600)).join("\n"),
  };
}

let seq = 0;

/** Sends `/project <text>` signed as Slack does; resolves with the response_url id and the HTTP answer. */
export async function sendSlash(
  bot: { port: number },
  standin: SlackStandin,
  secret: string,
  text: string,
  who: { user: string; channel: string },
): Promise<{ id: string; status: number; body: string; ms: number }> {
  const id = `cmd${++seq}-${Math.random().toString(36).slice(2, 6)}`;
  const body = new URLSearchParams({
    token: "legacy", team_id: "T0FAULT", team_domain: "fault", channel_id: who.channel, channel_name: "fault", user_id: who.user, user_name: who.user.toLowerCase(),
    command: "/project", text, api_app_id: "A0FAULT", response_url: standin.responseUrl(id, { channel: who.channel, user: who.user }), trigger_id: standin.issueTriggerId(),
  }).toString();
  const start = Date.now();
  const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, { method: "POST", body, headers: { ...signedHeaders(secret, body, Date.now()) } });
  return { id, status: res.status, body: await res.text(), ms: Date.now() - start };
}

/** Presses a message button (block_actions) as Slack delivers it; resolves with the response_url id and the HTTP answer. */
export async function sendClick(
  bot: { port: number },
  standin: SlackStandin,
  secret: string,
  action: { action_id: string; value: string },
  who: { user: string; channel: string; messageTs?: string },
): Promise<{ id: string; status: number; body: string }> {
  const id = `click${++seq}-${Math.random().toString(36).slice(2, 6)}`;
  const payload = {
    type: "block_actions",
    user: { id: who.user, username: who.user.toLowerCase(), team_id: "T0FAULT" },
    team: { id: "T0FAULT", domain: "fault" },
    api_app_id: "A0FAULT",
    channel: { id: who.channel, name: "fault" },
    ...(who.messageTs ? { message: { ts: who.messageTs, type: "message", text: "" }, container: { type: "message", message_ts: who.messageTs, channel_id: who.channel } } : {}),
    trigger_id: standin.issueTriggerId(),
    response_url: standin.responseUrl(id, { channel: who.channel, user: who.user }),
    actions: [{ type: "button", block_id: "b", action_ts: String(Date.now() / 1000), ...action }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, { method: "POST", body, headers: { ...signedHeaders(secret, body, Date.now()) } });
  return { id, status: res.status, body: await res.text() };
}

/** The day the fault tests' demo district is seeded for. */
export const FAULT_NOW = new Date("2026-11-23T09:00:00+08:00");

/**
 * What every fault test starts from: a fresh store (the demo district in it
 * unless `demo: false`), a stand-in with one admin in one channel, and the
 * settings to start real bot processes on them. `close()` kills every bot
 * started through it and removes the store.
 */
export interface FaultWorkspace {
  store: TestStore;
  standin: SlackStandin;
  secret: string;
  admin: string;
  channel: string;
  /** Starts one more bot process on this store (or the same store through another address) and stand-in. */
  startBot(extra?: { port?: number; env?: Record<string, string>; databaseUrl?: string }): Promise<BotProcess>;
  /** `/project <text>` from the admin in the channel, to the given bot. */
  slash(bot: { port: number }, text: string): ReturnType<typeof sendSlash>;
  /** Waits for the first answer posted to a command's response_url and gives its text. */
  answer(responseId: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export async function faultWorkspace(name: string, opts: { demo?: boolean } = {}): Promise<FaultWorkspace> {
  const secret = `fault-${name}-secret-0123456789`;
  const token = `xoxb-fault-${name}`;
  const admin = "U0ADMIN";
  const channel = "C0FAULT";
  const store = await createTestStore();
  if (opts.demo !== false) await ensureDemo(store.db, FAULT_NOW);
  const standin = await startSlackStandin({ botToken: token });
  standin.addUser({ id: admin, name: "admin" });
  standin.addChannel({ id: channel, name: "fault", members: [admin] });
  const bots: BotProcess[] = [];
  return {
    store,
    standin,
    secret,
    admin,
    channel,
    async startBot(extra = {}) {
      const bot = await startBot({ secret, token, standin, databaseUrl: store.url, admins: admin, ...extra });
      bots.push(bot);
      return bot;
    },
    slash: (bot, text) => sendSlash(bot, standin, secret, text, { user: admin, channel }),
    async answer(responseId, timeoutMs = 120_000) {
      const record = await waitUntil(() => {
        const r = standin.responseUrlRecord(responseId);
        return r && r.payloads.length ? r : undefined;
      }, `answer to ${responseId}`, timeoutMs);
      return String((record.payloads[0] as { text?: string }).text);
    },
    async close() {
      for (const b of bots) b.child.kill("SIGKILL");
      await standin.close();
      await store.destroy();
    },
  };
}
