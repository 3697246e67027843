import cron from "node-cron";
import { z } from "zod";
import { JOB_KINDS, type JobKind } from "../domain/schedule.ts";
import type { Db } from "../store/client.ts";
import { readSetting, writeSetting } from "../store/settings.ts";

// Each scheduled post can be turned off, moved to another time, posted to
// another channel, and woken by another cron expression. Stored in the
// Setting table under "jobs" (`dispatch jobs configure file.json`); the
// summary channel may also come from SUMMARY_CHANNEL_ID.

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "须是 HH:MM，例如 08:30");
const cronExpr = z.string().refine((c) => cron.validate(c), "不是有效的 cron 表达式，例如 */10 * * * *");

const jobSchema = (defaults: { time: string }) =>
  z
    .object({
      enabled: z.boolean().default(true),
      /** Local time the post is due (on the day the calendar rule picks). */
      time: time.default(defaults.time),
      /** When the scheduler checks this job; missed or failed posts are also retried by the sweep. */
      cron: cronExpr.optional(),
      /** Channel id; group posts (pings, reminders) go to each group's channel instead. */
      channel: z.string().optional(),
    })
    .prefault({});

export const jobsConfigSchema = z.object({
  summaryChannel: z.string().optional(),
  /** How often failed or missed posts are retried. */
  sweepCron: cronExpr.default("*/10 * * * *"),
  weekly_summary: jobSchema({ time: "08:30" }),
  stalled_list: jobSchema({ time: "08:35" }),
  group_ranking: jobSchema({ time: "08:40" }),
  quarterly_bulletin: jobSchema({ time: "09:00" }),
  overdue_pings: jobSchema({ time: "09:00" }),
  friday_reminder: jobSchema({ time: "15:00" }),
  /** The 调度会 agenda, on the working day before the weekly meeting. */
  meeting_agenda: jobSchema({ time: "16:00" }),
  /** Each 包联领导's weekly direct message (first working day of the week). */
  leader_digest: jobSchema({ time: "08:45" }),
  /** 年考核: the first working day after the year ends. */
  annual_review: jobSchema({ time: "09:10" }),
  /** Working days of silence on a group's pings before its leader is named. */
  escalateAfterWorkdays: z.number().int().positive().default(3),
});

export type JobsConfig = z.infer<typeof jobsConfigSchema>;

export const JOB_LABELS: Record<JobKind, string> = {
  weekly_summary: "周调度汇总",
  stalled_list: "滞后项目清单",
  group_ranking: "工作组周排名",
  quarterly_bulletin: "季度通报",
  overdue_pings: "逾期提醒",
  friday_reminder: "周五未更新提醒",
  meeting_agenda: "调度会会前议程",
  leader_digest: "领导包联周报",
  annual_review: "年度考核",
};

export function isJobKind(s: string): s is JobKind {
  return (JOB_KINDS as readonly string[]).includes(s);
}

/** Short and Chinese names an operator may type for a job (`weekly`, `周调度`), besides its own and its label. */
export const JOB_ALIASES: Record<JobKind, string[]> = {
  weekly_summary: ["weekly", "summary", "周调度", "周调度汇总", "汇总"],
  stalled_list: ["stalled", "滞后", "滞后项目", "滞后清单"],
  group_ranking: ["ranking", "排名", "周排名"],
  quarterly_bulletin: ["quarterly", "bulletin", "季度", "通报", "季通报"],
  overdue_pings: ["pings", "overdue", "逾期", "提醒"],
  friday_reminder: ["friday", "reminder", "周五", "周五提醒"],
  meeting_agenda: ["agenda", "议程", "会前议程"],
  leader_digest: ["leaders", "digest", "领导周报", "包联周报"],
  annual_review: ["annual", "review", "年考核", "考核", "年度考核结果"],
};

/** The job a typed name means, or undefined. */
export function jobNamed(name: string): JobKind | undefined {
  const n = name.trim().toLowerCase().replace(/-/g, "_");
  return JOB_KINDS.find((j) => j === n || JOB_LABELS[j] === name.trim() || JOB_ALIASES[j].includes(n));
}

/** The cron that wakes a job: its own, or daily at its due time. */
export function cronOf(config: JobsConfig, job: JobKind): string {
  const c = config[job];
  if (c.cron) return c.cron;
  const [h, m] = c.time.split(":").map(Number);
  return `${m} ${h} * * *`;
}

export async function loadJobsConfig(db: Db, env: Record<string, string | undefined> = process.env): Promise<JobsConfig> {
  const stored = ((await readSetting(db, "jobs")) ?? {}) as object;
  return jobsConfigSchema.parse({ summaryChannel: env.SUMMARY_CHANNEL_ID || undefined, ...stored });
}

export async function saveJobsConfig(db: Db, override: unknown): Promise<JobsConfig> {
  const parsed = jobsConfigSchema.parse(override);
  await writeSetting(db, "jobs", override);
  return parsed;
}
