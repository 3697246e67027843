import type { Command } from "commander";
import { loadDemo } from "../demo/load-demo.ts";
import { toLocalDate } from "../domain/local-day.ts";
import { weeklyText } from "../reports/render-text.ts";
import { buildReport } from "../services/report-service.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";
import { UsageError } from "./output.ts";

export function registerDemo(program: Command, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>, now: () => Date) {
  program
    .command("demo")
    .description("载入演示区县（种子文件 003 的 12 个工作组、6 个园区、16 个部门及生成的项目）并打印本周调度 / load the demo district and print this week's summary")
    .action(async () => {
      await withDb(async (db) => {
        const projects = await db.project.count();
        if (projects === 0) {
          const rules = await loadRules(db);
          process.stderr.write("正在载入演示数据……\n");
          const r = await loadDemo(db, toLocalDate(now(), rules.timeZone));
          process.stderr.write(`已载入：${r.groups} 个工作组，${r.units} 个责任单位，${r.projects} 个项目，${r.funds} 笔到位资金。\n\n`);
        } else if (!(await db.update.findFirst({ where: { source: "DEMO" } }))) {
          throw new UsageError(`数据库中已有 ${projects} 个项目（非演示数据），未载入演示数据。请换一个数据库，例如：DATABASE_URL=file:./data/demo.db npx dispatch demo`);
        } else {
          process.stderr.write("演示数据已在数据库中，直接生成报表。\n\n");
        }
        const report = await buildReport(db, { kind: "weekly", now: now() });
        if (report.kind === "weekly") process.stdout.write(`${weeklyText(report)}\n`);
      });
    });
}
