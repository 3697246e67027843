import { existsSync } from "node:fs";
import type cliProgress from "cli-progress";
import Table from "cli-table3";
import type { Command } from "commander";
import type { LedgerProblem } from "../ledger/index.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";
import { UsageError } from "./output.ts";

// The ledger code (exceljs, csv-parse) is loaded by the command that uses it,
// so `dispatch --help` and the reports start without it.

/** Files with more rows than this get a progress bar. */
const PROGRESS_FROM_ROWS = 300;

function problemTable(problems: LedgerProblem[]): string {
  const t = new Table({ head: ["工作表", "行", "列", "问题"], style: { head: [], border: [], compact: true }, colWidths: [null, null, null, 70] as never, wordWrap: true });
  t.push(...problems.map((p) => [p.sheet, String(p.row), p.column || "—", p.reason]));
  return t.toString();
}

export function registerLedger(program: Command, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>, now: () => Date) {
  program
    .command("import")
    .description("导入台账（.xlsx 模板或其中一张表的 .csv），全部正确才写入 / import a ledger: all or nothing")
    .argument("<file>", "file.xlsx | file.csv")
    .action(async (file: string) => {
      if (!existsSync(file)) throw new UsageError(`找不到文件 ${file}。先用 dispatch export template --out 台账模板.xlsx 生成模板。`);
      if (!/\.(xlsx|csv)$/i.test(file)) throw new UsageError(`只能导入 .xlsx 或 .csv 文件，收到 ${file}`);
      let bar: cliProgress.SingleBar | undefined;
      // Loaded here, not at the top: every other command (and --help) starts without it.
      const progress = (await import("cli-progress")).default;
      const { importLedger, LedgerValidationError } = await import("../ledger/index.ts");
      try {
        const result = await withDb(async (db) =>
          importLedger(db, file, {
            actor: { author: process.env.USER ? `cli:${process.env.USER}` : "cli", source: "IMPORT" },
            rules: await loadRules(db),
            now: now(),
            onProgress(done, total) {
              if (total <= PROGRESS_FROM_ROWS) return;
              if (!bar) {
                bar = new progress.SingleBar({ format: "导入中 [{bar}] {value}/{total} 行 {percentage}%", stream: process.stderr }, progress.Presets.shades_classic);
                bar.start(total, 0);
              }
              bar.update(done);
            },
          }),
        );
        bar?.stop();
        process.stdout.write(
          `导入完成：新建项目 ${result.projectsCreated} 个，更新 ${result.projectsUpdated} 个，未变 ${result.projectsUnchanged} 个；` +
            `新增到位资金 ${result.fundsAdded} 笔；工作组 ${result.groups} 个，责任单位 ${result.units} 个，年度目标 ${result.targets} 条${result.leaders ? `，包联领导 ${result.leaders} 位` : ""}。\n`,
        );
      } catch (e) {
        bar?.stop();
        if (!(e instanceof LedgerValidationError)) throw e;
        process.stderr.write(`${problemTable(e.problems)}\n`);
        throw new Error(`台账有 ${e.problems.length} 处问题，未导入任何数据。请按上表逐项修改后重新导入。`);
      }
    });

  const exp = program.command("export").description("导出 / export: template（空白台账模板）| ledger（全部数据，可再导入）");
  exp
    .command("template")
    .description("生成空白台账模板（含说明和示例行）")
    .requiredOption("--out <file.xlsx>", "输出文件")
    .action(async (opts: { out: string }) => {
      const { writeTemplate } = await import("../ledger/index.ts");
      await writeTemplate(opts.out);
      process.stderr.write(`已写入 ${opts.out}\n`);
    });
  exp
    .command("ledger")
    .description("导出全部台账数据（项目、到位资金、工作组与单位、年度目标），可原样再导入")
    .requiredOption("--out <file.xlsx>", "输出文件")
    .action(async (opts: { out: string }) => {
      const { exportLedger } = await import("../ledger/index.ts");
      const counts = await withDb(async (db) => exportLedger(db, opts.out, await loadRules(db)));
      process.stderr.write(`已写入 ${opts.out}：项目 ${counts.projects} 个，到位资金 ${counts.funds} 笔，工作组 ${counts.groups} 个，责任单位 ${counts.units} 个，年度目标 ${counts.targets} 条。\n`);
    });
}
