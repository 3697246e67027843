import type { DuePeriod, JobKind } from "../domain/schedule.ts";
import type { Rules } from "../domain/rules.ts";
import type { Db } from "../store/client.ts";
import type { JobsConfig } from "./job-config.ts";

/** What a job needs to plan its posts for one period. */
export interface JobContext {
  db: Db;
  rules: Rules;
  config: JobsConfig;
  job: JobKind;
  due: DuePeriod;
  now: Date;
}

/** The line a late post starts with (补发), so readers know why it arrives now. */
export function lateNotice(ctx: JobContext): string | null {
  if (!ctx.due.late) return null;
  const time = ctx.config[ctx.job].time;
  return `⚠️ 补发：本应于 ${ctx.due.dueDay} ${time} 发出，因机器人当时未运行或发送失败，现补发。`;
}
