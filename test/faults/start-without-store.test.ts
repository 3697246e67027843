import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Issue #14, item 10: a store the bot cannot open at start is explained in one
// Chinese line that names it without its password, not a stack trace; an
// unrecognised DATABASE_URL is not echoed with its password either.

const START = resolve(import.meta.dirname, "../../bin/start.js");

function start(databaseUrl: string): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [START], {
    env: { ...process.env, SLACK_BOT_TOKEN: "xoxb-start", SLACK_SIGNING_SECRET: "start-secret-0123456789", SLACK_API_URL: "http://127.0.0.1:9/api/", PORT: "0", DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stdout.on("data", (d) => (err += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise((ok) => child.on("exit", (code) => ok({ code, err })));
}

describe("starting without a usable store", () => {
  it("an unreachable PostgreSQL: one Chinese line, the password hidden, exit 1", { timeout: 60_000 }, async () => {
    const { code, err } = await start("postgresql://postgres:s3cret-pw@127.0.0.1:1/dispatch");
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("无法连接数据库 postgresql://postgres:***@127.0.0.1:1/dispatch");
    expect(err).not.toContain("s3cret-pw");
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("an unrecognised DATABASE_URL: said so, without its password", { timeout: 60_000 }, async () => {
    const { code, err } = await start("mysql://root:s3cret-pw@db.example/dispatch");
    expect(code).toBe(1);
    expect(err).toContain("DATABASE_URL 无法识别：mysql://root:***@db.example/dispatch");
    expect(err).not.toContain("s3cret-pw");
  });
});
