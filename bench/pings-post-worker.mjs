// The overdue pings of a bench district (10,000 projects, 12 group channels)
// posted as the bot posts them (paced per channel, its own client) against
// the strict Slack stand-in, which rate limits chat.postMessage at about one
// message a second per channel, in a fresh process. Prints one JSON line:
// { ms, messages, rateLimited, duplicates, channels }. Duplicates must be 0.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebClient, WebClientEvent } from "@slack/web-api";
import { channelPacer } from "../dist/jobs/channel-pacer.js";
import { runJobNow } from "../dist/jobs/run-jobs.js";
import { createLogger } from "../dist/log.js";
import { startSlackStandin } from "../dist/slack-standin/index.js";
import { openStore } from "../dist/store/client.js";

const [source] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "bench-pings-"));
copyFileSync(source.slice(5), join(dir, "db.db"));
const url = `file:${join(dir, "db.db")}`;
const store = await openStore(url, { migrate: false });
const standin = await startSlackStandin({ botToken: "xoxb-bench" });
// Each group gets a channel with the bot invited (as README's setup says).
for (const g of await store.db.group.findMany()) {
  const channelId = `C0BENCHG${g.id}`;
  await store.db.group.update({ where: { id: g.id }, data: { channelId } });
  standin.addChannel({ id: channelId, name: `group-${g.id}`, members: [standin.bot.userId] });
}
await store.db.jobRun.deleteMany({ where: { job: "overdue_pings" } });
const client = new WebClient("xoxb-bench", { slackApiUrl: standin.url, logger: createLogger("silent") });
let rateLimited = 0;
client.on(WebClientEvent.RATE_LIMITED, () => rateLimited++);
const deps = { db: store.db, client, pacer: channelPacer(), worker: "bench", logger: createLogger("silent"), now: () => new Date("2026-11-23T01:30:00Z") };
const t0 = performance.now();
const out = await runJobNow(deps, "overdue_pings", "2026-11-23");
const ms = performance.now() - t0;
if (out.status !== "posted") throw new Error(`pings not posted: ${out.status} ${out.detail ?? ""}`);
const posts = standin.callsTo("chat.postMessage").filter((c) => c.ok);
const seen = new Set();
let duplicates = 0;
for (const c of posts) {
  const key = `${c.args.channel}|${c.args.thread_ts ?? ""}|${c.args.text}`;
  if (seen.has(key)) duplicates++;
  seen.add(key);
}
const refused429 = standin.calls.filter((c) => c.status === 429).length;
await store.close();
await standin.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ms, messages: posts.length, rateLimited: Math.max(rateLimited, refused429), duplicates, channels: new Set(posts.map((c) => c.args.channel)).size })}\n`);
