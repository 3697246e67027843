import type { Command } from "commander";
import type { Report } from "../services/report-service.ts";
import type { Db } from "../store/client.ts";
import { UsageError, writeOutput } from "./output.ts";

/** Version of the JSON layout documented in the README; bumped on any breaking change. */
export const REPORT_JSON_SCHEMA = "dispatch.report/v2";

const KINDS = ["weekly", "stalled", "ranking", "unstarted", "leaders", "blockers", "bulletin", "review"] as const;
const FORMATS = ["text", "json", "xlsx"] as const;

export interface ReportOptions {
  by?: string;
  week?: string;
  quarter?: string;
  year?: string;
  asOf?: string;
  format: string;
  out?: string;
}

/** The report as text, JSON or a workbook; each renderer is loaded only when asked for (exceljs is large). */
export async function renderReport(report: Report, format: (typeof FORMATS)[number]) {
  if (format === "json") return JSON.stringify({ schema: REPORT_JSON_SCHEMA, ...report }, null, 2);
  if (format === "text") {
    const { rankingText, stalledText, weeklyText } = await import("../reports/render-text.ts");
    return report.kind === "weekly" ? weeklyText(report) : report.kind === "stalled" ? stalledText(report) : rankingText(report);
  }
  const { rankingWorkbook, stalledWorkbook, weeklyWorkbook } = await import("../reports/render-xlsx.ts");
  return report.kind === "weekly" ? weeklyWorkbook(report) : report.kind === "stalled" ? stalledWorkbook(report) : rankingWorkbook(report);
}

/** 季通报 (`--quarter`, default: the last quarter ended) and 年考核 (`--year`, default: last year). */
async function assessmentOutput(kind: "bulletin" | "review", withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>, opts: ReportOptions, now: Date) {
  const format = opts.format as (typeof FORMATS)[number];
  const service = await import("../services/assessment-service.ts");
  const { bulletinText, reviewText } = await import("../reports/assessment-text.ts");
  const { bulletinWorkbook, reviewWorkbook } = await import("../reports/assessment-xlsx.ts");
  const json = (r: object) => JSON.stringify({ schema: REPORT_JSON_SCHEMA, ...r }, null, 2);
  if (kind === "review") {
    if (opts.week || opts.quarter) throw new UsageError("年考核按年度出具，请用 --year，例如：dispatch report review --year 2026");
    const r = await withDb((db) => service.buildAnnualReviewReport(db, { year: opts.year, now, asOf: opts.asOf }));
    return format === "json" ? json(r) : format === "xlsx" ? reviewWorkbook(r) : reviewText(r);
  }
  if (opts.week || opts.year) throw new UsageError("季通报按季度出具，请用 --quarter，例如：dispatch report bulletin --quarter 2026-Q3");
  const r = await withDb((db) => service.buildQuarterlyBulletin(db, { quarter: opts.quarter, now, asOf: opts.asOf }));
  return format === "json" ? json(r) : format === "xlsx" ? bulletinWorkbook(r) : bulletinText(r);
}

export function registerReport(program: Command, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>, now: () => Date) {
  program
    .command("report")
    .description("打印报表 / print a report: weekly（周调度）| stalled（滞后清单）| ranking（排名）| unstarted（签约未开工）| leaders（领导包联）| blockers（要素保障问题清单）| bulletin（季通报）| review（年考核）")
    .argument("<kind>", "weekly | stalled | ranking | unstarted | leaders | blockers | bulletin | review")
    .option("--by <by>", "排名对象 group（工作组）| unit（责任单位）；blockers 按 kind（类别）| unit（责任单位）")
    .option("--week <week>", "ISO 周，例如 2026-W47（默认：上一个完整周）")
    .option("--quarter <quarter>", "季度，例如 2026-Q3")
    .option("--year <year>", "年度，例如 2026")
    .option("--as-of <date>", "按某日的已知数据计算，YYYY-MM-DD")
    .option("--format <format>", "text | json | xlsx", "text")
    .option("--out <file>", "写入文件而不是屏幕")
    .action(async (kind: string, opts: ReportOptions) => {
      if (!KINDS.includes(kind as never)) throw new UsageError(`报表类型“${kind}”无法识别，请写 weekly、stalled、ranking、unstarted、leaders、blockers、bulletin 或 review，例如：dispatch report weekly`);
      if (!FORMATS.includes(opts.format as never)) throw new UsageError(`--format “${opts.format}” 无法识别，请写 text、json 或 xlsx`);
      if (kind === "blockers") {
        const { blockersReportOutput } = await import("./meeting-commands.ts");
        return writeOutput(await withDb((db) => blockersReportOutput(db, now(), opts.by ?? "kind", opts.format)), opts.out);
      }
      if (kind === "bulletin" || kind === "review") return writeOutput(await assessmentOutput(kind, withDb, opts, now()), opts.out);
      opts.by ??= "group";
      if (opts.by !== "group" && opts.by !== "unit") throw new UsageError(`--by “${opts.by}” 无法识别，请写 group（工作组）或 unit（责任单位）`);
      if (kind === "unstarted" || kind === "leaders") {
        if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new UsageError(`--as-of “${opts.asOf}” 无法识别，请写 YYYY-MM-DD，例如 --as-of 2026-11-30`);
        const { renderAccountability } = await import("./accountability-commands.ts");
        return writeOutput(await renderAccountability(kind, withDb, { now: now(), asOf: opts.asOf }, opts.format as (typeof FORMATS)[number]), opts.out);
      }
      const { buildReport } = await import("../services/report-service.ts");
      const report = await withDb((db) =>
        buildReport(db, { kind: kind as Report["kind"], by: opts.by as "group" | "unit", week: opts.week, quarter: opts.quarter, year: opts.year, asOf: opts.asOf, now: now() }),
      );
      await writeOutput(await renderReport(report, opts.format as (typeof FORMATS)[number]), opts.out);
    });
}
