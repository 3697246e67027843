import { Command, CommanderError } from "commander";
import { openStore, type Db } from "../store/client.ts";
import { registerBackup } from "./backup-commands.ts";
import { registerDemo } from "./demo-command.ts";
import { registerDoctor } from "./doctor-command.ts";
import { registerJobs } from "./jobs-command.ts";
import { registerLedger } from "./ledger-commands.ts";
import { registerMeeting } from "./meeting-commands.ts";
import { registerReport } from "./report-command.ts";
import { registerSupervision } from "./accountability-commands.ts";
import { registerSettings } from "./settings-command.ts";
import { UsageError } from "./output.ts";
import { PeriodError } from "../reports/report-period.ts";
import { usageExitCode, usageMessage } from "./usage-errors.ts";

/** "dispatch jobs run" for `dispatch jobs run --x`: the known command words typed, for "--help" hints. */
function commandPath(args: string[]): string {
  const words = ["dispatch"];
  let cmd: Command | undefined = program;
  for (const a of args) {
    const sub: Command | undefined = cmd?.commands.find((c) => c.name() === a);
    if (!sub) break;
    words.push(a);
    cmd = sub;
  }
  return words.join(" ");
}

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
  .exitOverride()
  // Commander's English errors are replaced by usageMessage below; its help text still prints.
  .configureOutput({ outputError: () => undefined });

registerDemo(program, withDb, now);
registerReport(program, withDb, now);
registerSupervision(program, withDb, now);
registerLedger(program, withDb, now);
registerSettings(program, withDb);
registerJobs(program, withDb, now);
registerBackup(program, now);
registerMeeting(program, withDb, now);
registerDoctor(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    const message = usageMessage(e, commandPath(process.argv.slice(2)));
    if (message) process.stderr.write(`错误：${message}\n`);
    process.exit(usageExitCode(e));
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`错误：${message}\n`);
  if (process.env.DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(e instanceof UsageError || e instanceof PeriodError ? 2 : 1);
}
