import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { toLocalDate } from "../domain/local-day.ts";
import { isLocalDate } from "../domain/periods.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";
import { UsageError, writeOutput } from "./output.ts";
import { REPORT_JSON_SCHEMA } from "./report-command.ts";

// `dispatch meeting`: make a 调度会, print its agenda, close it, write its 纪要.

type WithDb = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;

function checkDate(date: string | undefined, option = "--date"): string | undefined {
  if (date !== undefined && !isLocalDate(date)) throw new UsageError(`${option} “${date}” 不是有效日期，请写成 2026-12-08`);
  return date;
}

async function context(db: Db, now: () => Date) {
  return { db, rules: await loadRules(db), admins: [] as string[], now: now() };
}

const CLI_CALLER = { userId: "cli", source: "CLI" as const };

export function registerMeeting(program: Command, withDb: WithDb, now: () => Date) {
  const meeting = program.command("meeting").description("调度会 / dispatch meetings: new | agenda | close | minutes");

  meeting
    .command("new")
    .description("新建会议（默认为规则中的每周调度会；专题会请写 --title）")
    .requiredOption("--date <date>", "会议日期，YYYY-MM-DD")
    .option("--title <title>", "会议名称，例如 专题协调会")
    .option("--time <time>", "会议时间 HH:MM")
    .option("--place <place>", "地点")
    .option("--host <host>", "主持")
    .option("--attendees <list>", "参会单位，用 、 或 , 分隔")
    .action((opts: { date: string; title?: string; time?: string; place?: string; host?: string; attendees?: string }) =>
      withDb(async (db) => {
        checkDate(opts.date);
        if (opts.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(opts.time)) throw new UsageError(`--time “${opts.time}” 请写成 HH:MM，例如 09:00`);
        const { createMeeting } = await import("../services/meeting-service.ts");
        const attendees = opts.attendees?.split(/[、,，]/).map((s) => s.trim()).filter(Boolean);
        const { meeting: m, created } = await createMeeting(await context(db, now), CLI_CALLER, { date: opts.date, title: opts.title, time: opts.time, place: opts.place, host: opts.host, attendees });
        process.stdout.write(`${created ? "已新建" : "已存在"}会议 ${m.id}：${m.title}（${m.date} ${m.time}）\n`);
      }),
    );

  meeting
    .command("agenda")
    .description("会前议程：上次决定落实情况、红灯项目、签约未开工、逾期督办、低于序时进度的工作组")
    .option("--date <date>", "会议日期（默认：下一次会议）")
    .option("--format <format>", "text | json | docx", "text")
    .option("--out <file>", "写入文件（docx 必须）")
    .action((opts: { date?: string; format: string; out?: string }) =>
      withDb(async (db) => {
        checkDate(opts.date);
        if (!["text", "json", "docx"].includes(opts.format)) throw new UsageError(`--format “${opts.format}” 无法识别，请写 text、json 或 docx`);
        if (opts.format === "docx" && !opts.out) throw new UsageError("docx 格式需要用 --out 指定文件，例如 --out 议程.docx");
        const ctx = await context(db, now);
        const { meetingFor } = await import("../services/meeting-service.ts");
        const { loadAgenda } = await import("../services/agenda-service.ts");
        const agenda = await loadAgenda(db, ctx.rules, ctx.now, await meetingFor(ctx, opts.date));
        if (opts.format === "json") return writeOutput(JSON.stringify({ schema: REPORT_JSON_SCHEMA, ...agenda }, null, 2), opts.out);
        if (opts.format === "text") {
          const { agendaText } = await import("../reports/agenda-text.ts");
          return writeOutput(agendaText(agenda), opts.out);
        }
        const { agendaDocx } = await import("../reports/agenda-docx.ts");
        writeFileSync(opts.out!, await agendaDocx(agenda));
        process.stderr.write(`已写入 ${opts.out}\n`);
      }),
    );

  meeting
    .command("close")
    .description("散会：结束会议；配置了 SLACK_BOT_TOKEN 与汇总频道时把会议纪要发到汇总频道")
    .option("--date <date>", "会议日期（默认：今天或之前最近一次未散会的会议）")
    .action((opts: { date?: string }) =>
      withDb(async (db) => {
        checkDate(opts.date);
        const ctx = await context(db, now);
        const { adjournMeeting } = await import("../services/meeting-service.ts");
        const { meetingsOn } = await import("../store/meetings.ts");
        const target = opts.date ? (await meetingsOn(db, opts.date))[0] : undefined;
        if (opts.date && !target) throw new UsageError(`${opts.date} 没有会议。用 dispatch meeting new --date ${opts.date} 新建。`);
        const r = await adjournMeeting(ctx, CLI_CALLER, target?.id);
        if (!r.ok) throw new UsageError(r.error);
        process.stdout.write(`${r.value.closedNow ? "已散会" : "此前已散会"}：${r.value.meeting.title}（${r.value.meeting.date}）\n`);
        const token = process.env.SLACK_BOT_TOKEN;
        if (!token) return void process.stdout.write("未设置 SLACK_BOT_TOKEN：会议纪要未发布，可用 dispatch meeting minutes --out 纪要.docx 生成。\n");
        const { WebClient } = await import("@slack/web-api");
        const { postMeetingMinutes } = await import("../jobs/minutes-post.ts");
        const outcome = await postMeetingMinutes(new WebClient(token, { slackApiUrl: process.env.SLACK_API_URL || undefined }), db, r.value.meeting.id, now());
        process.stdout.write({ posted: "会议纪要已发到汇总频道。\n", already: "会议纪要此前已发布。\n", no_channel: "未配置汇总频道，会议纪要未发布。\n", open: "" }[outcome]);
      }),
    );

  meeting
    .command("done")
    .description("综合事项（不针对项目的决定）办结销号；针对项目的决定通过督办销号")
    .argument("<decision>", "决定事项编号")
    .action((id: string) =>
      withDb(async (db) => {
        if (!/^\d+$/.test(id)) throw new UsageError(`决定事项编号“${id}”应是数字，例如 dispatch meeting done 12`);
        const { closeGeneralTask } = await import("../services/meeting-service.ts");
        const r = await closeGeneralTask(await context(db, now), CLI_CALLER, Number(id));
        if (!r.ok) throw new UsageError(r.error);
        process.stdout.write(`决定事项 ${id} 已销号。\n`);
      }),
    );

  meeting
    .command("minutes")
    .description("会议纪要（Word）")
    .option("--date <date>", "会议日期（默认：今天或之前最近一次会议）")
    .requiredOption("--out <file>", "输出文件，例如 纪要.docx")
    .action((opts: { date?: string; out: string }) =>
      withDb(async (db) => {
        checkDate(opts.date);
        const rules = await loadRules(db);
        const { latestMeetingUpTo, meetingsOn } = await import("../store/meetings.ts");
        const m = opts.date ? (await meetingsOn(db, opts.date))[0] : await latestMeetingUpTo(db, toLocalDate(now(), rules.timeZone));
        if (!m) throw new UsageError(opts.date ? `${opts.date} 没有会议。` : "还没有召开过会议。用 dispatch meeting new --date … 新建。");
        const { loadMinutes } = await import("../services/minutes-service.ts");
        const { minutesDocx } = await import("../reports/minutes-docx.ts");
        writeFileSync(opts.out, await minutesDocx(await loadMinutes(db, m)));
        process.stderr.write(`已写入 ${opts.out}\n`);
      }),
    );
}

/** `dispatch report blockers [--by kind|unit] [--format text|json|xlsx]`. */
export async function blockersReportOutput(db: Db, now: Date, by: string, format: string) {
  if (by !== "kind" && by !== "unit") throw new UsageError(`--by “${by}” 无法识别，要素清单请写 kind（类别）或 unit（责任单位）`);
  const rules = await loadRules(db);
  const asOf = toLocalDate(now, rules.timeZone);
  const { loadSnapshot } = await import("../store/snapshot.ts");
  const { buildBlockersReport, blockersText } = await import("../reports/blockers-report.ts");
  const snapshot = await loadSnapshot(db, asOf, rules);
  const report = buildBlockersReport({ asOf, by, rules, projects: snapshot.projects, groups: snapshot.groups });
  if (format === "json") return JSON.stringify({ schema: REPORT_JSON_SCHEMA, ...report }, null, 2);
  if (format === "text") return blockersText(report);
  const { blockersWorkbook } = await import("../reports/blockers-xlsx.ts");
  return blockersWorkbook(report);
}
