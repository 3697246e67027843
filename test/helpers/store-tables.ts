import { insertRows } from "../../src/store/bulk-insert.ts";
import { toPortable, type PortableValue } from "../../src/store/column-values.ts";
import type { DatabaseTarget } from "../../src/store/database-target.ts";
import { openRawConnection } from "../../src/store/raw-connection.ts";
import { quoteId, readCatalog, type ColumnInfo, type TableInfo } from "../../src/store/table-catalog.ts";

// Whole-store views for tests of backup and restore: every table's rows as
// portable values (so stores on different providers compare equal), and a
// row made up for every table that is still empty, from the catalog alone,
// so a table someone adds later is part of the round trip without a test
// naming it.

export type StoreDump = Record<string, PortableValue[][]>;

export async function dumpStore(target: DatabaseTarget): Promise<StoreDump> {
  const conn = await openRawConnection(target);
  try {
    const out: StoreDump = {};
    for (const t of await readCatalog(conn)) {
      const order = (t.primaryKey.length ? t.primaryKey : t.columns.map((c) => c.name)).map(quoteId).join(", ");
      const rows: PortableValue[][] = [];
      await conn.forEachPage(`SELECT ${t.columns.map((c) => quoteId(c.name)).join(", ")} FROM ${quoteId(t.name)} ORDER BY ${order}`, 1000, (page) => {
        for (const r of page) rows.push(r.map((v, i) => toPortable(t.columns[i]!.kind, v)));
      });
      // Text keys sort by each database's collation: compare in one order.
      out[t.name] = rows.map((r) => [JSON.stringify(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
    }
    return out;
  } finally {
    await conn.close();
  }
}

function madeUpValue(t: TableInfo, c: ColumnInfo): unknown {
  switch (c.kind) {
    case "int":
    case "bigint":
      return 424242;
    case "float":
      return 1.5;
    case "decimal":
      return "12.25";
    case "bool":
      return true;
    case "datetime":
      return "2026-03-04T05:06:07.089Z";
    case "json":
      return JSON.stringify({ made: `${t.name}.${c.name}` });
    case "bytes":
      return Buffer.from(`${t.name}.${c.name}`).toString("base64");
    default:
      return `造 ${t.name}.${c.name} “引号”'单引号'`;
  }
}

/** Adds one made-up row to every empty table (foreign keys pointing at an existing parent row); returns their names. */
export async function fillEmptyTables(target: DatabaseTarget): Promise<string[]> {
  const conn = await openRawConnection(target);
  const filled: string[] = [];
  try {
    await conn.transaction("write", async () => {
      for (const t of await readCatalog(conn)) {
        const [{ n }] = await conn.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${quoteId(t.name)}`);
        if (Number(n) > 0) continue;
        const row = new Map(t.columns.map((c) => [c.name, madeUpValue(t, c)]));
        for (const fk of t.foreignKeys) {
          const [parent] = await conn.query<Record<string, unknown>>(
            `SELECT ${fk.parentColumns.map(quoteId).join(", ")} FROM ${quoteId(fk.parent)} ORDER BY 1 LIMIT 1`,
          );
          if (!parent) throw new Error(`no ${fk.parent} row for ${t.name}`);
          fk.columns.forEach((col, i) => row.set(col, parent[fk.parentColumns[i]!]));
        }
        await insertRows(conn, t, [...row.keys()], [[...row.values()]]);
        filled.push(t.name);
      }
    });
    return filled;
  } finally {
    await conn.close();
  }
}
