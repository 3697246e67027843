import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { dumpStore, fillEmptyTables, type StoreDump } from "../helpers/store-tables.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";

// `npm start` on a machine that also holds a real district's store: the
// sandbox must not open it, must not be reachable from the network, and a
// blank token must stop the start instead of quietly starting the sandbox.

const START = resolve(import.meta.dirname, "../../bin/start.js");
let production: TestStore;
let before: StoreDump;
let cwd: string;

/** The parent's environment without any Slack or database setting. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("SLACK_") && !k.startsWith("SANDBOX_") && k !== "DATABASE_URL" && k !== "PORT"));
  return { ...env, LOG_LEVEL: "warn", ...extra };
}

function run(env: NodeJS.ProcessEnv, until?: RegExp) {
  const child = spawn(process.execPath, [START], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const exit = new Promise<number | null>((ok) => child.on("exit", (c) => ok(c)));
  const ready = until
    ? new Promise<string>((ok, fail) => {
        const check = () => (until.test(out) ? ok(out) : undefined);
        child.stdout.on("data", check);
        void exit.then((c) => fail(new Error(`exited ${c} before ready:\n${out}\n${err}`)));
      })
    : undefined;
  return { child, exit, ready, output: () => ({ out, err }) };
}

function occupy(): Promise<Server & { port: number }> {
  return new Promise((ok) => {
    const s = createServer().listen(0, () => ok(Object.assign(s, { port: (s.address() as { port: number }).port })));
  });
}

beforeAll(async () => {
  production = await createTestStore();
  await production.close();
  await fillEmptyTables(production.target);
  before = await dumpStore(production.target);
  cwd = mkdtempSync(join(tmpdir(), "sandbox-safety-"));
}, 60_000);
afterAll(async () => {
  expect(await dumpStore(production.target)).toEqual(before);
  await production.destroy();
  rmSync(cwd, { recursive: true, force: true });
});

describe("the sandbox beside a production store", () => {
  it("starts on its own store, on 127.0.0.1 only, and leaves DATABASE_URL's store untouched", async () => {
    const blocker = await occupy(); // a free port number, released for the sandbox
    const port = blocker.port;
    await new Promise((r) => blocker.close(r));
    const p = run(cleanEnv({ DATABASE_URL: production.url, PORT: String(port) }), /沙盒已启动/);
    try {
      const out = await p.ready!;
      expect(out).toContain(`http://127.0.0.1:${port}/`);
      expect(p.output().err).toContain("未设置任何 SLACK_ 配置");
      expect(existsSync(join(cwd, "data/sandbox.db"))).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/sandbox/api/state`)).status).toBe(200);
      // Not on the machine's other addresses.
      const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
      if (external) await expect(fetch(`http://${external.address}:${port}/sandbox/api/state`)).rejects.toThrow();
      expect(await dumpStore(production.target)).toEqual(before);
    } finally {
      p.child.kill("SIGTERM");
      await p.exit;
    }
  }, 90_000);

  it("refuses SANDBOX_DATABASE_URL naming the production store, and a store holding real projects", async () => {
    const same = run(cleanEnv({ DATABASE_URL: production.url, SANDBOX_DATABASE_URL: production.url, PORT: "0" }));
    expect(await same.exit).toBe(2);
    expect(same.output().err).toContain("沙盒不能使用正式数据库");
    const foreign = run(cleanEnv({ SANDBOX_DATABASE_URL: production.url, PORT: "0" }));
    expect(await foreign.exit).toBe(2);
    expect(foreign.output().err).toMatch(/已有 \d+ 个非演示项目/);
    expect(foreign.output().err).not.toMatch(/\n\s+at /);
    expect(await dumpStore(production.target)).toEqual(before);
  }, 90_000);

  it("treats blank or partial Slack settings as a configuration error, not as the sandbox", async () => {
    const blank = run(cleanEnv({ DATABASE_URL: production.url, SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "", PORT: "0" }));
    expect(await blank.exit).toBe(2);
    expect(blank.output().err).toContain("SLACK_BOT_TOKEN");
    expect(blank.output().err).toContain("已设置但为空");
    expect(blank.output().out + blank.output().err).not.toContain("沙盒");
    const partial = run(cleanEnv({ DATABASE_URL: production.url, SLACK_SIGNING_SECRET: "s3cret-s3cret", PORT: "0" }));
    expect(await partial.exit).toBe(2);
    expect(partial.output().err).toContain("SLACK_BOT_TOKEN: 缺少");
    expect(await dumpStore(production.target)).toEqual(before);
  }, 60_000);
});

describe("a busy port", () => {
  let standin: SlackStandin;
  let busy: Server & { port: number };
  beforeAll(async () => {
    standin = await startSlackStandin({ botToken: "xoxb-busy" });
    busy = await occupy();
  });
  afterAll(async () => {
    await new Promise((r) => busy.close(r));
    await standin.close();
  });

  it("is one Chinese line for the sandbox and for the bot, no stack trace", async () => {
    const sandbox = run(cleanEnv({ PORT: String(busy.port), SANDBOX_HOST: "127.0.0.1" }));
    expect(await sandbox.exit).toBe(1);
    const bot = run(cleanEnv({ DATABASE_URL: production.url, PORT: String(busy.port), SLACK_BOT_TOKEN: "xoxb-busy", SLACK_SIGNING_SECRET: "s3cret-s3cret", SLACK_API_URL: standin.url }));
    expect(await bot.exit).toBe(1);
    for (const { err } of [sandbox.output(), bot.output()]) {
      expect(err).toContain(`端口 ${busy.port} 已被占用`);
      expect(err).not.toMatch(/EADDRINUSE|\n\s+at /);
    }
  }, 90_000);
});
