import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate, type Size } from "./generate.ts";
import { benchSlashAcks } from "./slash-acks.ts";

// `npm run bench`: report time and peak memory on synthetic districts, next to
// a bare SQL scan of the same rows (the floor). Numbers and ratios are printed;
// nothing here fails on a threshold (targets are in the README).

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, ".bench");
const TODAY = "2026-11-23";
const NOW = "2026-11-23T01:00:00Z";
const SIZES: Size[] = [
  { projects: 10_000, updates: 200_000, funds: 50_000 },
  ...(process.env.BENCH_QUICK ? [] : [{ projects: 100_000, updates: 2_000_000, funds: 500_000 }]),
];
const RUNS = 3;

function run(script: string, args: string[]): { ms: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", script), ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

mkdirSync(DIR, { recursive: true });
const rows: string[][] = [];
const postRows: string[][] = [];
for (const size of SIZES) {
  const file = join(DIR, `bench-${size.projects}.db`);
  if (!existsSync(file)) {
    const t0 = Date.now();
    process.stderr.write(`生成数据 ${size.projects} 个项目、${size.updates} 条进展、${size.funds} 笔到位资金……\n`);
    await generate(file, size, TODAY);
    process.stderr.write(`  用时 ${((Date.now() - t0) / 1000).toFixed(1)} s，${(statSync(file).size / 1e6).toFixed(0)} MB\n`);
  }
  const scan = Array.from({ length: RUNS }, () => run("bare-scan.ts", [file]));
  const scanMs = median(scan.map((s) => s.ms));
  const post = Array.from({ length: RUNS }, () => run("weekly-post-worker.ts", [file]));
  const postMs = median(post.map((r) => r.ms));
  postRows.push([String(size.projects), "weekly summary built + posted (charts, xlsx)", (postMs / 1000).toFixed(2), Math.max(...post.map((r) => r.maxRssMb)).toFixed(0)]);
  for (const kind of ["weekly", "ranking"]) {
    const results = Array.from({ length: RUNS }, () => run("report-worker.ts", [`file:${file}`, kind, NOW]));
    const ms = median(results.map((r) => r.ms));
    const rss = Math.max(...results.map((r) => r.maxRssMb));
    rows.push([String(size.projects), `report ${kind}`, (ms / 1000).toFixed(2), rss.toFixed(0), (scanMs / 1000).toFixed(2), (ms / scanMs).toFixed(2)]);
  }
}

const head = ["projects", "what", "time s", "peak RSS MB", "bare scan s", "ratio"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join("  ");
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log("targets at 10,000 projects: time < 2 s, peak RSS < 300 MB, ratio < 3 (median of 3 runs, 2-core machine)");
console.log("");
for (const r of postRows) console.log(`${r[0].padStart(8)}  ${r[1]}: ${r[2]} s, peak RSS ${r[3]} MB`);

const acks = await benchSlashAcks();
console.log("");
console.log(`slash command acknowledgement, 500 signed requests at concurrency 20 (ms)`);
const aw = [24, 10, 10];
console.log(["what", "p50 ms", "p99 ms"].map((c, i) => c.padStart(aw[i])).join("  "));
for (const r of acks) console.log(r.map((c, i) => c.padStart(aw[i])).join("  "));
console.log("targets: p99 well under Slack's 3 s; p50 ratio to bare Bolt at most 2");

// The 200,000-row ledger import: its own file (bench/import-bench.ts).
console.log(`\n${await (await import("./import-bench.ts")).benchImport()}`);
process.exit(0);
