import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { checkGuards, guardStandin } from "./standin-guard.ts";

// The guard itself: a refused call fails the test unless declared, a declared
// refusal that did not happen fails it too, and clear() hides nothing.

let standin: SlackStandin;
let guard: ReturnType<typeof guardStandin>;
let client: WebClient;

beforeAll(async () => {
  standin = await startSlackStandin({ botToken: "xoxb-guard" });
  standin.addChannel({ id: "C0GUARD", name: "guard", members: [standin.bot.userId] });
  guard = guardStandin(standin);
  client = new WebClient("xoxb-guard", { slackApiUrl: standin.url, retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await standin.close();
  guard.retire();
});

const badHeader = () => client.chat.postMessage({ channel: "C0GUARD", text: "x", blocks: [{ type: "header", text: { type: "mrkdwn", text: "不是纯文本" } }] as never }).catch(() => undefined);

describe("the stand-in guard", () => {
  it("passes when every call was accepted", async () => {
    await client.chat.postMessage({ channel: "C0GUARD", text: "好" });
    await expect(checkGuards()).resolves.toBeUndefined();
  });

  it("fails on a call the stand-in refused, even after clear(), naming the method and the error", async () => {
    await badHeader();
    standin.clear();
    await expect(checkGuards()).rejects.toThrow(/chat\.postMessage \(HTTP 200\): invalid_blocks/);
    // check() started afresh: the hook after this test finds nothing.
  });

  it("accepts a refusal the test declared", async () => {
    guard.expectRefusal("chat.postMessage", "invalid_blocks");
    await badHeader();
    await expect(checkGuards()).resolves.toBeUndefined();
  });

  it("fails when a declared refusal did not happen, or happened more often", async () => {
    guard.expectRefusal("chat.postMessage", "invalid_blocks");
    await expect(checkGuards()).rejects.toThrow("expected 1 refusal(s) of chat.postMessage with invalid_blocks, the stand-in refused 0");
    guard.expectRefusal("chat.postMessage", "invalid_blocks");
    await badHeader();
    await badHeader();
    await expect(checkGuards()).rejects.toThrow("the stand-in refused 2");
  });
});
