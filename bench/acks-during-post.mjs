// Slash-command acknowledgements while the same bot builds and posts a large
// weekly summary (planned in its report worker thread, as the scheduler does):
// signed `/project 更新` requests at concurrency 5 for as long as the post
// runs, then as many with nothing running. Prints one JSON line:
// { during: {p50, p99, n}, idle: {p50, p99, n}, postMs }.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebClient } from "@slack/web-api";
import { loadConfig } from "../dist/config.js";
import { saveJobsConfig } from "../dist/jobs/job-config.js";
import { runJobNow } from "../dist/jobs/run-jobs.js";
import { createLogger } from "../dist/log.js";
import { createSlackApp } from "../dist/slack/app.js";
import { signedHeaders, startSlackStandin } from "../dist/slack-standin/index.js";
import { openStore } from "../dist/store/client.js";

const SECRET = "bench-signing-secret";
const TOKEN = "xoxb-bench";
const [source] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "bench-acks-"));
copyFileSync(source.slice(5), join(dir, "db.db"));
const url = `file:${join(dir, "db.db")}`;
const standin = await startSlackStandin({ botToken: TOKEN });
standin.addChannel({ id: "C0BENCH", name: "bench", members: [standin.bot.userId] }); // the summary channel, the bot invited
const store = await openStore(url, { migrate: false });
await saveJobsConfig(store.db, { summaryChannel: "C0BENCH" });
await store.db.jobRun.deleteMany({});
const logger = createLogger("silent");
const config = loadConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standin.url, PORT: "0", ADMIN_USER_IDS: "U0ADMIN" });
const bot = createSlackApp(config, { db: store.db, admins: config.admins, now: () => new Date(), logger });
await bot.start();
const base = `http://127.0.0.1:${bot.http.server.address().port}/slack/events`;

let sent = 0;
async function ack() {
  const i = sent++;
  const body = new URLSearchParams({ team_id: "T0BENCH", channel_id: "C0BENCH", user_id: "U0ADMIN", command: "/project", text: `更新 #${1 + (i % 1000)} 进展="压测第${i}次"`, response_url: standin.responseUrl(`a${i}`), trigger_id: `t${i}` }).toString();
  const t0 = performance.now();
  const res = await fetch(base, { method: "POST", body, headers: signedHeaders(SECRET, body) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return performance.now() - t0;
}
async function fireWhile(busy, min) {
  const out = [];
  await Promise.all(Array.from({ length: 5 }, async () => { while (busy() || out.length < min) out.push(await ack()); }));
  return out;
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const summary = (xs) => ({ p50: pct(xs, 50), p99: pct(xs, 99), n: xs.length });

await fireWhile(() => false, 20); // warm up
const client = new WebClient(TOKEN, { slackApiUrl: standin.url });
let posting = true;
const t0 = performance.now();
const post = runJobNow({ db: store.db, client, worker: "bench", logger, now: () => new Date("2026-11-23T01:00:00Z"), reportWorker: { databaseUrl: url } }, "weekly_summary", "2026-W47").finally(() => (posting = false));
const during = await fireWhile(() => posting, 20);
const outcome = await post;
const postMs = performance.now() - t0;
if (outcome.status !== "posted") throw new Error(`not posted: ${outcome.detail}`);
const idle = await fireWhile(() => false, during.length);
await bot.stop();
await standin.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ during: summary(during), idle: summary(idle), postMs })}\n`);
