import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createSlackApp, type SlackApp } from "../../src/slack/app.ts";
import { signedHeaders, startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { upsertGroup, upsertUnit } from "../../src/store/directory.ts";
import { guardStandin, type RefusalGuard } from "./standin-guard.ts";
import { createTestStore, type TestStore } from "./test-store.ts";

// The whole bot over real HTTP: a real database, the Bolt app listening on a
// port, requests signed exactly as Slack signs them, and the Slack Web API
// stand-in recording and validating every call the bot makes.

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-test-token";
export const TEAM = "T0TEST";
export const CHANNEL = "C0GENERAL";
/** A public channel people use but the bot was never invited to. */
export const OUTSIDE = "C0OUTSIDE";
export const MEMBER = "U0MEMBER";
export const OTHER = "U0OTHER";
export const ADMIN = "U0ADMIN";

export interface Answer {
  via: "response_url" | "ephemeral" | "dm";
  /** The channel where the person saw it (the DM's id for a DM). */
  channel: string;
  text: string;
  blocks: unknown;
}

export interface Harness extends RefusalGuard {
  store: TestStore;
  standin: SlackStandin;
  slack: SlackApp;
  base: string;
  groupId: number;
  clock: { now: Date };
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  /** Sends `/project <text>` as `user`; resolves with the response_url id once Bolt acknowledged. */
  slash(text: string, user?: string, extraHeaders?: Record<string, string>): Promise<{ status: number; responseId: string; triggerId: string; body: string }>;
  /** Payloads posted to a response_url, waiting until there are at least `count`. */
  responses(id: string, count?: number): Promise<Array<Record<string, unknown>>>;
  interact(payload: Record<string, unknown>): Promise<Response>;
  /** A click on a button (or a pick in a date picker) in a message of `channel`, as Slack delivers it. */
  click(action: Record<string, unknown> & { action_id: string }, opts?: { user?: string; channel?: string; messageTs?: string }): Promise<Response>;
  event(event: Record<string, unknown>, eventId?: string, headers?: Record<string, string>): Promise<Response>;
  /**
   * What reached `user` privately since the last clear(), oldest first, however
   * it went: a response_url answer, an ephemeral, or a DM from the bot.
   */
  answers(user?: string, count?: number): Promise<Answer[]>;
  waitForCall(method: string, count?: number): Promise<Array<{ args: Record<string, unknown>; ok: boolean; error?: string }>>;
  /** Resolves once the bot has finished handling every request sent so far, including the work it queued after acknowledging. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function waitUntil<T>(probe: () => T | undefined | false, what: string, timeoutMs = 5_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let seq = 0;

export async function startHarness(): Promise<Harness> {
  const store = await createTestStore();
  const standin = await startSlackStandin({ botToken: BOT_TOKEN });
  for (const id of [MEMBER, OTHER, ADMIN]) standin.addUser({ id, name: id.toLowerCase() });
  // The group's channel, the bot invited to it as README's setup says; tests
  // of a channel without the bot add their own (OUTSIDE).
  standin.addChannel({ id: CHANNEL, name: "general", members: [MEMBER, OTHER, ADMIN, standin.bot.userId] });
  standin.addChannel({ id: OUTSIDE, name: "outside", members: [MEMBER, OTHER, ADMIN] });
  await upsertUnit(store.db, { name: "白涛园区", kind: "PARK" });
  await upsertUnit(store.db, { name: "区商务委", kind: "DEPARTMENT" });
  const groupId = await upsertGroup(store.db, { name: "新材料产业招商组", leaderName: "夏艺", leaderSlackId: null, commissioners: "", focus: "", channelId: CHANNEL, memberUserIds: [MEMBER] });

  const clock = { now: new Date("2026-11-23T02:00:00Z") };
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standin.url, PORT: "0", ADMIN_USER_IDS: ADMIN, DATABASE_URL: store.url });
  const slack = createSlackApp(config, { db: store.db, admins: config.admins, now: () => clock.now, logger: createLogger("silent") });
  await slack.start();
  // Bolt keeps running a listener after its ack; count the requests it is still handling.
  let handling = 0;
  slack.app.use(async ({ next }) => {
    handling++;
    try {
      await next();
    } finally {
      handling--;
    }
  });
  const settled = async () => {
    do {
      await waitUntil(() => handling === 0, "the bot to finish handling its requests", 15_000);
      await slack.idle();
    } while (handling > 0);
  };
  const guard = guardStandin(standin, settled);
  const base = `http://127.0.0.1:${(slack.http!.server.address() as AddressInfo).port}`;

  // Each delivery of a body gets a timestamp (whole seconds, within Slack's 5
  // minutes) not used for that body before, so two deliveries of the same body
  // are two signed requests, not a replay, however slowly the test runs.
  const usedSeconds = new Map<string, Set<number>>();
  const post = (body: string, headers: Record<string, string> = {}) => {
    const used = usedSeconds.get(body) ?? new Set<number>();
    usedSeconds.set(body, used);
    let seconds = Math.floor(Date.now() / 1000);
    while (used.has(seconds)) seconds--;
    used.add(seconds);
    return fetch(`${base}/slack/events`, { method: "POST", body, headers: { ...signedHeaders(SECRET, body, seconds * 1000), ...headers } });
  };

  const h: Harness = {
    store,
    standin,
    slack,
    base,
    groupId,
    clock,
    post,
    expectRefusal: guard.expectRefusal,
    settled,
    async slash(text, user = MEMBER, extraHeaders = {}) {
      const responseId = `r${++seq}`;
      const responseUrl = standin.responseUrl(responseId, { channel: CHANNEL, user });
      const triggerId = standin.issueTriggerId();
      const body = new URLSearchParams({
        token: "legacy", team_id: TEAM, team_domain: "test", channel_id: CHANNEL, channel_name: "general", user_id: user, user_name: user.toLowerCase(),
        command: "/project", text, api_app_id: "A0TEST", response_url: responseUrl, trigger_id: triggerId,
      }).toString();
      const res = await post(body, extraHeaders);
      return { status: res.status, responseId, triggerId, body };
    },
    async responses(id, count = 1) {
      return waitUntil(() => {
        const r = standin.responseUrlRecord(id);
        return r && r.payloads.length >= count ? (r.payloads as Array<Record<string, unknown>>) : undefined;
      }, `${count} response(s) on ${id}`);
    },
    interact: (payload) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()),
    click(action, opts = {}) {
      const user = opts.user ?? MEMBER;
      const channel = opts.channel ?? CHANNEL;
      return h.interact({
        type: "block_actions",
        user: { id: user, username: user.toLowerCase(), team_id: TEAM },
        team: { id: TEAM },
        channel: { id: channel },
        ...(opts.messageTs ? { message: { ts: opts.messageTs, type: "message", text: "" }, container: { type: "message", message_ts: opts.messageTs, channel_id: channel } } : {}),
        trigger_id: standin.issueTriggerId(),
        response_url: standin.responseUrl(undefined, { channel, user }),
        actions: [{ type: "button", block_id: "b", action_ts: "1", ...action }],
      });
    },
    event: (event, eventId = `Ev${++seq}`, headers = {}) =>
      post(JSON.stringify({ token: "legacy", team_id: TEAM, api_app_id: "A0TEST", type: "event_callback", event_id: eventId, event_time: 1, event }), headers),
    async answers(user = MEMBER, count = 1) {
      const dm = `D${user.slice(1)}`;
      const collect = () =>
        standin.calls.flatMap((c): Answer[] => {
          if (!c.ok) return [];
          const a = c.args as { channel?: string; user?: string; text?: string; blocks?: unknown; id?: string; response_type?: string; replace_original?: unknown; delete_original?: unknown };
          if (c.method === "chat.postEphemeral" && a.user === user) return [{ via: "ephemeral", channel: a.channel!, text: a.text ?? "", blocks: a.blocks }];
          if (c.method === "chat.postMessage" && (a.channel === user || a.channel === dm)) return [{ via: "dm", channel: dm, text: a.text ?? "", blocks: a.blocks }];
          if (c.method !== "response_url" || a.response_type === "in_channel" || a.delete_original || String(a.replace_original) === "true") return [];
          const r = standin.responseUrlRecord(a.id!);
          return r?.user === user ? [{ via: "response_url", channel: r.channel ?? "", text: a.text ?? "", blocks: a.blocks }] : [];
        });
      return waitUntil(() => {
        const found = collect();
        return found.length >= count ? found : undefined;
      }, `${count} answer(s) to ${user}`);
    },
    async waitForCall(method, count = 1) {
      return waitUntil(() => {
        const calls = standin.callsTo(method);
        return calls.length >= count ? calls : undefined;
      }, `${count} ${method} call(s)`);
    },
    async close() {
      await slack.stop();
      await standin.close();
      guard.retire();
      await store.destroy();
    },
  };
  return h;
}

/** The text of every block of a message or view, joined, for assertions on what a person sees. */
export function textOf(blocks: unknown): string {
  return JSON.stringify(blocks ?? [])
    .match(/"text":"((?:[^"\\]|\\.)*)"/g)!
    ?.map((m) => JSON.parse(m.slice(7)))
    .join("\n") ?? "";
}
