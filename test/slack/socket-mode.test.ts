import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createSlackApp, type SlackApp } from "../../src/slack/app.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { FORMS } from "../../src/slack/blocks/forms.ts";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { recordPing } from "../../src/store/pings.ts";
import { pingMessages } from "../../src/slack/blocks/ping-blocks.ts";
import { WebClient } from "@slack/web-api";
import { newProject } from "../fixtures/factories.ts";
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
/** Event listeners still running (Bolt acks events before running them). */
let handling = 0;
const settled = async () => {
  await waitUntil(() => handling === 0, "the bot to finish handling its envelopes", 15_000);
  await slack.idle();
};

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
  slack.app.use(async ({ next }) => {
    handling++;
    try {
      await next();
    } finally {
      handling--;
    }
  });
}, 60_000);
afterAll(async () => {
  await slack.stop();
  await standin.close();
  guard.retire();
  await store.destroy();
});

let seq = 0;
let projectId = 0;
function slash(text: string) {
  const id = `sock${++seq}`;
  const payload = { token: "legacy", team_id: "T0TEST", channel_id: CHANNEL, user_id: USER, command: "/project", text, api_app_id: "A0TEST", response_url: standin.responseUrl(id, { channel: CHANNEL, user: USER }), trigger_id: standin.issueTriggerId() };
  return { id, payload };
}

/** The 到位资金 form of the project, submitted over the WebSocket with `amount` typed; resolves to the envelope's ack. */
async function submitFunds(viewId: string, amount: string) {
  return (await standin.socketMode.link()).send("interactive", {
    type: "view_submission",
    user: { id: USER, username: "socket", team_id: "T0TEST" },
    team: { id: "T0TEST" },
    view: { id: viewId, type: "modal", callback_id: FORMS.funds, private_metadata: JSON.stringify({ projectId, channelId: CHANNEL }), state: { values: { amount: { amount: { type: "plain_text_input", value: amount } } } }, hash: `h-${viewId}` },
  });
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

  it("a button (interactive envelope) is answered on its response_url", async () => {
    const project = await createProject(store.db, newProject({ name: "套接字项目", groupId: (await store.db.group.findFirst())!.id, stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-10-01" } }), { author: "seed", source: "CLI" }, { at: new Date("2026-11-01T00:00:00Z") });
    projectId = project.id;
    const responseUrl = standin.responseUrl("sockbtn", { channel: CHANNEL, user: USER });
    await (await standin.socketMode.link()).send("interactive", {
      type: "block_actions",
      user: { id: USER, username: "socket", team_id: "T0TEST" },
      team: { id: "T0TEST" },
      channel: { id: CHANNEL },
      trigger_id: standin.issueTriggerId(),
      response_url: responseUrl,
      actions: [{ type: "button", block_id: "b", action_ts: "1", action_id: CARD_ACTIONS.history, value: String(project.id) }],
    });
    const answer = await waitUntil(() => standin.responseUrlRecord("sockbtn")?.payloads[0], "the history answer");
    expect(JSON.stringify(answer)).toContain(`#${project.id} 历史记录`);
  });

  it("a form refused inline: the errors come back in the envelope's ack", async () => {
    const ack = await submitFunds("VSOCK1", "2.5");
    expect(ack).toMatchObject({ response_action: "errors" });
    expect(JSON.stringify(ack)).toContain("2.5亿");
  });

  it("a form accepted: the ack closes it, the tranche is stored once and confirmed to the person in the channel", async () => {
    const ack = await submitFunds("VSOCK2", "300万");
    expect(JSON.stringify(ack ?? {})).not.toContain("errors");
    await settled();
    const funds = await store.db.fundEntry.findMany({ where: { projectId } });
    expect(funds.map((f) => f.amountWan)).toEqual([300]);
    const confirmations = standin.calls.filter((c) => c.ok && c.method === "chat.postEphemeral" && c.args.user === USER && String(c.args.text).includes(`#${projectId}`) && String(c.args.text).includes("+300万元"));
    expect(confirmations).toHaveLength(1);
  });

  it("serves /health on PORT: 200 with the store reachable, 404 for anything else", async () => {
    const base = `http://127.0.0.1:${(slack.healthServer!.address() as AddressInfo).port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, store: "reachable" });
    expect((await fetch(`${base}/slack/events`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("App Home (events_api envelope) publishes the home tab", async () => {
    await (await standin.socketMode.link()).send("events_api", { token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: "EvSOCK1", event_time: 1, event: { type: "app_home_opened", user: USER, channel: "D0SOCKET", tab: "home", event_ts: "1" } });
    await waitUntil(() => standin.homeView(USER), "the published home tab");
  });

  it("App Home re-delivered with the same event_id (a late ack) is published once", async () => {
    const link = await standin.socketMode.link();
    const before = standin.callsTo("views.publish").length;
    const payload = { token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: "EvSOCKHOME", event_time: 2, event: { type: "app_home_opened", user: USER, channel: "D0SOCKET", tab: "home", event_ts: "2" } };
    await link.send("events_api", payload);
    await link.send("events_api", payload, { attempt: 1, reason: "timeout" });
    await settled();
    expect(standin.callsTo("views.publish").length - before).toBe(1);
  });

  it("a ✅ on a ping re-delivered with the same event_id is applied once; another ✅ is applied", async () => {
    const group = (await store.db.group.findFirst())!;
    const project = (await getProject(store.db, projectId))!;
    const [blocks] = pingMessages(group.name, "2026-11-23", [{ project, reasons: ["下一步逾期"], mention: [USER] }], null, 3);
    const bot = new WebClient(BOT, { slackApiUrl: standin.url, retryConfig: { retries: 0 } });
    const posted = await bot.chat.postMessage({ channel: CHANNEL, text: "逾期提醒", blocks: blocks as never });
    await recordPing(store.db, { groupId: group.id, day: "2026-11-23", channelId: CHANNEL, messageTs: posted.ts!, projectIds: [projectId], escalated: false, at: new Date("2026-11-23T01:05:00Z") });
    const reaction = (eventId: string, user: string) => ({ token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: eventId, event_time: 3, event: { type: "reaction_added", user, reaction: "white_check_mark", item: { type: "message", channel: CHANNEL, ts: posted.ts }, item_user: standin.bot.userId, event_ts: "3" } });
    const updates = () => standin.callsTo("chat.update").filter((c) => c.ok && c.args.ts === posted.ts);
    const link = await standin.socketMode.link();
    await link.send("events_api", reaction("EvSOCKACK1", USER));
    await link.send("events_api", reaction("EvSOCKACK1", USER), { attempt: 1, reason: "timeout" });
    await link.send("events_api", reaction("EvSOCKACK1", USER), { attempt: 2, reason: "timeout" });
    await settled();
    expect(updates()).toHaveLength(1);
    expect(await store.db.appliedRequest.count({ where: { key: "event:EvSOCKACK1" } })).toBe(1);
    expect((await store.db.overduePing.findFirst({ where: { messageTs: posted.ts } }))?.acknowledgedBy).toBe(USER);
    // A new ✅ (its own event_id) is a new event, applied.
    await link.send("events_api", reaction("EvSOCKACK2", USER));
    await settled();
    expect(updates()).toHaveLength(2);
  });

  it("after disconnect (refresh_requested) it reconnects with a new one-use URL and keeps answering", async () => {
    (await standin.socketMode.link()).disconnect("refresh_requested");
    await waitUntil(() => standin.socketMode.connections.length === 2 && !standin.socketMode.connections[1].closed, "a second connection", 20_000);
    expect(standin.callsTo("apps.connections.open")).toHaveLength(2);
    const { id, payload } = slash("帮助");
    await (await standin.socketMode.link()).send("slash_commands", payload);
    await waitUntil(() => standin.responseUrlRecord(id)?.payloads[0], "the answer after reconnecting");
  }, 30_000);

  it("after the connection is dropped without a disconnect message it reconnects and a later slash command is answered", async () => {
    const before = standin.socketMode.connections.length;
    (await standin.socketMode.link()).drop();
    await waitUntil(() => standin.socketMode.connections.length === before + 1 && !standin.socketMode.connections[before].closed, "a new connection after the drop", 30_000);
    expect(standin.callsTo("apps.connections.open")).toHaveLength(before + 1);
    const { id, payload } = slash("帮助");
    await (await standin.socketMode.link()).send("slash_commands", payload);
    const answered = await waitUntil(() => standin.responseUrlRecord(id)?.payloads[0], "the answer after the drop");
    expect(JSON.stringify(answered)).toContain("/project");
  }, 40_000);
});
