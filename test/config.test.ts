import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const http = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret-123" };

describe("loadConfig", () => {
  it("fills defaults for HTTP mode", () => {
    expect(loadConfig(http)).toMatchObject({ socketMode: false, port: 3000, slackApiUrl: "https://slack.com/api/", timeZone: undefined, admins: [], databaseUrl: "file:./data/dispatch.db" });
  });

  it("reads Socket Mode, admins and a custom API URL", () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_SOCKET_MODE: "true", ADMIN_USER_IDS: "U1AAA, U2BBB", SLACK_API_URL: "http://127.0.0.1:9/api" });
    expect(c).toMatchObject({ socketMode: true, appToken: "xapp-1", admins: ["U1AAA", "U2BBB"], slackApiUrl: "http://127.0.0.1:9/api/" });
  });

  it.each([
    [{}, ["SLACK_BOT_TOKEN: 缺少", "SLACK_SIGNING_SECRET: HTTP 模式需要"]],
    [{ ...http, SLACK_BOT_TOKEN: "xoxp-1" }, ["SLACK_BOT_TOKEN: 须以 xoxb- 开头"]],
    [{ ...http, SLACK_SOCKET_MODE: "true" }, ["SLACK_APP_TOKEN: Socket Mode 需要"]],
    [{ ...http, PORT: "http" }, ["PORT:"]],
    [{ ...http, TZ: "Mars/Olympus" }, ["TZ: 未知时区"]],
    [{ ...http, ADMIN_USER_IDS: "zhangsan" }, ["ADMIN_USER_IDS: 须是逗号分隔的 Slack 用户 ID"]],
    [{ ...http, SLACK_API_URL: "not a url" }, ["SLACK_API_URL: 须是 URL"]],
  ])("names every bad setting: %j", (env, expected) => {
    let message = "";
    try {
      loadConfig(env as Record<string, string>);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    for (const line of expected) expect(message).toContain(line);
  });
});
