import { parentPort, workerData } from "node:worker_threads";
import { startChartThread } from "../charts/chart-thread.ts";
import type { JobContext } from "./job-context.ts";
import type { WorkerJob, WorkerReply } from "./plan-in-worker.ts";

// Inside the report worker: plans one summary-channel post (report, charts,
// workbook) on its own connection to the store and sends the plan back.
// Everything here is synchronous-heavy (the SQLite driver, resvg, exceljs),
// which is why it runs off the bot's event loop.

const job = workerData as WorkerJob;
// The weekly post's chart thread starts first: echarts and resvg load while this thread loads the store's and the reports' modules.
const charts = job.job === "weekly_summary" ? startChartThread() : undefined;
const { openStore } = await import("../store/client.ts");
const { planReportJob } = await import("./report-jobs.ts");
const store = await openStore(job.databaseUrl, { migrate: false, allowExitOnIdle: true });
let reply: WorkerReply;
const transfer: ArrayBuffer[] = [];
try {
  const ctx: JobContext = { db: store.db, rules: job.rules, config: job.config, job: job.job, due: job.due, now: job.now };
  // The agenda reads the whole store as of today (snapshot, ranking): off the bot's event loop too.
  const plan = job.job === "meeting_agenda" ? await (await import("./meeting-jobs.ts")).planMeetingAgenda(ctx) : await planReportJob(ctx, charts);
  reply = {
    ok: true,
    plan: {
      skipped: plan.skipped,
      posts: plan.posts.map(({ onPosted: _, files, ...post }) => ({
        ...post,
        files: files?.map((f) => {
          const bytes = new Uint8Array(f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength));
          transfer.push(bytes.buffer as ArrayBuffer);
          return { filename: f.filename, title: f.title, bytes };
        }),
      })),
    },
  };
} catch (e) {
  reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
} finally {
  await Promise.all([store.close(), charts?.close()]);
}
parentPort!.postMessage(reply!, transfer);
