import type { LedgerCell, Parsed } from "./cells.ts";
import type { ProblemList } from "./problems.ts";
import { cellOf, type RawRow, type RawTable } from "./read-file.ts";
import { TABLES } from "./columns.ts";
import { rowCounter } from "../memory.ts";

// Reads the cells of one row through the cell parsers, reporting each bad
// cell under its column header and remembering whether the row is usable, so
// every table parser states only what each column means.

export interface RowReader<K extends string> {
  row: number;
  /** The parsed value, or undefined after reporting the problem. */
  get<T>(key: K, parse: (cell: LedgerCell) => Parsed<T>): T | undefined;
  /** Like get, and an empty cell is a problem too (`how` says what to write). */
  need<T>(key: K, parse: (cell: LedgerCell) => Parsed<T | null>, how: string): T | undefined;
  report(key: K, reason: string): void;
  header(key: K): string;
  /** No problem was reported for this row. */
  readonly ok: boolean;
}

/**
 * The rows of a raw table, each released as it is handed out: the parsed
 * records replace them, so a large ledger is not held twice. The table is
 * empty afterwards.
 */
export function* consume<T>(rows: T[]): Generator<T> {
  const slots = rows as Array<T | undefined>;
  const counted = rowCounter();
  for (let i = 0; i < slots.length; i++) {
    const row = slots[i]!;
    slots[i] = undefined;
    counted();
    yield row;
  }
  rows.length = 0;
}

export function rowReader<K extends string>(table: RawTable, raw: RawRow, problems: ProblemList): RowReader<K> {
  const headerOf = (key: K) => TABLES[table.id].columns.find((c) => c.key === key)?.header ?? key;
  let ok = true;
  const reader: RowReader<K> = {
    row: raw.row,
    get ok() {
      return ok;
    },
    header: headerOf,
    report(key, reason) {
      ok = false;
      problems.add(table.sheet, raw.row, headerOf(key), reason);
    },
    get(key, parse) {
      const r = parse(cellOf(table, raw, key));
      if (r.ok) return r.value;
      reader.report(key, r.reason);
      return undefined;
    },
    need(key, parse, how) {
      const v = reader.get(key, parse);
      if (v === null || v === "") {
        reader.report(key, `“${headerOf(key).replace(/\*$/, "")}”不能为空：${how}`);
        return undefined;
      }
      return v ?? undefined;
    },
  };
  return reader;
}
