import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { waitUntil } from "../helpers/slack-harness.ts";
import { guardStandin } from "../helpers/standin-guard.ts";

// `npm start`'s entry as a real process: migrations on start, /health, and a
// clean exit on SIGTERM.

const START = resolve(import.meta.dirname, "../../bin/start.js");
let store: TestStore;
let standin: SlackStandin;

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

beforeAll(async () => {
  store = await createTestStore();
  await store.close();
  standin = await startSlackStandin({ botToken: "xoxb-main" });
  guardStandin(standin);
});
afterAll(async () => {
  await standin.close();
  await store.destroy();
});

describe("the bot process", () => {
  it("starts, answers /health, and exits cleanly on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [START], {
      env: { ...process.env, SLACK_BOT_TOKEN: "xoxb-main", SLACK_SIGNING_SECRET: "s3cret-s3cret", SLACK_API_URL: standin.url, PORT: String(port), DATABASE_URL: store.url, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    await waitUntil(() => out.includes('"bot started"'), "bot start", 20_000);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const exit = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(out).toContain('"shutting down"');
  }, 30_000);

  it("refuses to start with a bad configuration and says which setting", async () => {
    const child = spawn(process.execPath, [START], { env: { ...process.env, SLACK_BOT_TOKEN: "wrong", SLACK_SIGNING_SECRET: "", DATABASE_URL: store.url }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((ok) => child.on("exit", (c) => ok(c)));
    expect(code).toBe(2);
    expect(err).toContain("SLACK_BOT_TOKEN: 须以 xoxb- 开头");
    expect(err).toContain("SLACK_SIGNING_SECRET");
  }, 30_000);
});
