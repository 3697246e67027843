import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { WebClient } from "@slack/web-api";
import { saveJobsConfig } from "../src/jobs/job-config.ts";
import { runJobNow } from "../src/jobs/run-jobs.ts";
import { createLogger } from "../src/log.ts";
import { startSlackStandin } from "../src/slack-standin/index.ts";
import { openStore } from "../src/store/client.ts";

// Builds and posts the weekly summary (blocks, two chart PNGs, the xlsx) for
// a bench district, in a fresh process so peak RSS is this job's alone.
// Prints one JSON line: { ms, maxRssMb, calls }.
const [source] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "bench-post-"));
copyFileSync(source, join(dir, "db.db"));
const standin = await startSlackStandin({ botToken: "xoxb-bench" });
const store = await openStore(`file:${join(dir, "db.db")}`);
await saveJobsConfig(store.db, { summaryChannel: "C0BENCH" });
const client = new WebClient("xoxb-bench", { slackApiUrl: standin.url });
const t0 = performance.now();
const out = await runJobNow({ db: store.db, client, worker: "bench", logger: createLogger("silent"), now: () => new Date("2026-11-23T01:00:00Z") }, "weekly_summary", "2026-W47");
const ms = performance.now() - t0;
if (out.status !== "posted") throw new Error(`weekly summary not posted: ${out.status} ${out.detail ?? ""}`);
const calls = standin.calls.filter((c) => c.ok).length;
await store.close();
await standin.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, calls })}\n`);
