import { performance } from "node:perf_hooks";
import { DEFAULT_RULES } from "../src/domain/rules.ts";
import { planImport } from "../src/ledger/plan-import.ts";
import { LedgerValidationError } from "../src/ledger/problems.ts";
import { readLedgerFile } from "../src/ledger/read-file.ts";
import { projectKey } from "../src/ledger/references.ts";
import { validateLedger } from "../src/ledger/validate.ts";
import { openStore } from "../src/store/client.ts";
import { applyImportBatch } from "../src/store/import-batch.ts";
import { readImportState, readProjects } from "../src/store/import-state.ts";

// One import in a fresh process, phase by phase as importLedger runs them,
// so the write phase (the only time SQLite's write lock is held) is timed on
// its own. Prints one JSON line: { ms, cpuMs, maxRssMb, phases: { read, validate, plan, write } }.
const [url, file] = process.argv.slice(2);
const store = await openStore(url);
const phases: Record<string, number> = {};
const timed = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const out = await fn();
  phases[name] = Math.round(performance.now() - t);
  return out;
};
const t0 = performance.now();
const ctx = { actor: { author: "bench", source: "IMPORT" as const }, now: new Date("2026-11-23T01:00:00Z"), timeZone: DEFAULT_RULES.timeZone };
// As in importLedger: the file's rows and the parsed ledger are not kept once the batch is planned.
const prepare = async () => {
  const raw = await timed("read", () => readLedgerFile(file!));
  const { ledger, problems } = await timed("validate", () => validateLedger(store.db, raw));
  if (problems.length) throw new LedgerValidationError(problems);
  return timed("plan", async () => planImport(ledger, await readImportState(store.db, projectKey), ctx, (ids) => readProjects(store.db, ids)));
};
const { batch, result } = await prepare();
await timed("write", () => applyImportBatch(store.target, batch));
const ms = performance.now() - t0;
await store.close();
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, phases, result })}\n`);
