import type { Command } from "commander";
import type { Db } from "../store/client.ts";
import { UsageError, writeOutput } from "./output.ts";
import { REPORT_JSON_SCHEMA } from "./report-command.ts";

// `dispatch report unstarted|leaders` and `dispatch supervision list`: the
// 签约未开工 list, the 领导包联 report and the 督办 list, as text, JSON or a workbook.

type WithDb = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
type Format = "text" | "json" | "xlsx";
const FORMATS = ["text", "json", "xlsx"] as const;
const json = (r: object) => JSON.stringify({ schema: REPORT_JSON_SCHEMA, ...r }, null, 2);

export async function renderAccountability(kind: "unstarted" | "leaders", withDb: WithDb, req: { now: Date; asOf?: string }, format: Format) {
  const xlsx = () => import("../reports/render-xlsx-accountability.ts");
  if (kind === "unstarted") {
    const { buildUnstartedReport } = await import("../services/unstarted-service.ts");
    const r = await withDb((db) => buildUnstartedReport(db, req));
    if (format === "json") return json(r);
    if (format === "xlsx") return (await xlsx()).unstartedWorkbook(r);
    return (await import("../reports/unstarted-report.ts")).unstartedText(r);
  }
  const { buildLeaders } = await import("../services/leaders-service.ts");
  const r = await withDb((db) => buildLeaders(db, req));
  if (format === "json") return json(r);
  if (format === "xlsx") return (await xlsx()).leadersWorkbook(r);
  return (await import("../reports/leaders-report.ts")).leadersText(r);
}

export function registerSupervision(program: Command, withDb: WithDb, now: () => Date) {
  const sup = program.command("supervision").description("督办事项 / supervision items (挂牌督办 → 销号)");
  sup
    .command("supervisors")
    .description("督办员名单（Slack 用户 ID；管理员也是督办员）/ show or set the 督办员")
    .option("--set <ids>", "逗号分隔的 Slack 用户 ID，例如 U04ABCDE12,U04ABCDE34")
    .action(async (opts: { set?: string }) => {
      const { readSetting, writeSetting } = await import("../store/settings.ts");
      if (opts.set !== undefined) {
        const ids = opts.set.split(/[,，\s]+/).filter(Boolean);
        const bad = ids.filter((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
        if (bad.length) throw new UsageError(`“${bad.join("、")}”不是 Slack 用户 ID：请写成 U04ABCDE12 这样的 ID（在 Slack 个人资料“更多 → 复制成员 ID”中获得）`);
        await withDb((db) => writeSetting(db, "supervisors", ids));
      }
      const ids = ((await withDb((db) => readSetting(db, "supervisors"))) as string[] | undefined) ?? [];
      await writeOutput(ids.length ? `督办员：${ids.join("、")}（另加 ADMIN_USER_IDS 中的管理员）` : "尚未设置督办员；ADMIN_USER_IDS 中的管理员可以挂牌督办、复核销号。", undefined);
    });
  sup
    .command("list")
    .description("列出督办事项 / list supervision items, with every step")
    .option("--status <status>", "open（办理中）| overdue（超期）| review（待复核）| closed（已销号）")
    .option("--as-of <date>", "按某日的状态列出，YYYY-MM-DD")
    .option("--format <format>", "text | json | xlsx", "text")
    .option("--out <file>", "写入文件而不是屏幕")
    .action(async (opts: { status?: string; asOf?: string; format: string; out?: string }) => {
      const { SUPERVISION_FILTERS } = await import("../reports/supervision-list.ts");
      if (opts.status !== undefined && !SUPERVISION_FILTERS.includes(opts.status as never)) throw new UsageError(`--status “${opts.status}” 无法识别，请写 open、overdue、review 或 closed，例如：dispatch supervision list --status overdue`);
      if (!FORMATS.includes(opts.format as never)) throw new UsageError(`--format “${opts.format}” 无法识别，请写 text、json 或 xlsx`);
      if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new UsageError(`--as-of “${opts.asOf}” 无法识别，请写 YYYY-MM-DD，例如 --as-of 2026-11-30`);
      const { buildSupervisionReport } = await import("../services/supervision-report-service.ts");
      const r = await withDb((db) => buildSupervisionReport(db, { now: now(), asOf: opts.asOf, status: (opts.status as never) ?? null }));
      const out =
        opts.format === "json" ? json(r) : opts.format === "xlsx" ? (await import("../reports/render-xlsx-accountability.ts")).supervisionWorkbook(r) : (await import("../reports/supervision-list.ts")).supervisionText(r);
      await writeOutput(out, opts.out);
    });
}
