import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { captureStatements } from "./capture.ts";
import { cliColdStarts, idleRssMb } from "./cli-and-idle.ts";
import { generate, type Size } from "./generate.ts";
import { loadPostgres } from "./load-postgres.ts";
import { benchSlashAcks } from "./slash-acks.ts";
import { openStore } from "../src/store/client.ts";

// `npm run bench [-- --json FILE]`: each report in a fresh process, alternated
// with its floor (the same statements replayed by the bare driver in a plain
// node process), medians of RUNS; the weekly post with charts and workbook;
// slash-command acknowledgements while a large post is built; CLI cold starts
// and the bot's idle memory. Numbers and ratios only: nothing fails on a
// target (they are in README). BENCH_QUICK=1 skips the 100,000 size.

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, ".bench");
const TODAY = "2026-11-23";
const NOW = "2026-11-23T01:00:00Z";
const RUNS = Number(process.env.BENCH_RUNS) || 5;
const PG_ADMIN = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const SIZES: Size[] = [
  { projects: 10_000, updates: 200_000, funds: 50_000 },
  ...(process.env.BENCH_QUICK ? [] : [{ projects: 100_000, updates: 2_000_000, funds: 500_000 }]),
];
const jsonOut = process.argv.includes("--json") ? process.argv[process.argv.indexOf("--json") + 1] : undefined;

type Sample = { ms: number; cpuMs: number; maxRssMb: number };
const say = (line: string) => process.stderr.write(`${line}\n`);

function node(args: string[]): Sample & Record<string, unknown> {
  const out = execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26, cwd: ROOT });
  return JSON.parse(out.trim().split("\n").pop()!);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

say("编译 dist/ ……");
execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
mkdirSync(DIR, { recursive: true });

interface ReportFigures {
  store: string;
  projects: number;
  report: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  floorSeconds: number;
  floorCpuSeconds: number;
  floorPeakRssMb: number;
  ratioToFloor: number;
}
const reports: ReportFigures[] = [];
const posts: Array<{ store: string; projects: number; seconds: number; cpuSeconds: number; peakRssMb: number }> = [];
let largest = "";

const targets: Array<{ store: string; size: Size; url: string }> = [];
for (const size of SIZES) {
  const file = join(DIR, `bench-${size.projects}.db`);
  if (!existsSync(file)) {
    const t0 = Date.now();
    say(`生成数据 ${size.projects} 个项目、${size.updates} 条进展、${size.funds} 笔到位资金……`);
    await generate(file, size, TODAY);
    say(`  用时 ${((Date.now() - t0) / 1000).toFixed(1)} s，${(statSync(file).size / 1e6).toFixed(0)} MB`);
  }
  await (await openStore(`file:${file}`)).close(); // migrations (indexes) before measuring
  targets.push({ store: "sqlite", size, url: `file:${file}` });
  largest = `file:${file}`;
}
if (!process.env.BENCH_NO_PG) {
  say("载入 PostgreSQL（10,000 个项目）……");
  targets.push({ store: "postgres", size: SIZES[0], url: await loadPostgres(join(DIR, "bench-10000.db"), PG_ADMIN, "dispatch_bench_10000") });
}

for (const t of targets) {
  for (const kind of ["weekly", "ranking"] as const) {
    const statements = join(DIR, `statements-${t.store}-${t.size.projects}-${kind}.json`);
    writeFileSync(statements, JSON.stringify(await captureStatements(t.url, kind, new Date(NOW))));
    const report: Sample[] = [];
    const floor: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      report.push(node([join(ROOT, "bench", "report-worker.mjs"), t.url, kind, NOW]));
      floor.push(node([join(ROOT, "bench", "floor.mjs"), t.url, statements]));
    }
    const seconds = median(report.map((r) => r.ms)) / 1000;
    const floorSeconds = median(floor.map((r) => r.ms)) / 1000;
    reports.push({
      store: t.store,
      projects: t.size.projects,
      report: kind,
      seconds: round(seconds),
      cpuSeconds: round(median(report.map((r) => r.cpuMs)) / 1000),
      peakRssMb: Math.round(Math.max(...report.map((r) => r.maxRssMb))),
      floorSeconds: round(floorSeconds),
      floorCpuSeconds: round(median(floor.map((r) => r.cpuMs)) / 1000),
      floorPeakRssMb: Math.round(Math.max(...floor.map((r) => r.maxRssMb))),
      ratioToFloor: round(seconds / floorSeconds),
    });
    say(`  ${t.store} ${t.size.projects} report ${kind}: ${JSON.stringify(reports.at(-1))}`);
  }
  const post = Array.from({ length: RUNS }, () => node([join(ROOT, "bench", "weekly-post-worker.mjs"), t.url]));
  posts.push({
    store: t.store,
    projects: t.size.projects,
    seconds: round(median(post.map((r) => r.ms)) / 1000),
    cpuSeconds: round(median(post.map((r) => r.cpuMs)) / 1000),
    peakRssMb: Math.round(Math.max(...post.map((r) => r.maxRssMb))),
  });
  say(`  ${t.store} ${t.size.projects} weekly post: ${JSON.stringify(posts.at(-1))}`);
}

say("周调度推送期间的斜杠命令应答……");
const acks = node([join(ROOT, "bench", "acks-during-post.mjs"), largest]) as unknown as { during: { p50: number; p99: number; n: number }; idle: { p50: number; p99: number; n: number }; postMs: number };
say("10,000 个项目的逾期提醒，按 Slack 的频率推送到各工作组频道……");
const pings = node([join(ROOT, "bench", "pings-post-worker.mjs"), `file:${join(DIR, "bench-10000.db")}`]) as unknown as { ms: number; messages: number; rateLimited: number; duplicates: number; channels: number };
if (pings.duplicates !== 0) say(`  ！逾期提醒出现 ${pings.duplicates} 条重复消息`);
say("命令行冷启动与空闲内存……");
const cli = cliColdStarts(RUNS);
const idle = await idleRssMb();
say("斜杠命令应答（500 次，并发 20）……");
const slash = await benchSlashAcks();

const figures = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${(await import("node:os")).cpus().length} CPU, Node ${process.version}`,
  loadAverage: round((await import("node:os")).loadavg()[1], 1),
  runs: RUNS,
  reports,
  weeklyPost: posts,
  ackP99DuringPostMs: round(acks.during.p99, 0),
  ackP50DuringPostMs: round(acks.during.p50, 0),
  ackP99IdleMs: round(acks.idle.p99, 0),
  acksDuringPost: acks.during.n,
  ackPostProjects: largest.includes("100000") ? 100_000 : 10_000,
  cliColdStartSeconds: { help: round(median(cli.help)), reportWeeklyDemo: round(median(cli.weekly)), bareNode: round(median(cli.node)) },
  idleRssMb: Math.round(idle),
  slashAcks: slash,
  pingsPost: { projects: 10_000, seconds: round(pings.ms / 1000, 1), messages: pings.messages, channels: pings.channels, rateLimited: pings.rateLimited, duplicates: pings.duplicates },
};
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(figures, null, 2)}\n`);
const { benchTable } = await import("./readme-table.ts");
console.log(benchTable(figures));

// The 200,000-row ledger import: its own file (bench/import-bench.ts).
console.log(`\n${await (await import("./import-bench.ts")).benchImport()}`);
process.exit(0);
