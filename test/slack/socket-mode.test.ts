import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createSlackApp, type SlackApp } from "../../src/slack/app.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { guardStandin } from "../helpers/standin-guard.ts";
import { waitUntil } from "../helpers/slack-harness.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The bot in Socket Mode against the stand-in's WebSocket: it opens the
// connection through SLACK_API_URL with the app token, gets `hello`, answers
// envelopes within 3 s, and reconnects when Slack asks it to.

const BOT = "xoxb-socket";
const APP = "xapp-1-socket";
const CHANNEL = "C0SOCKET";
const USER = "U0SOCKET";
let store: TestStore;
let standin: SlackStandin;
let slack: SlackApp;
let guard: ReturnType<typeof guardStandin>;

beforeAll(async () => {
  store = await createTestStore();
  standin = await startSlackStandin({ botToken: BOT, appToken: APP });
  guard = guardStandin(standin, () => slack.idle());
  standin.addUser({ id: USER, name: "socket" });
  standin.addChannel({ id: CHANNEL, name: "socket", members: [USER, standin.bot.userId] });
  await upsertGroup(store.db, { name: "新材料产业招商组", leaderName: "夏艺", leaderSlackId: null, commissioners: "", focus: "", channelId: CHANNEL, memberUserIds: [USER] });
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SOCKET_MODE: "true", SLACK_API_URL: standin.url, PORT: "0", DATABASE_URL: store.url });
  slack = createSlackApp(config, { db: store.db, admins: [], now: () => new Date("2026-11-23T02:00:00Z"), logger: createLogger("silent") });
  await slack.start();
}, 60_000);
afterAll(async () => {
  await slack.stop();
  await standin.close();
  guard.retire();
  await store.destroy();
});

let seq = 0;
function slash(text: string) {
  const id = `sock${++seq}`;
  const payload = { token: "legacy", team_id: "T0TEST", channel_id: CHANNEL, user_id: USER, command: "/project", text, api_app_id: "A0TEST", response_url: standin.responseUrl(id, { channel: CHANNEL, user: USER }), trigger_id: standin.issueTriggerId() };
  return { id, payload };
}

describe("Socket Mode", () => {
  it("connects through SLACK_API_URL with the app token and gets hello", async () => {
    expect(standin.callsTo("apps.connections.open")).toEqual([expect.objectContaining({ ok: true })]);
    expect(standin.socketMode.connections).toHaveLength(1);
  });

  it("a slash command envelope is acknowledged within 3 s and answered on its response_url", async () => {
    const link = await standin.socketMode.link();
    const { id, payload } = slash("帮助");
    await link.send("slash_commands", payload);
    const answered = await waitUntil(() => standin.responseUrlRecord(id)?.payloads[0], "the answer to /project 帮助");
    expect(JSON.stringify(answered)).toContain("/project");
  });

  it("after disconnect (refresh_requested) it reconnects with a new one-use URL and keeps answering", async () => {
    (await standin.socketMode.link()).disconnect("refresh_requested");
    await waitUntil(() => standin.socketMode.connections.length === 2 && !standin.socketMode.connections[1].closed, "a second connection", 20_000);
    expect(standin.callsTo("apps.connections.open")).toHaveLength(2);
    const { id, payload } = slash("帮助");
    await (await standin.socketMode.link()).send("slash_commands", payload);
    await waitUntil(() => standin.responseUrlRecord(id)?.payloads[0], "the answer after reconnecting");
  }, 30_000);
});
