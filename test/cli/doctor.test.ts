import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatCheck, runDoctor } from "../../src/doctor/checks.ts";
import { saveJobsConfig } from "../../src/jobs/job-config.ts";
import { manifestBotScopes } from "../../src/slack/manifest-scopes.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// `dispatch doctor` against a real database and the strict Slack stand-in:
// one line per check, the fix-it in Chinese, exit 1 when anything fails.

const TOKEN = "xoxb-doctor";
const SUMMARY = "C0SUMMARY";
const GROUP_PUBLIC = "C0NEWMAT";
const GROUP_PRIVATE = "G0ENERGY";
let store: TestStore;
let standin: SlackStandin;

beforeAll(async () => {
  store = await createTestStore();
  await saveJobsConfig(store.db, { summaryChannel: SUMMARY });
  await upsertGroup(store.db, { name: "新材料产业招商组", leaderName: "夏艺", leaderSlackId: null, commissioners: "", focus: "", channelId: GROUP_PUBLIC, memberUserIds: [] });
  await upsertGroup(store.db, { name: "新能源产业招商组", leaderName: "张三", leaderSlackId: null, commissioners: "", focus: "", channelId: GROUP_PRIVATE, memberUserIds: [] });
});
afterAll(async () => {
  await store.destroy();
});

async function workspace(opts: { scopes?: string[] } = {}) {
  standin = await startSlackStandin({ botToken: TOKEN, ...opts });
  standin.addUser({ id: "U0PERSON", name: "person" });
  standin.addChannel({ id: SUMMARY, name: "招商调度", members: ["U0PERSON", standin.bot.userId] });
  standin.addChannel({ id: GROUP_PUBLIC, name: "新材料组", members: ["U0PERSON"] });
  standin.addChannel({ id: GROUP_PRIVATE, name: "新能源组", is_private: true, members: ["U0PERSON"] });
}
afterEach(async () => {
  await standin?.close();
});

const env = (over: Record<string, string> = {}) => ({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: "doctor-secret-123", SLACK_API_URL: standin.url, DATABASE_URL: store.url, ...over });
const lines = (checks: Awaited<ReturnType<typeof runDoctor>>) => checks.map(formatCheck).join("\n");

describe("dispatch doctor", () => {
  it("all good: configuration, store, token, scopes, every channel (joining the public one it was not in)", async () => {
    await workspace();
    standin.invite(GROUP_PRIVATE);
    const checks = await runDoctor(env());
    expect(checks.map((c) => [c.what.split(" ")[0], c.ok])).toEqual([
      ["配置", true],
      ["数据库", true],
      ["Slack", true],
      ["权限范围", true],
      ["汇总频道", true],
      ["工作组“新材料产业招商组”频道", true],
      ["工作组“新能源产业招商组”频道", true],
    ]);
    expect(lines(checks)).toContain("已自动加入公开频道 #新材料组");
    expect(standin.workspace.channels.get(GROUP_PUBLIC)!.members).toContain(standin.bot.userId);
  });

  it("the bot not in a private group channel: fails, naming the channel by id and its group, with the /invite to type", async () => {
    await workspace();
    const checks = await runDoctor(env());
    const failed = checks.filter((c) => !c.ok);
    expect(failed).toHaveLength(1);
    expect(formatCheck(failed[0])).toContain(GROUP_PRIVATE);
    expect(formatCheck(failed[0])).toContain("新能源产业招商组");
    expect(failed[0].fix).toContain("/invite @招商调度");
  });

  it("a public channel it may not join (no channels:join): fails with the channel's name and the /invite", async () => {
    await workspace({ scopes: manifestBotScopes().filter((s) => s !== "channels:join") });
    standin.invite(GROUP_PRIVATE);
    const checks = await runDoctor(env());
    const scope = checks.find((c) => c.what === "权限范围")!;
    expect(scope).toMatchObject({ ok: false, detail: "令牌缺少 channels:join" });
    expect(scope.fix).toContain("Reinstall to Workspace");
    const group = checks.find((c) => c.what.includes(GROUP_PUBLIC))!;
    expect(group.ok).toBe(false);
    expect(group.what).toContain("#新材料组");
  });

  it("a wrong token: fails at the token and says where to copy the right one", async () => {
    await workspace();
    const checks = await runDoctor(env({ SLACK_BOT_TOKEN: "xoxb-wrong" }));
    expect(checks.at(-1)).toMatchObject({ ok: false, what: "Slack 令牌", detail: "Slack 拒绝：invalid_auth" });
    expect(checks.at(-1)!.fix).toContain("SLACK_BOT_TOKEN");
    expect(checks).toHaveLength(3);
  });

  it("a bad configuration stops at the first line", async () => {
    await workspace();
    const checks = await runDoctor(env({ SLACK_BOT_TOKEN: "not-a-token" }));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ ok: false, what: "配置" });
    expect(checks[0].detail).toContain("SLACK_BOT_TOKEN");
  });

  it("the real `dispatch doctor` prints ✅/❌ lines and exits 1 when a check fails, 0 when all pass", async () => {
    await workspace();
    const run = (extra: Record<string, string> = {}) =>
      promisify(execFile)(process.execPath, [resolve(import.meta.dirname, "../../bin/dispatch.js"), "doctor"], { env: { ...process.env, ...env(), ...extra } }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const failing = await run();
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^✅ 配置/m);
    expect(failing.stdout).toMatch(/^❌ 工作组“新能源产业招商组”频道 G0ENERGY/m);
    standin.invite(GROUP_PRIVATE);
    const passing = await run();
    expect(passing.stdout).toContain("全部检查通过");
    expect(passing.code).toBe(0);
  }, 120_000);
});
