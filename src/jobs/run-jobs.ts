import type { WebClient } from "@slack/web-api";
import { JOB_KINDS, duePeriods, type DuePeriod, type JobKind } from "../domain/schedule.ts";
import { toLocalDate } from "../domain/local-day.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../store/client.ts";
import { claimJobRun, failJobRun, finishJobRun, isJobDone, saveJobProgress } from "../store/job-runs.ts";
import { loadRules, readSetting, writeSetting } from "../store/settings.ts";
import { planFridayReminder, planOverduePings } from "./group-jobs.ts";
import { loadJobsConfig } from "./job-config.ts";
import type { JobContext } from "./job-context.ts";
import { planInWorker, REPORT_JOBS, type ReportWorkerOptions } from "./plan-in-worker.ts";
import type { JobPlan } from "./post-plan.ts";
import type { ChannelPacer } from "./channel-pacer.ts";
import { LeaseLost, postPlan, type PostProgress } from "./slack-poster.ts";

// Runs every post that is due and not yet done: claim (job, period) in the
// database, plan, post, mark done. Several bot processes may call this at
// once; each period is posted by exactly one of them. A failure is recorded
// and retried by the next run.

export interface RunnerDeps {
  db: Db;
  /** The jobs' own Web API client: a 429 pause here never holds up App Home or commands. */
  client: WebClient;
  /** Paces chat.postMessage per channel across runs (default: one per run). */
  pacer?: ChannelPacer;
  /** Identifies this process in the claims (host:pid). */
  worker: string;
  logger: Logger;
  now: () => Date;
  /** How long a claim is held before another process may take it over (a crash). */
  leaseMs?: number;
  /** Plan the summary-channel posts in a worker thread (the bot and the sandbox); in-process when absent (CLI, tests). */
  reportWorker?: ReportWorkerOptions;
}

export interface RunOutcome {
  job: JobKind;
  period: string;
  status: "posted" | "skipped" | "failed" | "held";
  late: boolean;
  detail?: string;
}

export async function planJob(ctx: JobContext, reportWorker?: ReportWorkerOptions): Promise<JobPlan> {
  if (ctx.job === "overdue_pings") return planOverduePings(ctx);
  if (ctx.job === "friday_reminder") return planFridayReminder(ctx);
  if (ctx.job === "meeting_agenda") return (await import("./meeting-jobs.ts")).planMeetingAgenda(ctx);
  if (ctx.job === "leader_digest") return (await import("./leader-digest.ts")).planLeaderDigest(ctx);
  if (reportWorker && REPORT_JOBS.includes(ctx.job)) return planInWorker(ctx, reportWorker);
  // Loaded on first use: charts and workbooks (echarts, resvg, exceljs) stay out of a process that never plans a report.
  const { planReportJob } = await import("./report-jobs.ts");
  return planReportJob(ctx);
}

/** `settings`: the rules and job configuration read once by the caller for all its periods. */
async function runOne(deps: RunnerDeps, settings: Pick<JobContext, "rules" | "config">, job: JobKind, due: DuePeriod): Promise<RunOutcome> {
  const { db } = deps;
  const now = deps.now();
  const leaseMs = deps.leaseMs ?? 10 * 60_000;
  const claim = await claimJobRun(db, job, due.period, deps.worker, now, leaseMs, due.late);
  if (!claim.claimed) return { job, period: due.period, status: "held", late: due.late, detail: claim.run?.status };
  const run = claim.run;
  try {
    const ctx: JobContext = { db, ...settings, job, due: { ...due, late: due.late || run.late }, now };
    const plan = await planJob(ctx, deps.reportWorker);
    const progress = JSON.parse(run.progress) as PostProgress;
    // Each step saved renews the lease: a run that keeps making progress is never taken over.
    const save = (p: PostProgress) => saveJobProgress(db, run.id, deps.worker, p, new Date(deps.now().getTime() + leaseMs));
    await postPlan(deps.client, plan, { job, period: due.period }, progress, save, { retrying: run.attempts > 1, pacer: deps.pacer });
    await finishJobRun(db, run.id, deps.worker, deps.now());
    deps.logger.info({ job, period: due.period, posts: plan.posts.length, late: ctx.due.late }, plan.posts.length ? "scheduled post sent" : "scheduled post skipped");
    return { job, period: due.period, status: plan.posts.length ? "posted" : "skipped", late: ctx.due.late, detail: plan.skipped };
  } catch (e) {
    if (e instanceof LeaseLost) {
      deps.logger.warn({ job, period: due.period }, "another process took this scheduled post over; it finishes it");
      return { job, period: due.period, status: "held", late: due.late, detail: "CLAIMED" };
    }
    const message = e instanceof Error ? e.message : String(e);
    await failJobRun(db, run.id, deps.worker, message);
    deps.logger.error({ job, period: due.period, err: e }, "scheduled post failed; will retry");
    return { job, period: due.period, status: "failed", late: due.late, detail: message };
  }
}

/**
 * The first time the scheduler ever ran here. Periods due before it are not
 * "missed": a new installation does not post a month of old summaries.
 */
async function scheduleStart(db: Db, now: Date): Promise<Date> {
  const stored = (await readSetting(db, "jobs.since")) as string | undefined;
  if (stored) return new Date(stored);
  await writeSetting(db, "jobs.since", now.toISOString());
  return now;
}

/** Posts everything due by now for the given jobs (default: all enabled jobs). */
export async function runDueJobs(deps: RunnerDeps, jobs: readonly JobKind[] = JOB_KINDS): Promise<RunOutcome[]> {
  const config = await loadJobsConfig(deps.db);
  const rules = await loadRules(deps.db);
  const since = await scheduleStart(deps.db, deps.now());
  const outcomes: RunOutcome[] = [];
  for (const job of jobs) {
    if (!config[job].enabled) continue;
    // A post due shortly before the first start (the bot was installed that morning) is still sent.
    const periods = duePeriods({ job, now: deps.now(), timeZone: rules.timeZone, time: config[job].time, meetingWeekday: rules.meeting.weekday }).filter((d) => d.dueAt.getTime() >= since.getTime() - 12 * 3_600_000);
    for (const due of periods) {
      if (await isJobDone(deps.db, job, due.period)) continue;
      outcomes.push(await runOne(deps, { rules, config }, job, due));
    }
  }
  return outcomes;
}

/** The operator's "post this now" (`dispatch jobs run`): one period, due or not, still at most once. */
export async function runJobNow(deps: RunnerDeps, job: JobKind, period: string): Promise<RunOutcome> {
  if (await isJobDone(deps.db, job, period)) return { job, period, status: "held", late: false, detail: "DONE" };
  const now = deps.now();
  const rules = await loadRules(deps.db);
  const today = toLocalDate(now, rules.timeZone);
  return runOne(deps, { rules, config: await loadJobsConfig(deps.db) }, job, { period, dueDay: today, dueAt: now, late: false });
}
