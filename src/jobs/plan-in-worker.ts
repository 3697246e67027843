import type { DuePeriod, JobKind } from "../domain/schedule.ts";
import { startWorker } from "../worker-thread.ts";
import type { Rules } from "../domain/rules.ts";
import type { JobContext } from "./job-context.ts";
import type { JobsConfig } from "./job-config.ts";
import type { JobPlan, Post } from "./post-plan.ts";

// The summary-channel posts (weekly summary with charts and workbook, stalled
// list, rankings) are planned in a worker thread with a memory cap, so the
// bot keeps acknowledging Slack while a large district's report is built:
// the SQLite driver answers synchronously, and chart rendering and workbook
// writing are CPU work. A worker that runs out of memory is stopped and the
// post fails (and is retried by the sweep); the bot itself carries on.

export interface ReportWorkerOptions {
  /** The store the worker opens for itself (the bot's DATABASE_URL). */
  databaseUrl: string;
  /** Heap cap of the worker in MB (default 512). */
  memoryMb?: number;
}

/** What the worker is asked to plan (structured-cloned into it). */
export interface WorkerJob {
  databaseUrl: string;
  job: JobKind;
  due: DuePeriod;
  now: Date;
  rules: Rules;
  config: JobsConfig;
}

type WirePost = Omit<Post, "files" | "onPosted"> & { files?: Array<{ filename: string; title: string; bytes: Uint8Array }> };
export type WorkerReply = { ok: true; plan: { posts: WirePost[]; skipped?: string } } | { ok: false; message: string };

export const REPORT_JOBS: readonly JobKind[] = ["weekly_summary", "stalled_list", "group_ranking", "quarterly_bulletin", "meeting_agenda", "annual_review"];

export class ReportWorkerError extends Error {}

export function planInWorker(ctx: JobContext, opts: ReportWorkerOptions): Promise<JobPlan> {
  const memoryMb = opts.memoryMb ?? 512;
  const data: WorkerJob = { databaseUrl: opts.databaseUrl, job: ctx.job, due: ctx.due, now: ctx.now, rules: ctx.rules, config: ctx.config };
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, "./report-worker", {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.once("message", (reply: WorkerReply) =>
      settle(() => {
        if (!reply.ok) return reject(new ReportWorkerError(reply.message));
        const posts: Post[] = reply.plan.posts.map((p) => ({
          ...p,
          files: p.files?.map((f) => ({ filename: f.filename, title: f.title, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) })),
        }));
        resolve({ posts, ...(reply.plan.skipped ? { skipped: reply.plan.skipped } : {}) });
      }),
    );
    worker.once("error", (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new ReportWorkerError(`报表生成超出内存上限（${memoryMb} MB），已停止；可调大 REPORT_WORKER_MEMORY_MB。 / report worker out of memory`)
            : e,
        ),
      ),
    );
    worker.once("exit", (code) => settle(() => reject(new ReportWorkerError(`报表生成进程意外退出（代码 ${code}） / report worker exited`))));
  });
}
