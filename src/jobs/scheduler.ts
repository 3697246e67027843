import cron, { type ScheduledTask } from "node-cron";
import { JOB_KINDS, type JobKind } from "../domain/schedule.ts";
import { cronOf, type JobsConfig } from "./job-config.ts";
import { runDueJobs, type RunnerDeps } from "./run-jobs.ts";

// Wakes the runner: each job at its own cron (in the district's time zone),
// a sweep every few minutes for retries and posts missed while the bot was
// down, and once at start. Runs in one process never overlap; runs in
// different processes are kept apart by the database claims.

export interface Scheduler {
  stop(): Promise<void>;
  /** Resolves when the current run (if any) has finished. */
  idle(): Promise<void>;
}

export function startScheduler(deps: RunnerDeps, config: JobsConfig, timeZone: string): Scheduler {
  let chain: Promise<unknown> = Promise.resolve();
  const run = (jobs: readonly JobKind[]) => {
    chain = chain.then(() => runDueJobs(deps, jobs)).catch((e) => deps.logger.error({ err: e }, "scheduler run failed"));
    return chain;
  };
  const tasks: ScheduledTask[] = [];
  for (const job of JOB_KINDS) {
    if (config[job].enabled) tasks.push(cron.schedule(cronOf(config, job), () => void run([job]), { timezone: timeZone, name: job, noOverlap: true }));
  }
  tasks.push(cron.schedule(config.sweepCron, () => void run(JOB_KINDS), { timezone: timeZone, name: "sweep", noOverlap: true }));
  setImmediate(() => void run(JOB_KINDS));
  return {
    async stop() {
      for (const t of tasks) await t.stop();
      await chain;
    },
    idle: () => chain.then(() => undefined),
  };
}
