import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { TABLES, TABLE_ORDER } from "../../src/ledger/columns.ts";
import { exportLedger, importLedger, writeTemplate } from "../../src/ledger/index.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { seedLedgerStore } from "../fixtures/ledger.ts";
import { readXlsx, storeCounts, tempDir } from "./helpers.ts";

const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES };
let empty: TestStore;
let seeded: TestStore;
const tmp = tempDir();

beforeAll(async () => {
  [empty, seeded] = await Promise.all([createTestStore(), createTestStore()]);
  await seedLedgerStore(seeded.db);
});
afterAll(async () => {
  await Promise.all([empty.destroy(), seeded.destroy()]);
  tmp.remove();
});

describe("ledger template", () => {
  it("has 说明 first, then each sheet with its headers and example rows marked 示例", async () => {
    const file = tmp.file("template.xlsx");
    await writeTemplate(file);
    const sheets = await readXlsx(file);
    expect(Object.keys(sheets)).toEqual(["说明", "项目", "到位资金", "工作组与单位"]);
    for (const id of TABLE_ORDER) {
      const [header, ...rows] = sheets[TABLES[id].sheet]!;
      expect(header).toEqual(TABLES[id].columns.map((c) => c.header));
      expect(rows.length).toBeGreaterThan(0);
      const nameCol = header!.indexOf(id === "directory" ? "名称*" : "项目名称*");
      for (const r of rows) expect(String(r[nameCol])).toMatch(/^示例/);
    }
    // Every column of every sheet is explained in 说明.
    const guide = sheets["说明"]!;
    expect(guide[0]).toEqual(["工作表", "列名", "填写要求", "说明", "示例"]);
    for (const id of TABLE_ORDER) {
      for (const c of TABLES[id].columns) {
        const line = guide.find((r) => r[0] === TABLES[id].sheet && r[1] === c.header);
        expect(line?.[3], `${TABLES[id].sheet} ${c.header}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("prints well: bold frozen header repeated on each page, widths set", async () => {
    const file = tmp.file("template.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("项目")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(20);
  });

  it("imports as a no-op: into an empty store and over existing data", async () => {
    const file = tmp.file("template.xlsx");
    const result = await importLedger(empty.db, file, opts);
    expect(result).toEqual({ leaders: 0, projectsCreated: 0, projectsUpdated: 0, projectsUnchanged: 0, fundsAdded: 0, groups: 0, units: 0, targets: 0 });
    expect(await storeCounts(empty.db)).toMatchObject({ projects: 0, updates: 0, funds: 0, groups: 0, units: 0, targets: 0 });

    const before = await storeCounts(seeded.db);
    await importLedger(seeded.db, file, opts);
    expect(await storeCounts(seeded.db)).toEqual(before);
  });

  it("an exported ledger explains itself too, with 说明 after the data", async () => {
    const file = tmp.file("export.xlsx");
    await exportLedger(seeded.db, file, DEFAULT_RULES);
    const sheets = await readXlsx(file);
    expect(Object.keys(sheets)).toEqual(["项目", "到位资金", "工作组与单位", "说明"]);
    expect(sheets["说明"]).toEqual((await readXlsx(tmp.file("template.xlsx")))["说明"]);
  });
});
