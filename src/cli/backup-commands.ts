import { existsSync } from "node:fs";
import type { Command } from "commander";
import { writeBackup } from "../store/backup.ts";
import { databaseTarget } from "../store/database-target.ts";
import { restoreBackup } from "../store/restore.ts";
import { UsageError } from "./output.ts";

// `dispatch backup` / `dispatch restore`: every table in one provider-neutral
// file, and back into an empty store (SQLite or PostgreSQL, either way).

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

export function registerBackup(program: Command, now: () => Date) {
  program
    .command("backup")
    .description("备份全部数据（项目、进展历史、到位资金、督办、设置、定时任务记录……每一张表）到一个文件 / back up every table into one file")
    .requiredOption("--out <file>", "输出文件，例如 backup-2026-11-23.jsonl.gz（以 .gz 结尾则压缩）")
    .action(async (opts: { out: string }) => {
      const summary = await writeBackup(databaseTarget(), opts.out, now());
      process.stderr.write(`已备份到 ${opts.out}：${Object.keys(summary.rows).length} 张表，共 ${total(summary.rows)} 行，结构版本 ${summary.schemaVersion}。\n`);
    });

  program
    .command("restore")
    .description("把备份恢复到一个空数据库（DATABASE_URL 所指；SQLite 与 PostgreSQL 可互相恢复）/ restore a backup into an empty store")
    .argument("<file>", "dispatch backup 生成的文件")
    .action(async (file: string) => {
      if (!existsSync(file)) throw new UsageError(`找不到备份文件 ${file}。备份文件由 dispatch backup --out 文件名 生成。`);
      const summary = await restoreBackup(databaseTarget(), file);
      process.stderr.write(`已恢复：${Object.keys(summary.rows).length} 张表，共 ${total(summary.rows)} 行（备份的结构版本 ${summary.schemaVersion}）。\n`);
    });
}
