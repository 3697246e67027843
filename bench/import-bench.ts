import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeBenchLedger } from "./import-ledger.ts";

// The 200,000-row ledger import (issue #14): one .xlsx of 200,000 project
// rows and 50,000 fund rows into an empty SQLite store, in a fresh process,
// then the same file again (nothing changes). Prints wall time, CPU time,
// peak RSS and the write phase: the only time SQLite's write lock is held.
// Targets: under 60 s and 600 MB; the lock held a few seconds.
// `npm run bench:import` runs this alone; `npm run bench` runs it last.

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, ".bench");
const SIZE = { projects: 200_000, funds: 50_000 };

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  phases: Record<string, number>;
}

function importOnce(db: string, ledger: string): Run {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "import-worker.ts"), `file:${db}`, ledger], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!);
}

export async function benchImport(): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const ledger = join(DIR, `ledger-${SIZE.projects}.xlsx`);
  if (!existsSync(ledger)) {
    process.stderr.write(`生成台账 ${SIZE.projects} 个项目、${SIZE.funds} 笔到位资金……\n`);
    await writeBenchLedger(ledger, SIZE);
  }
  const db = join(DIR, "import-bench.db");
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const first = importOnce(db, ledger);
  const again = importOnce(db, ledger);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const line = (what: string, r: Run) =>
    `${what.padEnd(28)}${s(r.ms).padStart(8)}${s(r.cpuMs).padStart(8)}${r.maxRssMb.toFixed(0).padStart(8)}${s(r.phases.write ?? 0).padStart(10)}   ` +
    `read ${s(r.phases.read ?? 0)} · validate ${s(r.phases.validate ?? 0)} · plan ${s(r.phases.plan ?? 0)}`;
  return [
    `ledger import, ${SIZE.projects.toLocaleString("en")} project rows + ${SIZE.funds.toLocaleString("en")} fund rows (.xlsx), SQLite`,
    `${"".padEnd(28)}${"time s".padStart(8)}${"cpu s".padStart(8)}${"RSS MB".padStart(8)}${"write s".padStart(10)}`,
    line("into an empty store", first),
    line("the same file again", again),
    "targets: time < 60 s, peak RSS < 600 MB; write (SQLite's write lock held) a few seconds",
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchImport());
}
