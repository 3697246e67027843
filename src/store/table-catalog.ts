import type { RawConnection } from "./raw-connection.ts";
import { MIGRATIONS_TABLE } from "./schema-version.ts";

// Every table of the store as the database itself describes it (columns and
// their kinds, primary key, the tables its foreign keys point at), in an
// order where each table comes after those it refers to. Read from the
// database rather than from a list in code, so a table another change adds
// is backed up and restored without anyone remembering to list it.

/** A column's kind of value, the same on both providers. */
export type ColumnKind = "int" | "bigint" | "float" | "decimal" | "text" | "bool" | "datetime" | "json" | "bytes";

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** The provider's own type (PostgreSQL casts restored values to it). */
  sqlType: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables this one's foreign keys refer to (itself excluded). */
  parents: string[];
  foreignKeys: ForeignKey[];
  /** The column filled from a sequence (autoincrement), if any. */
  serial: string | null;
}

export interface ForeignKey {
  columns: string[];
  parent: string;
  parentColumns: string[];
}

export function columnKind(sqlType: string): ColumnKind {
  const t = sqlType.toLowerCase();
  if (t.includes("bigint") || t === "int8") return "bigint";
  if (t.includes("int")) return "int";
  if (t.includes("bool")) return "bool";
  if (t.includes("timestamp") || t.includes("datetime") || t === "date") return "datetime";
  if (t.includes("real") || t.includes("double") || t.includes("float")) return "float";
  if (t.includes("decimal") || t.includes("numeric")) return "decimal";
  if (t.includes("json")) return "json";
  if (t.includes("blob") || t.includes("bytea")) return "bytes";
  return "text";
}

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table but the migrations table, parents before children. */
export async function readCatalog(conn: RawConnection): Promise<TableInfo[]> {
  const tables = conn.provider === "sqlite" ? await sqliteTables(conn) : await postgresTables(conn);
  return dependencyOrder(tables.filter((t) => t.name !== MIGRATIONS_TABLE));
}

async function sqliteTables(conn: RawConnection): Promise<TableInfo[]> {
  const names = await conn.query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  const out: TableInfo[] = [];
  for (const { name } of names) {
    const cols = await conn.query<{ name: string; type: string; pk: number }>(`SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`, [name]);
    const fkRows = await conn.query<{ id: number; table: string; from: string; to: string }>(
      `SELECT id, "table", "from", "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq`,
      [name],
    );
    const foreignKeys = new Map<number, ForeignKey>();
    for (const f of fkRows) {
      const fk = foreignKeys.get(f.id) ?? { columns: [], parent: f.table, parentColumns: [] };
      fk.columns.push(f.from);
      fk.parentColumns.push(f.to);
      foreignKeys.set(f.id, fk);
    }
    const primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const pkCol = primaryKey.length === 1 ? cols.find((c) => c.name === primaryKey[0]) : undefined;
    out.push({
      name,
      columns: cols.map((c) => ({ name: c.name, kind: columnKind(c.type), sqlType: c.type })),
      primaryKey,
      parents: [...new Set(fkRows.map((f) => f.table))].filter((t) => t !== name),
      foreignKeys: [...foreignKeys.values()],
      // An INTEGER PRIMARY KEY is SQLite's rowid: filled by the database when not given.
      serial: pkCol && pkCol.type.toUpperCase() === "INTEGER" ? pkCol.name : null,
    });
  }
  return out;
}

async function postgresTables(conn: RawConnection): Promise<TableInfo[]> {
  const cols = await conn.query<{ tbl: string; col: string; type: string; serial: boolean }>(`
    SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
           pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL AS serial
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`);
  const pks = await conn.query<{ tbl: string; col: string }>(`
    SELECT c.relname AS tbl, a.attname AS col
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace
     ORDER BY c.relname, k.ord`);
  const fks = await conn.query<{ tbl: string; parent: string; cols: string[]; pcols: string[] }>(`
    SELECT c.relname AS tbl, p.relname AS parent,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(f.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum) AS cols,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(f.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum) AS pcols
      FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class p ON p.oid = f.confrelid
     WHERE f.contype = 'f' AND f.connamespace = current_schema()::regnamespace
     ORDER BY c.relname, f.conname`);
  const byName = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = byName.get(c.tbl);
    if (!t) byName.set(c.tbl, (t = { name: c.tbl, columns: [], primaryKey: [], parents: [], foreignKeys: [], serial: null }));
    t.columns.push({ name: c.col, kind: columnKind(c.type), sqlType: c.type });
    if (c.serial) t.serial = c.col;
  }
  for (const p of pks) byName.get(p.tbl)?.primaryKey.push(p.col);
  for (const f of fks) {
    const t = byName.get(f.tbl);
    if (!t) continue;
    t.foreignKeys.push({ columns: f.cols, parent: f.parent, parentColumns: f.pcols });
    if (f.parent !== t.name && !t.parents.includes(f.parent)) t.parents.push(f.parent);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Parents before children (names sorted among equals, so the order is stable); a cycle is an error naming its tables. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const left = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  while (left.size) {
    const ready = [...left.values()].filter((t) => t.parents.every((p) => !left.has(p))).sort((a, b) => a.name.localeCompare(b.name));
    if (!ready.length) throw new Error(`表之间的外键成环（${[...left.keys()].join("、")}），无法排定备份与恢复的顺序。 / Foreign keys form a cycle among: ${[...left.keys()].join(", ")}`);
    for (const t of ready) {
      out.push(t);
      left.delete(t.name);
    }
  }
  return out;
}
