import { describe, expect, it } from "vitest";
import { sandboxSettings, slackSettingsPresent } from "../../src/sandbox/sandbox-settings.ts";

describe("when npm start runs the sandbox", () => {
  it("only with no Slack setting at all: a blank one counts as present", () => {
    expect(slackSettingsPresent({ DATABASE_URL: "file:x.db", PORT: "3000" })).toEqual([]);
    expect(slackSettingsPresent({ SLACK_BOT_TOKEN: "" })).toEqual(["SLACK_BOT_TOKEN"]);
    expect(slackSettingsPresent({ SLACK_SIGNING_SECRET: "abc", SLACK_SOCKET_MODE: "" })).toEqual(["SLACK_SIGNING_SECRET", "SLACK_SOCKET_MODE"]);
  });
});

describe("the sandbox's store and address", () => {
  it("is data/sandbox.db on 127.0.0.1 by default, whatever DATABASE_URL says", () => {
    expect(sandboxSettings({ DATABASE_URL: "postgresql://u@db/prod" })).toEqual({ databaseUrl: "file:./data/sandbox.db", host: "127.0.0.1", port: 3000 });
  });

  it("refuses the production store, named directly, through another relative path, or as the default", () => {
    expect(() => sandboxSettings({ DATABASE_URL: "file:./prod.db", SANDBOX_DATABASE_URL: "file:prod.db" })).toThrow(/沙盒不能使用正式数据库/);
    expect(() => sandboxSettings({ DATABASE_URL: "postgresql://u@db/prod", SANDBOX_DATABASE_URL: "postgresql://u@db/prod/" })).toThrow(/DATABASE_URL/);
    expect(() => sandboxSettings({ SANDBOX_DATABASE_URL: "file:./data/../data/dispatch.db" })).toThrow(/file:.\/data\/dispatch.db/);
    expect(() => sandboxSettings({ SANDBOX_DATABASE_URL: "mysql://x" })).toThrow(/SANDBOX_DATABASE_URL 无法识别/);
  });

  it("warns when SANDBOX_HOST opens it to the network", () => {
    expect(sandboxSettings({ SANDBOX_HOST: "0.0.0.0" }).warning).toMatch(/网络上的其他人也能打开它/);
    expect(sandboxSettings({ SANDBOX_HOST: "localhost" }).warning).toBeUndefined();
    expect(() => sandboxSettings({ PORT: "70000" })).toThrow(/PORT 须是/);
  });
});
