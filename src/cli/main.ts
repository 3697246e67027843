import { Command, CommanderError } from "commander";
import { openStore, type Db } from "../store/client.ts";
import { registerBackup } from "./backup-commands.ts";
import { registerDemo } from "./demo-command.ts";
import { registerJobs } from "./jobs-command.ts";
import { registerLedger } from "./ledger-commands.ts";
import { registerReport } from "./report-command.ts";
import { registerSupervision } from "./accountability-commands.ts";
import { registerSettings } from "./settings-command.ts";
import { UsageError } from "./output.ts";
import { PeriodError } from "../reports/report-period.ts";

// `dispatch`: the operator's command line. Each command opens the store named
// by DATABASE_URL (SQLite under data/ by default), does one thing, and exits.

/** The present; DISPATCH_NOW (an ISO instant) lets an operator preview another day. */
function now(): Date {
  const fixed = process.env.DISPATCH_NOW;
  if (!fixed) return new Date();
  const d = new Date(fixed);
  if (Number.isNaN(d.getTime())) throw new UsageError(`DISPATCH_NOW “${fixed}” 不是有效时间，请写成 2026-11-23T09:00:00+08:00`);
  return d;
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const store = await openStore(undefined, { allowExitOnIdle: true });
  try {
    return await fn(store.db);
  } finally {
    await store.close();
  }
}

const program = new Command()
  .name("dispatch")
  .description("招商调度：台账导入导出、周调度报表、演示数据 / investment-promotion dispatch: ledger, reports, demo")
  .showHelpAfterError("（用 dispatch --help 查看全部命令）")
  .exitOverride();

registerDemo(program, withDb, now);
registerReport(program, withDb, now);
registerSupervision(program, withDb, now);
registerLedger(program, withDb, now);
registerSettings(program, withDb);
registerJobs(program, withDb, now);
registerBackup(program, now);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`错误：${message}\n`);
  if (process.env.DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(e instanceof UsageError || e instanceof PeriodError ? 2 : 1);
}
