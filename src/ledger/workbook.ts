import { extname } from "node:path";
import ExcelJS from "exceljs";
import { TABLES, type ColumnDef, type TableId } from "./columns.ts";

// Writing ledger sheets the way an operator prints and edits them: bold,
// shaded header row that stays frozen and repeats on every printed page,
// filter buttons, sensible widths, dates as real date cells (so Excel sorts
// and filters them) and money with thousands separators (the value stays an
// integer 万元).

export type OutCell = string | number | Date | null;
export type OutRow = Partial<Record<string, OutCell>>;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const EXAMPLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: "FF808080" } };

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商调度";
  return wb;
}

const NUM_FMT: Partial<Record<NonNullable<ColumnDef["kind"]>, string>> = { date: "yyyy-mm-dd", money: "#,##0" };

/** A sheet with the given columns; `exampleRows` first rows are greyed as examples. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnDef[],
  rows: OutRow[],
  opts: { exampleRows?: number; wrap?: boolean; filter?: boolean } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: {
      ...(c.kind && NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {}),
      alignment: { vertical: "top", wrapText: Boolean(opts.wrap) },
    },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.height = 20;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
  if (opts.filter !== false) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  rows.forEach((values, i) => {
    const row = ws.addRow(Object.fromEntries(columns.map((c) => [c.key, values[c.key] ?? null])));
    if (i < (opts.exampleRows ?? 0)) row.font = EXAMPLE_FONT;
  });
  return ws;
}

export function addTableSheet(wb: ExcelJS.Workbook, table: TableId, rows: OutRow[], opts: { exampleRows?: number } = {}): ExcelJS.Worksheet {
  return addSheet(wb, TABLES[table].sheet, TABLES[table].columns, rows, opts);
}

/** Empty text is written as an empty cell, so a re-read sees no value, as for any blank cell. */
export function orEmpty(text: string | null | undefined): string | null {
  return text ? text : null;
}

/** Several sheets need a workbook: export writes .xlsx only (a CSV holds one table; import reads those). */
export function assertXlsxPath(filePath: string): void {
  if (extname(filePath).toLowerCase() !== ".xlsx") throw new Error(`台账导出为 .xlsx 文件，请把文件名改为以 .xlsx 结尾：${filePath}`);
}
