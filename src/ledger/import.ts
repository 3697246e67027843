import type { Rules } from "../domain/rules.ts";
import type { Db } from "../store/client.ts";
import type { Actor } from "../store/projects.ts";
import { LedgerValidationError, type LedgerProblem } from "./problems.ts";
import { readLedgerFile } from "./read-file.ts";
import { validateLedger } from "./validate.ts";
import { writeLedger, type ImportResult } from "./write-ledger.ts";

// Loading the operator's ledger (台账): all or nothing. The whole file is
// validated first; with any problem nothing is written and every problem is
// returned at once. Otherwise everything is written in one transaction, long
// enough for a district's whole ledger.

export interface ImportOptions {
  /** Who runs the import; history rows are written with source "IMPORT" whatever actor.source says. */
  actor: Actor;
  /** Rows written so far out of all rows to write (the CLI draws a progress bar for big files). */
  onProgress?: (done: number, total: number) => void;
  now?: Date;
  rules: Rules;
}

export type { ImportResult };

const TRANSACTION = { timeout: 600_000, maxWait: 60_000 };

/** Validates and imports an .xlsx ledger or a .csv of one of its tables; throws LedgerValidationError with every problem. */
export async function importLedger(db: Db, filePath: string, opts: ImportOptions): Promise<ImportResult> {
  const raw = await readLedgerFile(filePath);
  const { ledger, problems } = await validateLedger(db, raw);
  if (problems.length) throw new LedgerValidationError(problems);
  const ctx = {
    actor: { author: opts.actor.author, source: "IMPORT" as const },
    now: opts.now ?? new Date(),
    timeZone: opts.rules.timeZone,
    onProgress: opts.onProgress,
  };
  return db.$transaction((tx) => writeLedger(tx, ledger, ctx), TRANSACTION);
}

/** Only the checks of importLedger, for a dry run: the problems, empty when the file would import. */
export async function checkLedger(db: Db, filePath: string): Promise<LedgerProblem[]> {
  return (await validateLedger(db, await readLedgerFile(filePath))).problems;
}
