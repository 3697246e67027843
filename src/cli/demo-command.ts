import type { Command } from "commander";
import type { Db } from "../store/client.ts";
import { UsageError } from "./output.ts";

/** Loads the demo district if the store is empty and returns this week's summary as text. */
export async function demoSummary(db: Db, now: Date, log: (line: string) => void): Promise<string> {
  const { ensureDemo } = await import("../services/demo-service.ts");
  const { buildReport } = await import("../services/report-service.ts");
  const { weeklyText } = await import("../reports/render-text.ts");
  log("正在准备演示数据……");
  const state = await ensureDemo(db, now);
  if (state.status === "foreign")
    throw new UsageError(`数据库中已有 ${state.projects} 个项目（非演示数据），未载入演示数据。请换一个数据库，例如：DATABASE_URL=file:./data/demo.db npx dispatch demo`);
  if (state.status === "loaded") log(`已载入：${state.result.groups} 个工作组，${state.result.units} 个责任单位，${state.result.projects} 个项目，${state.result.funds} 笔到位资金。\n`);
  else log("演示数据已在数据库中，直接生成报表。\n");
  const report = await buildReport(db, { kind: "weekly", now });
  return report.kind === "weekly" ? weeklyText(report) : "";
}

export function registerDemo(program: Command, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>, now: () => Date) {
  program
    .command("demo")
    .description("载入演示区县（种子文件 003 的 12 个工作组、6 个园区、16 个部门及生成的项目）并打印本周调度 / load the demo district and print this week's summary")
    .action(async () => {
      const text = await withDb((db) => demoSummary(db, now(), (line) => process.stderr.write(`${line}\n`)));
      process.stdout.write(`${text}\n`);
    });
}
