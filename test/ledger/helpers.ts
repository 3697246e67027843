import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { TABLES, type TableId } from "../../src/ledger/columns.ts";
import type { Db } from "../../src/store/client.ts";

// Building ledger files cell by cell and reading them back as plain values,
// so tests state rows by column key and compare what an operator would see.

export type Cell = string | number | Date | null | undefined;

export function tempDir(): { dir: string; file(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "ledger-test-"));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Header row (import columns, template order) plus one row per object, cells by column key. */
export function table(id: TableId, rows: Record<string, Cell>[]): Cell[][] {
  const cols = TABLES[id].columns.filter((c) => !c.exportOnly);
  return [cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => r[c.key] ?? null))];
}

export async function writeXlsx(path: string, sheets: Record<string, Cell[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((v) => v ?? null));
  }
  await wb.xlsx.writeFile(path);
}

/** Every sheet as rows of plain values (dates as ISO strings), trailing empty cells dropped. */
export async function readXlsx(path: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values: unknown[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const v = row.getCell(c).value;
        values.push(v instanceof Date ? v.toISOString() : v ?? null);
      }
      while (values.length && values[values.length - 1] === null) values.pop();
      rows[n - 1] = values;
    });
    out[ws.name] = Array.from(rows, (r) => r ?? []);
  });
  return out;
}

/** What a re-import must leave untouched. */
export async function storeCounts(db: Db) {
  const [projects, updates, funds, groups, units, targets, members, versions] = await Promise.all([
    db.project.count(),
    db.update.count(),
    db.fundEntry.count(),
    db.group.count(),
    db.unit.count(),
    db.target.count(),
    db.groupMember.count(),
    db.project.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
  ]);
  return { projects, updates, funds, groups, units, targets, members, versions };
}

/** Changes cells (by header text) on the rows whose cells satisfy `match`, as an operator would in Excel. */
export async function editXlsx(path: string, sheet: string, match: (cells: unknown[]) => boolean, set: Record<string, Cell>): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet)!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  let edited = 0;
  ws.eachRow((row, n) => {
    if (n === 1 || !match((row.values as unknown[]).slice(1))) return;
    for (const [header, value] of Object.entries(set)) {
      const col = headers.indexOf(header);
      if (col < 1) throw new Error(`no column ${header}`);
      row.getCell(col).value = value ?? null;
    }
    edited++;
  });
  await wb.xlsx.writeFile(path);
  return edited;
}
