import { hostname } from "node:os";
import type { Command } from "commander";
import { toLocalDate } from "../domain/local-day.ts";
import { JOB_KINDS, duePeriods, type JobKind } from "../domain/schedule.ts";
import { cronOf, JOB_ALIASES, JOB_LABELS, jobNamed, loadJobsConfig, saveJobsConfig } from "../jobs/job-config.ts";
import { toLocalDateTime } from "../domain/local-day.ts";
import { defaultPeriod } from "../jobs/default-period.ts";
import { createLogger } from "../log.ts";
import type { Db } from "../store/client.ts";
import { isJobDone, jobHistory } from "../store/job-runs.ts";

/** The channel a dry run shows when none is configured. */
const PLACEHOLDER_CHANNEL = "C0SUMMARY_PLACEHOLDER";
import { loadRules } from "../store/settings.ts";
import { saveJsonFile } from "./json-settings.ts";
import { UsageError } from "./output.ts";

// `dispatch jobs`: see the scheduled posts, post one now (or print it), and
// see what was posted, late or failed.

function checkPeriod(job: JobKind, period: string): void {
  const forms: Record<JobKind, RegExp> = {
    weekly_summary: /^\d{4}-W\d{2}$/,
    stalled_list: /^\d{4}-W\d{2}$/,
    group_ranking: /^\d{4}-W\d{2}$/,
    friday_reminder: /^\d{4}-W\d{2}$/,
    leader_digest: /^\d{4}-W\d{2}$/,
    quarterly_bulletin: /^\d{4}-Q[1-4]$/,
    overdue_pings: /^\d{4}-\d{2}-\d{2}$/,
    meeting_agenda: /^\d{4}-\d{2}-\d{2}$/,
    annual_review: /^\d{4}$/,
  };
  if (!forms[job].test(period)) {
    const example = job === "annual_review" ? "2026" : job === "quarterly_bulletin" ? "2026-Q3" : job === "overdue_pings" || job === "meeting_agenda" ? "2026-11-23" : "2026-W47";
    throw new UsageError(`--period “${period}” 不适用于 ${job}，请写成 ${example}`);
  }
}

export function registerJobs(program: Command, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>, now: () => Date) {
  const jobs = program.command("jobs").description("定时推送 / scheduled posts: list | run | history | configure");

  jobs
    .command("list")
    .description("列出定时推送及其设置和今天到期的期次")
    .action(() =>
      withDb(async (db) => {
        const config = await loadJobsConfig(db);
        const rules = await loadRules(db);
        process.stdout.write(`汇总频道：${config.summaryChannel ?? "（未设置：SUMMARY_CHANNEL_ID）"}　时区：${rules.timeZone}\n`);
        for (const job of JOB_KINDS) {
          const c = config[job];
          const due = duePeriods({ job, now: now(), timeZone: rules.timeZone, time: c.time, lookback: 0, meetingWeekday: rules.meeting.weekday }).map((d) => d.period);
          // Due is not the same as posted: say which of today's due periods went out.
          const dueText = (await Promise.all(due.map(async (p) => `${p}（${(await isJobDone(db, job, p)) ? "已推送" : "未推送"}）`))).join("、");
          process.stdout.write(`${c.enabled ? "✓" : "✗"} ${job.padEnd(20)} ${JOB_LABELS[job]}　时间 ${c.time}　cron "${cronOf(config, job)}"　频道 ${c.channel ?? (job === "overdue_pings" || job === "friday_reminder" ? "各工作组频道" : job === "leader_digest" ? "私信各包联领导" : (config.summaryChannel ?? "—"))}${due.length ? `　已到期：${dueText}` : ""}\n`);
        }
      }),
    );

  jobs
    .command("run")
    .description("立即推送某一期（已推送过的不会重复）；--dry-run 只打印 Block Kit")
    .argument("<job>", `${JOB_KINDS.join(" | ")}（也可写 weekly、周调度 等简称）`)
    .option("--period <period>", "期次：2026-W47、2026-Q3 或 2026-11-23（默认：当前应推送的一期）")
    .option("--dry-run", "只打印要发送的内容，不发送")
    .action(async (typed: string, opts: { period?: string; dryRun?: boolean }) => {
      const job = jobNamed(typed);
      if (!job) throw new UsageError(`没有名为“${typed}”的定时推送。可选：${JOB_KINDS.map((j) => `${j}（${JOB_ALIASES[j][0]}、${JOB_LABELS[j]}）`).join("、")}`);
      await withDb(async (db) => {
        const rules = await loadRules(db);
        const today = toLocalDate(now(), rules.timeZone);
        const period = opts.period ?? defaultPeriod(job, today, rules.meeting.weekday);
        checkPeriod(job, period);
        const { planJob, runJobNow } = await import("../jobs/run-jobs.ts");
        if (opts.dryRun) {
          // Without a summary channel the dry run still shows what would be posted, to a placeholder channel.
          const config = await loadJobsConfig(db);
          if (!config.summaryChannel && !config[job].channel) {
            config.summaryChannel = PLACEHOLDER_CHANNEL;
            process.stderr.write(`未配置汇总频道（SUMMARY_CHANNEL_ID 或 dispatch jobs configure）：以下内容以占位频道 ${PLACEHOLDER_CHANNEL} 显示。\n`);
          }
          const plan = await planJob({ db, rules, config, job, due: { period, dueDay: today, dueAt: now(), late: false }, now: now() });
          const printable = { job, period, skipped: plan.skipped, posts: plan.posts.map((p) => ({ channel: p.channel, text: p.text, messages: p.messages, files: (p.files ?? []).map((f) => ({ filename: f.filename, title: f.title, bytes: f.bytes.length })) })) };
          process.stdout.write(`${JSON.stringify(printable, null, 2)}\n`);
          return;
        }
        const token = process.env.SLACK_BOT_TOKEN;
        if (!token) throw new UsageError("推送需要 SLACK_BOT_TOKEN（以及可选的 SLACK_API_URL）；只想查看内容请加 --dry-run");
        const { WebClient } = await import("@slack/web-api");
        const client = new WebClient(token, { slackApiUrl: process.env.SLACK_API_URL || undefined });
        const outcome = await runJobNow({ db, client, worker: `${hostname()}:${process.pid}:cli`, logger: createLogger("warn"), now }, job, period);
        process.stdout.write(`${job} ${period}：${{ posted: "已推送", skipped: "无内容，未推送", failed: "失败", held: "已推送过或正由其他进程推送，未重复" }[outcome.status]}${outcome.detail ? `（${outcome.detail}）` : ""}\n`);
        if (outcome.status === "failed") process.exitCode = 1;
      });
    });

  jobs
    .command("history")
    .description("最近的推送记录：状态、是否补发、失败原因")
    .option("--limit <n>", "条数", "30")
    .action((opts: { limit: string }) =>
      withDb(async (db) => {
        const rows = await jobHistory(db, Number(opts.limit) || 30);
        const { timeZone } = await loadRules(db);
        if (!rows.length) process.stdout.write("还没有推送记录。\n");
        for (const r of rows)
          process.stdout.write(
            `${toLocalDateTime(r.claimedAt, timeZone)}  ${r.job.padEnd(20)} ${r.period.padEnd(11)} ${{ DONE: "已完成", CLAIMED: "进行中", FAILED: "失败" }[r.status] ?? r.status}${r.late ? " 补发" : ""}  第 ${r.attempts} 次${r.error ? `  错误：${r.error}` : ""}\n`,
          );
      }),
    );

  jobs
    .command("configure")
    .description('用 JSON 文件设置定时推送，例如 {"summaryChannel":"C0123","overdue_pings":{"time":"09:30"}}')
    .argument("<file.json>")
    .action((file: string) => saveJsonFile(file, `{"summaryChannel":"C0123"}`, (v) => withDb((db) => saveJobsConfig(db, v))));
}
