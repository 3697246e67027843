import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifestBotScopes } from "../../src/slack-standin/scopes.ts";
import { rejection, silentLogger, startHarness, TOKEN, type Harness } from "./standin-client.ts";

// What real Slack refuses: channels the bot is not in, scopes the token was
// not granted, and the wrong kind of token.

let h: Harness;
const BOT = "U0STANDINBOT";
const error = async (p: Promise<unknown>) => (await rejection(p)).data?.error;

beforeEach(async () => {
  h = await startHarness();
  h.standin.addUser({ id: "U0ALICE", name: "alice" });
  h.standin.addChannel({ id: "C0OUTSIDE", name: "outside", members: ["U0ALICE"] });
  h.standin.addChannel({ id: "G0SECRET", name: "secret", is_private: true, members: ["U0ALICE"] });
  h.standin.addChannel({ id: "G0INVITED", name: "invited", is_private: true, members: ["U0ALICE", BOT] });
});
afterEach(async () => {
  await h.standin.close();
});

describe("channel membership", () => {
  it("unknown channel ids and names are channel_not_found, never created", async () => {
    expect(await error(h.client.chat.postMessage({ channel: "C0NOWHERE", text: "x" }))).toBe("channel_not_found");
    expect(await error(h.client.chat.postMessage({ channel: "#nowhere", text: "x" }))).toBe("channel_not_found");
    expect(await error(h.client.conversations.history({ channel: "C0NOWHERE" }))).toBe("channel_not_found");
    expect(h.standin.workspace.channels.has("C0NOWHERE")).toBe(false);
  });

  it("a DM goes to a known person; an unknown id is channel_not_found, a bot account cannot_dm_bot", async () => {
    expect((await h.client.chat.postMessage({ channel: "U0ALICE", text: "x" })).ok).toBe(true);
    expect(await error(h.client.chat.postMessage({ channel: "U0NOBODY", text: "x" }))).toBe("channel_not_found");
    h.standin.addUser({ id: "U0WORKFLOW", name: "workflow", is_bot: true });
    expect(await error(h.client.chat.postMessage({ channel: "U0WORKFLOW", text: "x" }))).toBe("cannot_dm_bot");
  });

  it("a public channel the bot has not joined: seen, but not_in_channel for posts, uploads and history", async () => {
    expect((await h.client.conversations.info({ channel: "C0OUTSIDE" })).channel).toMatchObject({ is_member: false, is_private: false });
    expect(await error(h.client.chat.postMessage({ channel: "C0OUTSIDE", text: "x" }))).toBe("not_in_channel");
    expect(await error(h.client.conversations.history({ channel: "C0OUTSIDE" }))).toBe("not_in_channel");
    const bytes = Buffer.from("a,b\n");
    const { file_id, upload_url } = await h.client.files.getUploadURLExternal({ filename: "a.csv", length: bytes.length });
    await fetch(upload_url!, { method: "POST", body: bytes });
    expect(await error(h.client.files.completeUploadExternal({ files: [{ id: file_id! }], channel_id: "C0OUTSIDE" }))).toBe("not_in_channel");
    expect(h.standin.messages("C0OUTSIDE")).toEqual([]);
  });

  it("chat.postEphemeral: channel_not_found where the bot is not, user_not_in_channel for a person who is not", async () => {
    expect(await error(h.client.chat.postEphemeral({ channel: "C0OUTSIDE", user: "U0ALICE", text: "x" }))).toBe("channel_not_found");
    expect(await error(h.client.chat.postEphemeral({ channel: "C0DISPATCH", user: "U0ALICE", text: "x" }))).toBe("user_not_in_channel");
    expect(h.standin.ephemerals()).toEqual([]);
  });

  it("conversations.join lets the bot into a public channel; then it may post", async () => {
    const joined = await h.client.conversations.join({ channel: "C0OUTSIDE" });
    expect(joined.channel).toMatchObject({ id: "C0OUTSIDE", is_member: true });
    expect((await h.client.conversations.join({ channel: "C0OUTSIDE" })).warning).toBe("already_in_channel");
    await h.client.chat.postMessage({ channel: "C0OUTSIDE", text: "已加入" });
    expect(h.standin.messages("C0OUTSIDE").map((m) => m.text)).toEqual(["已加入"]);
  });

  it("a private channel: invisible until a person invites the bot; it cannot join one", async () => {
    expect(await error(h.client.conversations.info({ channel: "G0SECRET" }))).toBe("channel_not_found");
    expect(await error(h.client.chat.postMessage({ channel: "G0SECRET", text: "x" }))).toBe("channel_not_found");
    expect(await error(h.client.conversations.join({ channel: "G0SECRET" }))).toBe("channel_not_found");
    expect(await error(h.client.conversations.join({ channel: "G0INVITED" }))).toBe("method_not_supported_for_channel_type");
    expect((await h.client.conversations.list({ types: "private_channel" })).channels?.map((c) => c.id)).toEqual(["G0INVITED"]);
    h.standin.invite("G0SECRET");
    await h.client.chat.postMessage({ channel: "G0SECRET", text: "受邀后可发" });
    expect(h.standin.messages("G0SECRET")).toHaveLength(1);
  });

  it("an archived channel: is_archived for posts and joins, history still readable", async () => {
    await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "归档前" });
    h.standin.archive("C0DISPATCH");
    expect(await error(h.client.chat.postMessage({ channel: "C0DISPATCH", text: "x" }))).toBe("is_archived");
    expect(await error(h.client.conversations.join({ channel: "C0DISPATCH" }))).toBe("is_archived");
    expect((await h.client.conversations.info({ channel: "C0DISPATCH" })).channel?.is_archived).toBe(true);
    expect((await h.client.conversations.history({ channel: "C0DISPATCH" })).messages?.map((m) => m.text)).toEqual(["归档前"]);
  });

  it("a person's id posts to the app's DM with them; a removed bot is not_in_channel again", async () => {
    const r = await h.client.chat.postMessage({ channel: "U0ALICE", text: "私信" });
    expect(r.channel).toBe("D0ALICE");
    expect(h.standin.messages(r.channel!).map((m) => m.text)).toEqual(["私信"]);
    expect(await error(h.client.chat.postMessage({ channel: "U0NOBODY", text: "x" }))).toBe("channel_not_found");
    h.standin.kick("C0DISPATCH");
    expect(await error(h.client.chat.postMessage({ channel: "C0DISPATCH", text: "x" }))).toBe("not_in_channel");
  });
});

describe("scopes", () => {
  it("by default the token holds exactly manifest.yml's bot scopes, named on every answer", async () => {
    const manifest = await startHarness({ scopes: undefined });
    try {
      const client = manifest.clientWith({ retries: 0 });
      const res = await fetch(`${manifest.standin.url}auth.test`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.headers.get("x-oauth-scopes")?.split(",")).toEqual(manifestBotScopes());
      // The bot only reads reactions (the ✅ on a ping); adding one needs a scope the manifest does not ask for.
      const e = await rejection(client.reactions.add({ channel: "C0GENERAL", timestamp: "1.000001", name: "white_check_mark" }));
      expect(e.data).toMatchObject({ ok: false, error: "missing_scope", needed: "reactions:write", provided: manifestBotScopes().join(",") });
    } finally {
      await manifest.standin.close();
    }
  });

  it("a missing scope is missing_scope with needed, per kind of channel", async () => {
    const narrow = await startHarness({ scopes: ["chat:write", "channels:history"] });
    try {
      narrow.standin.addChannel({ id: "G0LEADERS", name: "leaders", is_private: true, members: [BOT] });
      const client = narrow.clientWith({ retries: 0 });
      await client.chat.postMessage({ channel: "C0DISPATCH", text: "可发" });
      expect((await client.conversations.history({ channel: "C0DISPATCH" })).ok).toBe(true);
      expect((await rejection(client.conversations.history({ channel: "G0LEADERS" }))).data).toMatchObject({ error: "missing_scope", needed: "groups:history" });
      expect((await rejection(client.conversations.join({ channel: "C0DISPATCH" }))).data).toMatchObject({ error: "missing_scope", needed: "channels:join" });
      expect((await rejection(client.filesUploadV2({ channel_id: "C0DISPATCH", file: Buffer.from("x"), filename: "x.txt" }))).data).toMatchObject({ error: "missing_scope", needed: "files:write" });
    } finally {
      await narrow.standin.close();
    }
  });
});

describe("token types", () => {
  it("an app-level token cannot call bot methods, a bot token cannot open Socket Mode", async () => {
    const both = await startHarness({ appToken: "xapp-1-standin" });
    try {
      const app = new WebClient("xapp-1-standin", { slackApiUrl: both.standin.url, retryConfig: { retries: 0 }, logger: silentLogger });
      expect(await error(app.chat.postMessage({ channel: "C0DISPATCH", text: "x" }))).toBe("not_allowed_token_type");
      expect(await error(both.client.apps.connections.open())).toBe("not_allowed_token_type");
      const wrongApp = new WebClient("xapp-1-other", { slackApiUrl: both.standin.url, retryConfig: { retries: 0 }, logger: silentLogger });
      expect(await error(wrongApp.apps.connections.open())).toBe("invalid_auth");
    } finally {
      await both.standin.close();
    }
  });
});
