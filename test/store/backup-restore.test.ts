import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemo } from "../../src/services/demo-service.ts";
import { buildReport, type ReportKind } from "../../src/services/report-service.ts";
import { saveJobsConfig } from "../../src/jobs/job-config.ts";
import { openStore, type Store } from "../../src/store/client.ts";
import { Prisma } from "../../src/store/generated/sqlite/client.ts";
import { claimJobRun, finishJobRun } from "../../src/store/job-runs.ts";
import { acknowledgePing, muteUntil, recordPing } from "../../src/store/pings.ts";
import { saveRulesOverride } from "../../src/store/settings.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";
import { dumpStore, fillEmptyTables, type StoreDump } from "../helpers/store-tables.ts";
import { databaseTarget } from "../../src/store/database-target.ts";
import { writeBackup } from "../../src/store/backup.ts";
import { restoreBackup } from "../../src/store/restore.ts";
import { StoreSchemaError } from "../../src/store/schema-version.ts";

// `dispatch backup` then `dispatch restore` into an empty store gives back
// every row of every table, ids included, and so the same reports for every
// week of the demo district's year. On the PostgreSQL suite the round trip
// also crosses providers both ways (PostgreSQL → SQLite → PostgreSQL), the
// path of a district moving from one to the other. The same-provider round
// trip runs the `dispatch` binary; the others call the store directly.

const BIN = resolve(import.meta.dirname, "../../bin/dispatch.js");
const NOW = new Date("2026-11-23T09:00:00+08:00");
const run = promisify(execFile);
let source: TestStore;
let dir: string;
let sourceDump: StoreDump;
let sourceReports: string[];
const cleanups: Array<() => Promise<void>> = [];

async function dispatch(url: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A fresh SQLite file's URL (not created yet: restore creates it). */
function sqliteUrl(name: string): string {
  return `file:${join(dir, `${name}.db`)}`;
}

/** An empty store of the suite's provider. */
async function emptyStore(): Promise<string> {
  const s = await createTestStore();
  await s.close();
  cleanups.push(() => s.destroy());
  return s.url;
}

/** weekly, stalled and the group ranking as JSON, as of the end of every week of 2026 up to NOW's week. */
/**
 * Weighted money is a sum of doubles, which SQLite and PostgreSQL add in
 * different orders: the last bits differ (3479.999999999999 vs 3480). Compared
 * to twelve significant digits, far below the 0.01 万元 any report shows.
 */
const sameOnEveryEngine = (_key: string, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v);

async function yearReports(db: Store["db"]): Promise<string[]> {
  const out: string[] = [];
  for (let w = 1; w <= 47; w++) {
    const week = `2026-W${String(w).padStart(2, "0")}`;
    const asks: Array<{ kind: ReportKind; by?: "group" | "unit" }> = [{ kind: "weekly" }, { kind: "stalled" }, { kind: "ranking", by: "group" }];
    for (const ask of asks) out.push(`${week} ${ask.kind} ${ask.by ?? ""} ${JSON.stringify(await buildReport(db, { ...ask, week, now: NOW }), sameOnEveryEngine)}`);
  }
  return out;
}

async function expectSameAsSource(url: string) {
  expect(await dumpStore(databaseTarget(url))).toEqual(sourceDump);
  const store = await openStore(url);
  try {
    const reports = await yearReports(store.db);
    for (let i = 0; i < reports.length; i++) expect(reports[i], sourceReports[i]!.slice(0, 30)).toBe(sourceReports[i]);
    // Sequences continue after the restored ids: new rows get new ids.
    const claim = await claimJobRun(store.db, "weekly_summary", "2099-W01", "after-restore", NOW, 60_000, false);
    expect(claim.claimed).toBe(true);
    expect(claim.run!.id).toBeGreaterThan(Math.max(...sourceDump.JobRun!.map((r) => Number(r[0]))));
    await store.db.jobRun.delete({ where: { id: claim.run!.id } }); // the store stays a copy of the source for the next step
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dispatch-backup-"));
  source = await createTestStore();
  const db = source.db;
  await ensureDemo(db, NOW);
  await saveRulesOverride(db, { health: { redNoUpdateDays: 28 } });
  // The demo files its blockers under a kind (Project.blockerKind); one also names its own department.
  const withKind = await db.project.findFirstOrThrow({ where: { blockerKind: { not: null } }, orderBy: { id: "asc" } });
  await db.project.update({ where: { id: withKind.id }, data: { blockerUnit: "区发改委" } });
  await saveJobsConfig(db, { summaryChannel: "C0SUMMARY", overdue_pings: { time: "09:30" } });
  const claim = await claimJobRun(db, "weekly_summary", "2026-W47", "bot-1", NOW, 600_000, true);
  if (claim.claimed) await finishJobRun(db, claim.run.id, "bot-1", NOW);
  await recordPing(db, { groupId: 1, day: "2026-11-23", channelId: "C0G1", messageTs: "1732323600.000100", projectIds: [1, 2], escalated: false, at: NOW });
  await acknowledgePing(db, "C0G1", "1732323600.000100", "U0DEMO01", NOW);
  await muteUntil(db, "U0DEMO02", "2026-11-30");
  // Every table still empty gets a made-up row, so no table escapes the round trip.
  await fillEmptyTables(source.target);
  sourceDump = await dumpStore(source.target);
  sourceReports = await yearReports(db);
  await source.close();
}, 900_000); // the demo district and 141 reports; minutes on a busy machine

afterAll(async () => {
  for (const c of cleanups) await c();
  await source.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("the backup holds every model of the data model, and every table has rows to carry", async () => {
    const file = join(dir, "models.jsonl");
    await writeBackup(source.target, file);
    const header = JSON.parse(readFileSync(file, "utf8").split("\n")[0]!);
    expect(header.tables.map((t: { name: string }) => t.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const [table, rows] of Object.entries(sourceDump)) expect(rows.length, table).toBeGreaterThan(0);
    // The lifecycle's 拿地 milestone and 未来订单 links are columns the round trip carries, and the demo fills them.
    const project = header.tables.find((t: { name: string }) => t.name === "Project");
    const columns: string[] = project.columns.map((c: { name: string }) => c.name);
    for (const c of ["landAt", "followOnOfId", "followOnKind"]) {
      expect(columns, c).toContain(c);
      expect(sourceDump.Project!.filter((r) => r[columns.indexOf(c)] !== null).length, c).toBeGreaterThan(0);
    }
  });

  it("carries the blockers' kind and department columns, with values in them", async () => {
    const file = join(dir, "blockers.jsonl");
    await writeBackup(source.target, file);
    const lines = readFileSync(file, "utf8").split("\n");
    const columns: string[] = JSON.parse(lines.find((l) => l.startsWith('{"table":"Project"'))!).columns;
    const kind = columns.indexOf("blockerKind");
    const unit = columns.indexOf("blockerUnit");
    expect(kind).toBeGreaterThan(-1);
    expect(unit).toBeGreaterThan(-1);
    const rows = sourceDump.Project!;
    expect(rows.filter((r) => r[kind] !== null).map((r) => r[kind])).toEqual(expect.arrayContaining(["LAND"]));
    expect(rows.filter((r) => r[unit] === "区发改委")).toHaveLength(1);
  });

  it(`round-trips on ${usingPostgres ? "PostgreSQL" : "SQLite"}: every row, and every report of every week`, { timeout: 300_000 }, async () => {
    const file = join(dir, "same.jsonl.gz");
    const backup = await dispatch(source.url, "backup", "--out", file);
    expect(backup.stderr).toMatch(/已备份到 .*：\d+ 张表，共 \d+ 行，结构版本 \d+_\w+/);
    expect(JSON.parse(gunzipSync(readFileSync(file)).toString("utf8").split("\n")[0]!).format).toBe("zhaoshang-dispatch.backup");
    const target = await emptyStore();
    const restore = await dispatch(target, "restore", file);
    expect(restore.code, restore.stderr).toBe(0);
    await expectSameAsSource(target);
  });

  it.runIf(usingPostgres)("moves a district from PostgreSQL to SQLite and from SQLite to PostgreSQL", { timeout: 300_000 }, async () => {
    const toSqlite = sqliteUrl("moved");
    const first = join(dir, "from-pg.jsonl");
    await writeBackup(source.target, first);
    await restoreBackup(databaseTarget(toSqlite), first);
    await expectSameAsSource(toSqlite);

    const second = join(dir, "from-sqlite.jsonl");
    await writeBackup(databaseTarget(toSqlite), second);
    const toPg = await emptyStore();
    await restoreBackup(databaseTarget(toPg), second);
    await expectSameAsSource(toPg);
  });

  it("refuses a store that is not empty, a backup from a newer schema and a truncated file, writing nothing", { timeout: 120_000 }, async () => {
    const file = join(dir, "refusals.jsonl");
    await writeBackup(source.target, file);

    const notEmpty = await dispatch(source.url, "restore", file);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/目标数据库不是空的（.*Project \d+ 行.*），恢复只写入空数据库/);

    const lines = readFileSync(file, "utf8").split("\n");
    const header = JSON.parse(lines[0]!);
    const newer = join(dir, "newer.jsonl");
    writeFileSync(newer, [JSON.stringify({ ...header, schema: { version: "29990101000000_future", migrations: [...header.schema.migrations, "29990101000000_future"] } }), ...lines.slice(1)].join("\n"));
    const target = databaseTarget(sqliteUrl("refusals"));
    const refusedNewer = await restoreBackup(target, newer).catch((e: unknown) => e);
    expect(refusedNewer).toBeInstanceOf(StoreSchemaError);
    expect((refusedNewer as Error).message).toContain(`备份的结构版本 29990101000000_future 比本程序的版本 ${header.schema.version} 新`);

    // Cut inside the Update table: the rows before the cut were written in the transaction, then rolled back.
    const truncated = join(dir, "truncated.jsonl");
    writeFileSync(truncated, lines.slice(0, lines.length - 5).join("\n"));
    const refusedTruncated = await restoreBackup(target, truncated).catch((e: unknown) => e);
    expect((refusedTruncated as Error).message).toContain("备份文件不完整");
    const left = await dumpStore(target);
    expect(Object.values(left).every((rows) => rows.length === 0)).toBe(true);
  });
});
