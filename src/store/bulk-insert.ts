import { toDriver } from "./column-values.ts";
import type { RawConnection } from "./raw-connection.ts";
import { quoteId, type TableInfo } from "./table-catalog.ts";

// Many rows into one table, as fast as each provider allows inside the
// caller's transaction: SQLite runs one prepared statement per row (cheap in
// process); PostgreSQL sends a few thousand rows per statement as one text
// array per column, cast to the column's own type.

const PG_ROWS_PER_STATEMENT = 5_000;

/**
 * `rows` hold one value per named column, portable or plain JS (a Date for
 * an instant); any iterable, consumed as it goes, so a caller can make rows
 * one by one instead of holding them all. Returns how many were written.
 */
export async function insertRows(conn: RawConnection, table: TableInfo, columns: string[], rows: Iterable<unknown[]>): Promise<number> {
  const cols = columns.map((name) => {
    const c = table.columns.find((x) => x.name === name);
    if (!c) throw new Error(`表 ${table.name} 没有列 ${name}`);
    return c;
  });
  const names = cols.map((c) => quoteId(c.name)).join(", ");
  let n = 0;
  if (conn.provider === "sqlite") {
    const sql = `INSERT INTO ${quoteId(table.name)} (${names}) VALUES (${cols.map(() => "?").join(", ")})`;
    const convert = cols.map((c) => (c.kind === "datetime" || c.kind === "bool" || c.kind === "bytes" ? (v: unknown) => toDriver(c.kind, v, "sqlite") : null));
    for (const row of rows) {
      await conn.run(sql, convert.map((f, i) => (f ? f(row[i]) : (row[i] ?? null))));
      n++;
    }
    return n;
  }
  const sql =
    `INSERT INTO ${quoteId(table.name)} (${names}) SELECT ${cols.map((c, i) => `u.c${i}::${c.sqlType}`).join(", ")}` +
    ` FROM unnest(${cols.map(() => "?::text[]").join(", ")}) AS u(${cols.map((_, i) => `c${i}`).join(", ")})`;
  let chunk: unknown[][] = [];
  const flush = async () => {
    if (chunk.length) await conn.run(sql, cols.map((c, i) => chunk.map((row) => toDriver(c.kind, row[i], "postgres"))));
    n += chunk.length;
    chunk = [];
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === PG_ROWS_PER_STATEMENT) await flush();
  }
  await flush();
  return n;
}

/**
 * Reserves `n` new values of a table's serial column, so rows that refer to
 * each other can be written with their ids known. Inside a write transaction:
 * on SQLite it holds the write lock; on PostgreSQL the sequence hands them out.
 */
export async function allocateIds(conn: RawConnection, table: TableInfo, n: number): Promise<number[]> {
  if (!n) return [];
  if (!table.serial) throw new Error(`表 ${table.name} 没有自增列`);
  const t = quoteId(table.name);
  if (conn.provider === "sqlite") {
    const [{ base }] = await conn.query<{ base: number }>(
      `SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), COALESCE((SELECT max(${quoteId(table.serial)}) FROM ${t}), 0)) AS base`,
      [table.name],
    );
    return Array.from({ length: n }, (_, i) => Number(base) + i + 1);
  }
  const rows = await conn.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence(?, ?)) AS id FROM generate_series(1, ?)`, [t, table.serial, n]);
  return rows.map((r) => Number(r.id));
}

/** After rows were written with their ids given: the sequence continues after the largest (PostgreSQL; SQLite follows by itself). */
export async function resetSequence(conn: RawConnection, table: TableInfo): Promise<void> {
  if (conn.provider !== "postgres" || !table.serial) return;
  const col = quoteId(table.serial);
  await conn.query(`SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT max(${col}) FROM ${quoteId(table.name)}), 1), (SELECT count(*) > 0 FROM ${quoteId(table.name)}))`, [
    quoteId(table.name),
    table.serial,
  ]);
}
