import { writeFileSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { LedgerValidationError, exportLedger, importLedger } from "../../src/ledger/index.ts";
import { listFunds } from "../../src/store/funds.ts";
import { listProjects } from "../../src/store/projects.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { seedLedgerStore } from "../fixtures/ledger.ts";
import { readXlsx, table, tempDir } from "./helpers.ts";

// CSV: one table per file, recognised by its header row; UTF-8 with or
// without BOM; rows numbered as Excel shows them when it opens the file.

const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES };
let source: TestStore;
let target: TestStore;
const tmp = tempDir();

beforeAll(async () => {
  [source, target] = await Promise.all([createTestStore(), createTestStore()]);
  await seedLedgerStore(source.db);
});
afterAll(async () => {
  await Promise.all([source.destroy(), target.destroy()]);
  tmp.remove();
});

/** A sheet of an exported workbook as CSV text, dates written the way people type them. */
function toCsv(rows: unknown[][], opts: { bom?: boolean; windows?: boolean } = {}): string {
  const cells = rows.map((r) => r.map((v) => (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v) ? v.slice(0, 10).replace(/-/g, "/") : v ?? "")));
  return stringify(cells, { bom: opts.bom, record_delimiter: opts.windows ? "windows" : "unix" });
}

async function problemsOf(file: string) {
  const error = await importLedger(target.db, file, opts).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LedgerValidationError);
  return (error as LedgerValidationError).problems;
}

describe("CSV import", () => {
  it("recognises each table by its header and imports them one file at a time", async () => {
    const xlsx = tmp.file("all.xlsx");
    await exportLedger(source.db, xlsx, DEFAULT_RULES);
    const sheets = await readXlsx(xlsx);
    // Order of files does not matter for detection; the directory goes first because projects refer to it.
    const files = [
      ["units.csv", toCsv(sheets["工作组与单位"]!)],
      ["projects.csv", toCsv(sheets["项目"]!, { bom: true, windows: true })],
      ["funds.csv", toCsv(sheets["到位资金"]!, { bom: true })],
    ] as const;
    const results = [];
    for (const [name, text] of files) {
      writeFileSync(tmp.file(name), text);
      results.push(await importLedger(target.db, tmp.file(name), opts));
    }
    expect(results.map((r) => [r.groups, r.units, r.targets, r.projectsCreated, r.fundsAdded])).toEqual([
      [2, 5, 4, 0, 0],
      [0, 0, 0, 10, 0],
      [0, 0, 0, 0, 4],
    ]);
    const strip = (ps: Awaited<ReturnType<typeof listProjects>>) => ps.map(({ version: _v, ...p }) => p);
    expect(strip(await listProjects(target.db))).toEqual(strip(await listProjects(source.db)));
    const funds = (fs: Awaited<ReturnType<typeof listFunds>>) => fs.map(({ id: _i, ...f }) => f);
    expect(funds(await listFunds(target.db))).toEqual(funds(await listFunds(source.db)));

    // The same project CSV again: nothing changes.
    expect(await importLedger(target.db, tmp.file("projects.csv"), opts)).toMatchObject({ projectsCreated: 0, projectsUpdated: 0, projectsUnchanged: 10 });
  });

  it("numbers rows as Excel does, even after a cell with a line break", async () => {
    const base = { investor: "某公司", origin: "市外", sector: "工业", stage: "线索" };
    const rows = table("projects", [
      { ...base, name: "甲", nextStep: "第一步\n第二步" },
      { ...base, name: "乙", origin: "外省" },
    ]);
    writeFileSync(tmp.file("bad.csv"), toCsv(rows));
    expect(await problemsOf(tmp.file("bad.csv"))).toEqual([
      { sheet: "项目", row: 3, column: "项目来源", reason: expect.stringContaining("“外省”无法识别") },
    ]);
  });

  it("refuses a file that is not UTF-8 or whose header matches no table", async () => {
    const gbk = Buffer.concat([Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6]), Buffer.from("\n1\n")]); // 项目名称 in GBK
    writeFileSync(tmp.file("gbk.csv"), gbk);
    const [encoding] = await problemsOf(tmp.file("gbk.csv"));
    expect(encoding!.reason).toContain("CSV UTF-8");

    writeFileSync(tmp.file("other.csv"), "姓名,电话\n张三,123\n");
    const [unknown] = await problemsOf(tmp.file("other.csv"));
    expect(unknown).toMatchObject({ sheet: "other.csv", row: 1, reason: expect.stringContaining("无法从第 1 行列名判断") });
  });
});
