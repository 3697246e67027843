import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { cleanText, isBlank, type LedgerCell } from "./cells.ts";
import { EXAMPLE_PREFIX, GUIDE_SHEET, TABLES, TABLE_ORDER, normalizeHeader, type TableId } from "./columns.ts";
import type { LedgerProblem } from "./problems.ts";
import { readXlsxRows } from "./xlsx-rows.ts";

// Turns an .xlsx workbook (read by xlsx-rows.ts) or a .csv file into raw
// tables: rows of cells keyed by column, with the header row checked. Nothing
// is interpreted here beyond what Excel shows (rich text, formula results);
// example rows (名称 starting with 示例) and empty rows are dropped.

export interface RawRow {
  /** 1-based spreadsheet row (header = 1). */
  row: number;
  /** The row's cells as in the file, by column position (see RawTable.columns). */
  values: LedgerCell[];
}

export interface RawTable {
  id: TableId;
  /** Sheet name as found in the file (the table's own sheet name for CSV). */
  sheet: string;
  /** Column key → position in each row's values (one map per table, not one object per row: ledgers run to 200,000 rows). */
  columns: ReadonlyMap<string, number>;
  rows: RawRow[];
}

/** The cell of a row under a column key; null when the column is absent or the cell empty. */
export function cellOf(table: RawTable, raw: RawRow, key: string): LedgerCell {
  const i = table.columns.get(key);
  return i === undefined ? null : (raw.values[i] ?? null);
}

export interface RawLedger {
  tables: Partial<Record<TableId, RawTable>>;
  problems: LedgerProblem[];
}

type Grid = { sheet: string; rows: { row: number; values: LedgerCell[] }[] };

export async function readLedgerFile(filePath: string): Promise<RawLedger> {
  const ext = extname(filePath).toLowerCase();
  const problems: LedgerProblem[] = [];
  const tables: Partial<Record<TableId, RawTable>> = {};
  let grids: Grid[];
  if (ext === ".csv") {
    const grid = await readCsv(filePath, problems);
    grids = grid ? [grid] : [];
  } else if (ext === ".xlsx" || ext === ".xlsm") {
    grids = await readWorkbook(filePath);
  } else {
    const how = ext === ".xls" || ext === ".et" ? "请在 Excel/WPS 中“另存为” .xlsx 格式后再导入" : "台账只支持 .xlsx 和 .csv 文件，请另存为其中一种格式";
    return { tables, problems: [{ sheet: basename(filePath), row: 1, column: "", reason: `无法读取 ${ext || "无扩展名"} 文件：${how}` }] };
  }

  for (const grid of grids) {
    if (grid.sheet === GUIDE_SHEET || grid.rows.length === 0) continue;
    const header = grid.rows[0]!.row === 1 ? grid.rows[0]!.values : [];
    // A sheet is known by its name; a CSV file, or a sheet renamed by the operator, by its header row.
    const byName = ext === ".csv" ? undefined : TABLE_ORDER.find((t) => TABLES[t].sheet === grid.sheet);
    const id = byName ?? detectTable(header);
    const sheetName = ext === ".csv" && id ? TABLES[id].sheet : grid.sheet;
    if (!id) {
      problems.push({
        sheet: sheetName,
        row: 1,
        column: "",
        reason:
          ext === ".csv"
            ? "无法从第 1 行列名判断这是哪张表：CSV 第 1 行须是「项目」「到位资金」或「工作组与单位」表的列名（见模板）"
            : `无法识别的工作表「${grid.sheet}」：只导入「项目」「到位资金」「工作组与单位」三张表（「说明」会被忽略）；请改用这些表名，或删除该表`,
      });
      continue;
    }
    if (tables[id]) {
      problems.push({ sheet: sheetName, row: 1, column: "", reason: `与「${tables[id]!.sheet}」重复，都是${TABLES[id].sheet}表：请合并到一张表` });
      continue;
    }
    tables[id] = toTable(id, sheetName, grid, problems);
  }
  return { tables, problems };
}

/** The table whose headers this row matches best; null if none or a tie. */
export function detectTable(header: LedgerCell[]): TableId | null {
  const names = header.map((h) => (typeof h === "string" ? normalizeHeader(h) : ""));
  const scores = TABLE_ORDER.map((id) => ({ id, n: TABLES[id].columns.filter((c) => names.includes(normalizeHeader(c.header))).length }));
  scores.sort((a, b) => b.n - a.n);
  return scores[0]!.n > 0 && scores[0]!.n > scores[1]!.n ? scores[0]!.id : null;
}

function toTable(id: TableId, sheet: string, grid: Grid, problems: LedgerProblem[]): RawTable {
  const def = TABLES[id];
  const add = (row: number, column: string, reason: string) => problems.push({ sheet, row, column, reason });
  const header = grid.rows[0]?.row === 1 ? grid.rows[0].values : [];
  if (header.every(isBlank)) {
    add(1, "", "第 1 行应为列名（表头），数据从第 2 行开始：请按模板在第 1 行填写列名");
    return { id, sheet, columns: new Map(), rows: [] };
  }
  const byNorm = new Map(def.columns.map((c) => [normalizeHeader(c.header), c]));
  const keyAt = new Map<number, string>();
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    const text = typeof h === "string" ? cleanText(h) : h === null ? "" : String(h);
    if (text === "") return;
    const col = byNorm.get(normalizeHeader(text));
    if (!col) {
      add(1, text, `无法识别的列名“${text}”${suggestHeader(text, def.columns.map((c) => c.header))}：请使用模板中的列名，不需要的列请删除`);
    } else if (seen.has(col.key)) {
      add(1, col.header, `列“${col.header}”出现了两次（第 ${seen.get(col.key)! + 1} 列和第 ${i + 1} 列）：请只保留一列`);
    } else {
      seen.set(col.key, i);
      keyAt.set(i, col.key);
    }
  });
  const missing = def.columns.filter((c) => !c.exportOnly && !(c as { optional?: boolean }).optional && !seen.has(c.key));
  for (const c of missing) {
    add(1, c.header, `缺少“${c.header}”列：请在第 1 行加上这一列（内容可留空的列也要保留列名），列名见模板；列名改正后才会检查本表的数据行`);
  }
  // Without all columns every row would repeat the same complaint; the header is fixed first.
  if (missing.length) return { id, sheet, columns: seen, rows: [] };

  const rows: RawRow[] = [];
  const unnamedReported = new Set<number>();
  // Each row is released once converted, so a 200,000-row sheet is not held twice.
  const gridRows = grid.rows as Array<Grid["rows"][number] | undefined>;
  for (let i = 0; i < gridRows.length; i++) {
    const r = gridRows[i]!;
    gridRows[i] = undefined;
    if (r.row === 1) continue;
    if (r.values.every(isBlank)) continue;
    r.values.forEach((v, i) => {
      if (!keyAt.has(i) && !isBlank(v) && !header[i] && !unnamedReported.has(i)) {
        unnamedReported.add(i);
        add(r.row, `第 ${i + 1} 列`, "这一列有内容但第 1 行没有列名：请补上模板中的列名，或删除该列内容");
      }
    });
    const marker = r.values[seen.get(def.exampleKey) ?? -1];
    if (typeof marker === "string" && cleanText(marker).startsWith(EXAMPLE_PREFIX)) continue;
    rows.push(r);
  }
  return { id, sheet, columns: seen, rows };
}

/** "，是否指“协议资金(万元)”" when the header matches one apart from brackets or a unit. */
function suggestHeader(text: string, headers: string[]): string {
  const base = (s: string) => normalizeHeader(s).replace(/\(.*?\)/g, "");
  const hit = headers.find((h) => base(h) === base(text)) ?? headers.find((h) => base(h).includes(base(text)) && base(text).length >= 2);
  return hit ? `（是否指“${hit}”？）` : "";
}

async function readWorkbook(filePath: string): Promise<Grid[]> {
  return (await readXlsxRows(filePath)).map((sheet) => ({ sheet: cleanText(sheet.name), rows: sheet.rows }));
}

async function readCsv(filePath: string, problems: LedgerProblem[]): Promise<Grid | null> {
  const fail = (reason: string) => {
    problems.push({ sheet: basename(filePath), row: 1, column: "", reason });
    return null;
  };
  const bytes = await readFile(filePath);
  let text: string;
  try {
    // fatal: a GBK file (Excel's default "CSV" on Chinese Windows) is refused, not garbled.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("文件不是 UTF-8 编码：请在 Excel 中“另存为”并选择“CSV UTF-8（逗号分隔）”格式后再导入");
  }
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    return fail(`CSV 格式有误（${(e as Error).message}）：请用 Excel 另存为“CSV UTF-8（逗号分隔）”后再导入`);
  }
  // Each record is one spreadsheet row, as Excel numbers them when it opens the file.
  return { sheet: basename(filePath), rows: records.map((values, i) => ({ row: i + 1, values: values.map((v) => (v === "" ? null : v)) })) };
}
