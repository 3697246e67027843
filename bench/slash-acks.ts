import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { loadConfig } from "../src/config.ts";
import { loadDemo } from "../src/demo/load-demo.ts";
import { createLogger, boltLogger } from "../src/log.ts";
import { createSlackApp } from "../src/slack/app.ts";
import { signedHeaders, startSlackStandin } from "../src/slack-standin/index.ts";
import { openStore } from "../src/store/client.ts";

// 500 signed `/project 更新` requests at concurrency 20 against the real bot on
// SQLite, and the same against a bare Bolt app that only acknowledges, in the
// same run: acknowledgement latency p50/p99 and the ratio.

const SECRET = "bench-signing-secret";
const TOKEN = "xoxb-bench";
const REQUESTS = 500;
const CONCURRENCY = 20;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function fire(base: string, responseUrl: (i: number) => string, text: (i: number) => string): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  async function worker() {
    while (next < REQUESTS) {
      const i = next++;
      const body = new URLSearchParams({ team_id: "T0BENCH", channel_id: "C0BENCH", user_id: "U0ADMIN", command: "/project", text: text(i), response_url: responseUrl(i), trigger_id: `t${i}` }).toString();
      const t0 = performance.now();
      const res = await fetch(`${base}/slack/events`, { method: "POST", body, headers: { ...signedHeaders(SECRET, body, Date.now() - (i % 250) * 1000) } });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`request ${i}: HTTP ${res.status}`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

export async function benchSlashAcks(): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-slash-"));
  const standin = await startSlackStandin({ botToken: TOKEN });
  const store = await openStore(`file:${join(dir, "bench.db")}`);
  await loadDemo(store.db, "2026-11-23");
  const logger = createLogger("silent");

  const config = loadConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standin.url, PORT: "0", ADMIN_USER_IDS: "U0ADMIN" });
  const bot = createSlackApp(config, { db: store.db, admins: config.admins, now: () => new Date(), logger });
  await bot.start();
  const botBase = `http://127.0.0.1:${(bot.http!.server.address() as AddressInfo).port}`;

  const bareReceiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events", logger: boltLogger(logger) });
  const bare = new App({ token: TOKEN, receiver: bareReceiver, logger: boltLogger(logger), clientOptions: { slackApiUrl: standin.url, logLevel: LogLevel.ERROR } });
  bare.command("/project", async ({ ack }) => ack());
  const bareServer = await bare.start(0);
  const bareBase = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

  const url = (i: number) => standin.responseUrl(`b${i}-${Math.random()}`);
  // Warm both up (JIT, auth.test, first queries) before measuring.
  await fire(bareBase, url, () => "帮助");
  const bareLat = await fire(bareBase, url, () => "帮助");
  const botLat = await fire(botBase, url, (i) => `更新 #${1 + (i % 96)} 进展="第${i}次压测更新" 问题="压测${i}"`);

  await bot.stop(); // waits for the queued work of every acknowledged request
  const applied = await store.db.update.count({ where: { field: "PROGRESS", newValue: { startsWith: "第" } } });
  await bare.stop();
  await standin.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const row = (what: string, xs: number[]) => [what, percentile(xs, 50).toFixed(1), percentile(xs, 99).toFixed(1)];
  const ratio = percentile(botLat, 50) / percentile(bareLat, 50);
  return [
    row("bot /project 更新", botLat),
    row("bare Bolt (ack only)", bareLat),
    ["p50 ratio bot / bare", ratio.toFixed(2), ""],
    ["updates applied", `${applied}/${REQUESTS}`, ""],
  ];
}
