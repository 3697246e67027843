import unzipper from "unzipper";
import type { LedgerCell } from "./cells.ts";

// Reads the cell values of every sheet of an .xlsx workbook, streaming each
// sheet's XML and scanning its <row>/<c> elements directly; rows are handed
// out as they are scanned, so a 200,000-row sheet is never held whole. ExcelJS builds a
// full object model per cell and took minutes and gigabytes for a 200,000-row
// ledger; an import only needs what each cell shows. Values follow what
// ExcelJS gave: shared and inline strings (rich text joined), numbers,
// booleans, {error}, formula results, and date-formatted numbers as a Date at
// UTC midnight of the day shown.

export interface SheetRows {
  name: string;
  /** Non-empty rows: 1-based row number and values by 0-based column. */
  rows: Array<{ row: number; values: LedgerCell[] }>;
}

type Entry = unzipper.File;

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its entities resolved. */
function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? m),
  );
}

const ATTR = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** All <t> texts inside an element, joined; phonetic runs (<rPh>) left out as Excel shows them. */
function joinedText(xml: string): string {
  const visible = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let out = "";
  for (const m of visible.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return unescapeXml(out);
}

async function text(entry: Entry | undefined): Promise<string> {
  return entry ? (await entry.buffer()).toString("utf8") : "";
}

/** Column index (0-based) from a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

// Built-in number formats that show a date (Excel's ids, including the CJK ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index, whether it shows a date. */
function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) custom.set(Number(attr(m[1]!, "numFmtId")), attr(m[1]!, "formatCode") ?? "");
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  return [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attr(m[1]!, "numFmtId") ?? 0);
    return DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!));
  });
}

/** The Date (UTC) of an Excel serial day number. */
function dateOfSerial(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

/** A sheet whose rows are read from the file as they are iterated (each iteration reads the sheet afresh). */
export interface SheetSource {
  name: string;
  rows(): AsyncGenerator<SheetRows["rows"][number]>;
}

/** The workbook's sheets, in order; nothing of a sheet is read until its rows are iterated. */
export async function readXlsxSheets(filePath: string): Promise<SheetSource[]> {
  const zip = await unzipper.Open.file(filePath);
  const byPath = new Map(zip.files.map((f) => [f.path.replace(/^\//, ""), f] as const));
  const workbook = await text(byPath.get("xl/workbook.xml"));
  const rels = await text(byPath.get("xl/_rels/workbook.xml.rels"));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  const shared = [...(await text(byPath.get("xl/sharedStrings.xml"))).matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)].map((m) =>
    m[1] === undefined ? "" : joinedText(m[1]),
  );
  const dates = dateStyles(await text(byPath.get("xl/styles.xml")));
  const targets = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1]!, "Id"), attr(m[1]!, "Target")] as const));

  const sheets: SheetSource[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, "name") ?? "";
    const target = targets.get(attr(m[1]!, "r:id") ?? [...m[1]!.matchAll(/\w+:id="([^"]*)"/g)][0]?.[1]) ?? "";
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const entry = byPath.get(path.replace(/\/[^/]+\/\.\.\//g, "/"));
    sheets.push({ name, rows: () => (entry ? sheetRows(entry, shared, dates, date1904) : noRows()) });
  }
  return sheets;
}

async function* noRows(): AsyncGenerator<never> {}

/** Every sheet with all its rows in memory (small workbooks, tests). */
export async function readXlsxRows(filePath: string): Promise<SheetRows[]> {
  const out: SheetRows[] = [];
  for (const sheet of await readXlsxSheets(filePath)) {
    const rows: SheetRows["rows"] = [];
    for await (const r of sheet.rows()) rows.push(r);
    out.push({ name: sheet.name, rows });
  }
  return out;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const CLOSE_ROW = /<\/(?:\w+:)?row>/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;

/** The sheet's non-empty rows, scanned from its XML as it streams in: only a chunk's worth is held at a time. */
async function* sheetRows(entry: Entry, shared: string[], dates: boolean[], date1904: boolean): AsyncGenerator<SheetRows["rows"][number]> {
  let rows: SheetRows["rows"] = [];
  const decoder = new TextDecoder();
  let pending = "";
  let nextRow = 1;
  const scan = (xml: string) => {
    ROW.lastIndex = 0;
    for (let m = ROW.exec(xml); m; m = ROW.exec(xml)) {
      const r = Number(attr(m[1]!, "r") ?? nextRow);
      nextRow = r + 1;
      const values: LedgerCell[] = [];
      let col = 0;
      CELL.lastIndex = 0;
      const body = m[2] ?? "";
      for (let c = CELL.exec(body); c; c = CELL.exec(body)) {
        const ref = attr(c[1]!, "r");
        if (ref) col = columnOf(ref);
        values[col] = cellValue(c[1]!, c[2] ?? "", shared, dates, date1904);
        col++;
      }
      if (values.some((v) => v !== null && v !== undefined && v !== "")) rows.push({ row: r, values: Array.from(values, (v) => v ?? null) });
    }
  };
  const take = () => {
    const out = rows;
    rows = [];
    return out;
  };
  const stream = entry.stream();
  try {
    for await (const chunk of stream) {
      pending += decoder.decode(chunk as Buffer, { stream: true });
      // Scan whole rows only: what follows the last closed row waits for the next chunk.
      let end = -1;
      for (const m of pending.matchAll(CLOSE_ROW)) end = m.index + m[0].length;
      if (end <= 0) continue;
      scan(pending.slice(0, end));
      pending = pending.slice(end);
      yield* take();
    }
    pending += decoder.decode();
    scan(pending);
    yield* take();
  } finally {
    // Stopped early (only the header was wanted): the rest of the sheet is not inflated.
    stream.destroy();
  }
}

function cellValue(attrs: string, body: string, shared: string[], dates: boolean[], date1904: boolean): LedgerCell {
  const type = attr(attrs, "t") ?? "n";
  if (type === "inlineStr") return joinedText(body);
  const raw = VALUE.exec(body)?.[1];
  if (raw === undefined) return null;
  const v = unescapeXml(raw);
  switch (type) {
    case "s":
      return shared[Number(v)] ?? "";
    case "str":
      return v;
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: v };
    case "d":
      return new Date(v);
    default: {
      const n = Number(v);
      if (Number.isNaN(n)) return v;
      return dates[Number(attr(attrs, "s") ?? 0)] ? dateOfSerial(n, date1904) : n;
    }
  }
}
