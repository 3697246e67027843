// Builds and posts the weekly summary (blocks, two chart PNGs, the xlsx) of a
// bench district as the bot does (planned in the report worker thread),
// against the Slack stand-in, in a fresh process: peak RSS is this job's
// (worker included). Prints one JSON line: { ms, cpuMs, maxRssMb, calls }.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebClient } from "@slack/web-api";
import { saveJobsConfig } from "../dist/jobs/job-config.js";
import { runJobNow } from "../dist/jobs/run-jobs.js";
import { createLogger } from "../dist/log.js";
import { startSlackStandin } from "../dist/slack-standin/index.js";
import { openStore } from "../dist/store/client.js";

const [source] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "bench-post-"));
let url = source;
if (source.startsWith("file:")) {
  copyFileSync(source.slice(5), join(dir, "db.db"));
  url = `file:${join(dir, "db.db")}`;
}
const standin = await startSlackStandin({ botToken: "xoxb-bench" });
standin.addChannel({ id: "C0BENCH", name: "bench", members: [standin.bot.userId] }); // the summary channel, the bot invited
const store = await openStore(url, { migrate: false });
await saveJobsConfig(store.db, { summaryChannel: "C0BENCH" });
await store.db.jobRun.deleteMany({ where: { job: "weekly_summary" } });
const client = new WebClient("xoxb-bench", { slackApiUrl: standin.url });
const deps = { db: store.db, client, worker: "bench", logger: createLogger("silent"), now: () => new Date("2026-11-23T01:00:00Z"), reportWorker: { databaseUrl: url } };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const out = await runJobNow(deps, "weekly_summary", "2026-W47");
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (out.status !== "posted") throw new Error(`weekly summary not posted: ${out.status} ${out.detail ?? ""}`);
const calls = standin.calls.filter((c) => c.ok).length;
await store.close();
await standin.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, calls })}\n`);
