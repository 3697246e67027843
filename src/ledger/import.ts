import type { Rules } from "../domain/rules.ts";
import { storeTarget, type Db } from "../store/client.ts";
import { StaleImportError, applyImportBatch } from "../store/import-batch.ts";
import { readImportState, readProjects } from "../store/import-state.ts";
import type { Actor } from "../store/projects.ts";
import { planImport, type ImportResult, type PlanContext } from "./plan-import.ts";
import { LedgerValidationError, type LedgerProblem } from "./problems.ts";
import { readLedgerFile } from "./read-file.ts";
import { projectKey } from "./references.ts";
import { validateLedger } from "./validate.ts";

// Loading the operator's ledger (台账): all or nothing. The whole file is
// read, validated and compared with the store first, outside any
// transaction; with any problem nothing is written and every problem is
// returned at once. Then everything is written in one short transaction, so
// bot updates arriving meanwhile wait milliseconds, not minutes. If someone
// changed a project the import also changes while it was being prepared,
// nothing is written and the import is prepared again from the new state.

export interface ImportOptions {
  /** Who runs the import; history rows are written with source "IMPORT" whatever actor.source says. */
  actor: Actor;
  /** Rows compared so far out of all rows (the CLI draws a progress bar for big files). */
  onProgress?: (done: number, total: number) => void;
  now?: Date;
  rules: Rules;
}

export type { ImportResult };

const ATTEMPTS = 3;

/** Validates and imports an .xlsx ledger or a .csv of one of its tables; throws LedgerValidationError with every problem. */
export async function importLedger(db: Db, filePath: string, opts: ImportOptions): Promise<ImportResult> {
  const ctx = { actor: { author: opts.actor.author, source: "IMPORT" as const }, now: opts.now ?? new Date(), timeZone: opts.rules.timeZone, onProgress: opts.onProgress };
  for (let attempt = 1; ; attempt++) {
    // Each attempt reads the file again rather than keeping the parsed ledger
    // through the write: a 200,000-row ledger is then held once, not twice.
    const { batch, result } = await prepare(db, filePath, ctx);
    try {
      await applyImportBatch(storeTarget(db), batch);
      return result;
    } catch (e) {
      if (!(e instanceof StaleImportError)) throw e;
      if (attempt === ATTEMPTS)
        throw new Error(`${e.message}导入期间台账中的项目接连被他人修改，已重试 ${ATTEMPTS} 次，未写入任何数据：请稍后重新导入（重复导入不会重复记录）。`);
    }
  }
}

async function prepare(db: Db, filePath: string, ctx: PlanContext) {
  const { ledger, problems } = await validateLedger(db, await readLedgerFile(filePath));
  if (problems.length) throw new LedgerValidationError(problems);
  return planImport(ledger, await readImportState(db, projectKey), ctx, (ids) => readProjects(db, ids));
}

/** Only the checks of importLedger, for a dry run: the problems, empty when the file would import. */
export async function checkLedger(db: Db, filePath: string): Promise<LedgerProblem[]> {
  return (await validateLedger(db, await readLedgerFile(filePath))).problems;
}
