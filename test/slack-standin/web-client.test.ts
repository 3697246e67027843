import { ErrorCode, WebClient, WebClientEvent } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/slack-standin/slack-api-standin.ts";
import { rejection, silentLogger, startHarness, TOKEN, type Harness } from "./standin-client.ts";

// The real @slack/web-api WebClient against the stand-in over HTTP.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.standin.close();
});

describe("auth", () => {
  it("auth.test answers with the bot identity Bolt needs", async () => {
    const r = await h.client.auth.test();
    expect(r).toMatchObject({ ok: true, team_id: "T0STANDIN", user_id: "U0STANDINBOT", bot_id: "B0STANDIN", url: "https://standin.slack.com/" });
    expect(h.standin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    expect(h.standin.callsTo("auth.test")).toEqual([expect.objectContaining({ method: "auth.test", ok: true, status: 200, at: h.clock.t })]);
  });

  it("rejects a wrong token with invalid_auth and a missing one with not_authed", async () => {
    const wrong = await rejection(h.clientWith({ retries: 0 }, "xoxb-wrong").auth.test());
    expect(wrong.data).toMatchObject({ ok: false, error: "invalid_auth" });
    const none = new WebClient(undefined, { slackApiUrl: h.standin.url, retryConfig: { retries: 0 }, logger: silentLogger });
    expect((await rejection(none.auth.test())).data).toMatchObject({ error: "not_authed" });
  });

  it("accepts the token as a body argument and keeps it out of recorded args", async () => {
    const res = await fetch(`${h.standin.url}auth.test`, { method: "POST", body: new URLSearchParams({ token: TOKEN }) });
    expect(await res.json()).toMatchObject({ ok: true });
    expect(h.standin.calls[0].args).toEqual({});
  });
});

describe("messages", () => {
  it("postMessage then history, replies, update, reactions, permalink and delete stay consistent", async () => {
    const first = await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "本周调度" });
    const second = await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "第二条", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*第二条*" } }] });
    expect(first.ts).toBe("1763860000.000100");
    expect(second.ts).toBe("1763860000.000200");
    expect(first.message).toMatchObject({ text: "本周调度", bot_id: "B0STANDIN", user: "U0STANDINBOT" });

    const reply = await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "回复", thread_ts: first.ts! });
    const history = await h.client.conversations.history({ channel: "C0DISPATCH" });
    expect(history.messages?.map((m) => m.text)).toEqual(["第二条", "本周调度"]);
    expect(history.messages?.[1]).toMatchObject({ reply_count: 1, latest_reply: reply.ts, thread_ts: first.ts });
    expect(history.messages?.[0].blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: "*第二条*" } }]);

    const replies = await h.client.conversations.replies({ channel: "C0DISPATCH", ts: first.ts! });
    expect(replies.messages?.map((m) => m.text)).toEqual(["本周调度", "回复"]);

    await h.client.chat.update({ channel: "C0DISPATCH", ts: first.ts!, text: "本周调度（已更新）" });
    await h.client.reactions.add({ channel: "C0DISPATCH", timestamp: first.ts!, name: "white_check_mark" });
    const [updated] = h.standin.messages("C0DISPATCH");
    expect(updated).toMatchObject({ text: "本周调度（已更新）", edited: { user: "U0STANDINBOT" } });
    expect(updated.reactions).toEqual([{ name: "white_check_mark", users: ["U0STANDINBOT"], count: 1 }]);
    expect((await rejection(h.client.reactions.add({ channel: "C0DISPATCH", timestamp: first.ts!, name: "white_check_mark" }))).data?.error).toBe("already_reacted");

    const link = await h.client.chat.getPermalink({ channel: "C0DISPATCH", message_ts: reply.ts! });
    expect(link.permalink).toBe(`https://standin.slack.com/archives/C0DISPATCH/p1763860000000300?thread_ts=${first.ts}&cid=C0DISPATCH`);

    await h.client.chat.delete({ channel: "C0DISPATCH", ts: second.ts! });
    expect(h.standin.messages("C0DISPATCH").map((m) => m.text)).toEqual(["本周调度（已更新）", "回复"]);
    expect((await rejection(h.client.chat.delete({ channel: "C0DISPATCH", ts: second.ts! }))).data?.error).toBe("message_not_found");
  });

  it("pages history newest first with a cursor", async () => {
    for (let i = 0; i < 5; i++) await h.client.chat.postMessage({ channel: "C0PAGE", text: `m${i}` });
    const page1 = await h.client.conversations.history({ channel: "C0PAGE", limit: 2 });
    expect(page1.messages?.map((m) => m.text)).toEqual(["m4", "m3"]);
    expect(page1.has_more).toBe(true);
    const page2 = await h.client.conversations.history({ channel: "C0PAGE", limit: 2, cursor: page1.response_metadata!.next_cursor! });
    expect(page2.messages?.map((m) => m.text)).toEqual(["m2", "m1"]);
  });

  it("records ephemeral messages apart from the channel history", async () => {
    h.standin.addUser({ id: "U0ALICE", name: "alice" });
    h.standin.invite("C0DISPATCH", "U0ALICE");
    const r = await h.client.chat.postEphemeral({ channel: "C0DISPATCH", user: "U0ALICE", text: "只有你能看到" });
    expect(r.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(h.standin.ephemerals()).toEqual([expect.objectContaining({ channel: "C0DISPATCH", user: "U0ALICE", text: "只有你能看到" })]);
    expect(h.standin.messages("C0DISPATCH")).toEqual([]);
  });

  it("truncates text past 40,000 characters with a warning rather than failing", async () => {
    const r = await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "字".repeat(40_001) });
    expect(r.response_metadata?.warnings).toEqual(["message_truncated"]);
    expect([...h.standin.messages("C0DISPATCH")[0].text]).toHaveLength(40_000);
  });
});

describe("errors", () => {
  it("rejects invalid blocks with the block errors visible to the caller, storing nothing", async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: "divider" }));
    const e = await rejection(h.client.chat.postMessage({ channel: "C0DISPATCH", text: "x", blocks }));
    expect(e.code).toBe(ErrorCode.PlatformError);
    expect(e.data).toMatchObject({ ok: false, error: "invalid_blocks", response_metadata: { messages: ["[ERROR] must be less than 51 items [json-pointer:/blocks]"] } });
    expect(h.standin.messages("C0DISPATCH")).toEqual([]);
    expect(h.standin.calls[0]).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect(h.standin.calls[0].args.blocks).toHaveLength(51);
  });

  it("answers unknown_method for methods it does not implement", async () => {
    const e = await rejection(h.client.apiCall("chat.scheduleMessage", { channel: "C1", text: "x", post_at: 1 }));
    expect(e.data).toMatchObject({ ok: false, error: "unknown_method" });
    expect(h.standin.callsTo("chat.scheduleMessage")[0]).toMatchObject({ ok: false, error: "unknown_method" });
  });

  it("checks required arguments", async () => {
    const e = await rejection(h.client.apiCall("reactions.add", { channel: "C1", timestamp: "1.000100" }));
    expect(e.data).toMatchObject({ error: "invalid_arguments", response_metadata: { messages: ["[ERROR] missing required field: name"] } });
    expect((await rejection(h.client.apiCall("chat.postMessage", { channel: "C0DISPATCH" }))).data?.error).toBe("no_text");
    expect((await rejection(h.client.apiCall("users.info", {}))).data?.error).toBe("invalid_arguments");
    expect((await rejection(h.client.users.info({ user: "U0NOBODY" }))).data?.error).toBe("user_not_found");
    expect((await rejection(h.client.chat.postMessage({ channel: "C0DISPATCH", text: "x", thread_ts: "1.000100" }))).data?.error).toBe("thread_not_found");
  });

  it("rate limits with 429 + Retry-After; WebClient waits, retries, and the message is stored once", async () => {
    h.standin.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const client = h.clientWith({ retries: 1, minTimeout: 0, maxTimeout: 0 });
    const limited: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (sec: number) => limited.push(sec));
    const started = Date.now();
    const r = await client.chat.postMessage({ channel: "C0DISPATCH", text: "限流后重试" });
    expect(r.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(limited).toEqual([1]);
    expect(h.standin.callsTo("chat.postMessage").map((c) => [c.status, c.ok, c.error])).toEqual([
      [429, false, "ratelimited"],
      [200, true, undefined],
    ]);
    expect(h.standin.messages("C0DISPATCH")).toHaveLength(1);
  });

  it("simulates a 500, which WebClient surfaces as an HTTP error; later calls succeed", async () => {
    h.standin.failNext("chat.postMessage", { status: 500 });
    const e = await rejection(h.client.chat.postMessage({ channel: "C0DISPATCH", text: "x" }));
    expect(e.code).toBe(ErrorCode.HTTPError);
    expect(e.statusCode).toBe(500);
    expect(h.standin.messages("C0DISPATCH")).toEqual([]);
    await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "x" });
    expect(h.standin.messages("C0DISPATCH")).toHaveLength(1);
  });

  it("failNext can repeat and can return a plain ok:false error", async () => {
    h.standin.failNext("auth.test", { error: "account_inactive", times: 2 });
    expect((await rejection(h.client.auth.test())).data?.error).toBe("account_inactive");
    expect((await rejection(h.client.auth.test())).data?.error).toBe("account_inactive");
    expect((await h.client.auth.test()).ok).toBe(true);
  });
});

describe("workspace model, bodies and hooks", () => {
  it("serves seeded users and channels", async () => {
    h.standin.addUser({ id: "U0ALICE", name: "alice", real_name: "张三" });
    h.standin.addChannel({ id: "G0PRIV", name: "zhaoshang-leaders", is_private: true, members: ["U0ALICE", "U0STANDINBOT"] });
    expect((await h.client.users.info({ user: "U0ALICE" })).user).toMatchObject({ id: "U0ALICE", real_name: "张三", tz: "Asia/Shanghai" });
    expect((await h.client.users.list({})).members?.map((m) => m.id)).toEqual(["U0STANDINBOT", "U0ALICE"]);
    expect((await h.client.conversations.info({ channel: "G0PRIV" })).channel).toMatchObject({ name: "zhaoshang-leaders", is_private: true, is_member: true });
    expect((await h.client.conversations.list({})).channels?.map((c) => c.id)).toEqual(["C0DISPATCH", "C0JSON", "C0PAGE", "C0PUB"]);
    expect((await h.client.conversations.list({ types: "public_channel,private_channel" })).channels?.map((c) => c.id)).toEqual(["C0DISPATCH", "C0JSON", "C0PAGE", "C0PUB", "G0PRIV"]);
    expect((await h.client.conversations.members({ channel: "G0PRIV" })).members).toEqual(["U0ALICE", "U0STANDINBOT"]);
  });

  it("accepts JSON bodies with a Bearer token as well as WebClient's form bodies", async () => {
    const res = await fetch(`${h.standin.url}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ channel: "C0JSON", blocks: [{ type: "header", text: { type: "plain_text", text: "标题" } }] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, channel: "C0JSON" });
    await h.client.chat.postMessage({ channel: "C0JSON", text: "form", blocks: [{ type: "divider" }] });
    expect(h.standin.callsTo("chat.postMessage").map((c) => c.args.blocks)).toEqual([
      [{ type: "header", text: { type: "plain_text", text: "标题" } }],
      [{ type: "divider" }],
    ]);
  });

  it("notifies listeners of every recorded call until unsubscribed; clear() forgets calls", async () => {
    const seen: RecordedCall[] = [];
    const off = h.standin.on("call", (c) => seen.push(c));
    await h.client.auth.test();
    off();
    await h.client.auth.test();
    expect(seen.map((c) => c.method)).toEqual(["auth.test"]);
    expect(h.standin.calls).toHaveLength(2);
    h.standin.clear();
    expect(h.standin.calls).toHaveLength(0);
  });
});
