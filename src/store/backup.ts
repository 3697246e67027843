import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, writeLines, type BackupHeader } from "./backup-file.ts";
import { toPortable } from "./column-values.ts";
import type { DatabaseTarget } from "./database-target.ts";
import { listMigrations } from "./migrate.ts";
import { openRawConnection, type RawConnection } from "./raw-connection.ts";
import { MIGRATIONS_TABLE, StoreSchemaError, halfMadeStoreError, newerSchemaError, schemaVersion } from "./schema-version.ts";
import { quoteId, readCatalog } from "./table-catalog.ts";

// `dispatch backup`: every table of the store, as one consistent snapshot,
// into one file any provider can restore (see backup-file.ts). The store is
// read as it is, never migrated first, so a backup taken before an upgrade
// holds exactly what the old version wrote.

const PAGE_ROWS = 2_000;

export interface BackupSummary {
  schemaVersion: string;
  rows: Record<string, number>;
}

/** The migrations a store was built with; refuses one this code cannot read (half-made, or empty). */
async function appliedMigrations(conn: RawConnection, tables: string[]): Promise<string[]> {
  if (!(await hasMigrationsTable(conn))) {
    if (tables.length) throw halfMadeStoreError(tables);
    throw new StoreSchemaError("数据库是空的（还没有任何表），没有可备份的内容：请检查 DATABASE_URL 是否指向正在使用的数据库。");
  }
  return (await conn.query<{ name: string }>(`SELECT "name" FROM ${quoteId(MIGRATIONS_TABLE)} ORDER BY "name"`)).map((r) => r.name);
}

export async function writeBackup(target: DatabaseTarget, path: string, now: Date = new Date()): Promise<BackupSummary> {
  const conn = await openRawConnection(target);
  try {
    return await conn.transaction("snapshot", async () => {
      const catalog = await readCatalog(conn);
      const migrations = await appliedMigrations(conn, catalog.map((t) => t.name));
      const newer = newerSchemaError(migrations, listMigrations(target));
      if (newer) throw newer;
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        createdAt: now.toISOString(),
        provider: target.provider,
        schema: { version: schemaVersion(migrations), migrations },
        tables: catalog.map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, kind: c.kind })) })),
      };
      const rows: Record<string, number> = {};
      await writeLines(path, async (write) => {
        await write(header);
        for (const table of catalog) {
          rows[table.name] = 0;
          await write({ table: table.name, columns: table.columns.map((c) => c.name) });
          const order = (table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name)).map(quoteId).join(", ");
          const select = `SELECT ${table.columns.map((c) => quoteId(c.name)).join(", ")} FROM ${quoteId(table.name)} ORDER BY ${order}`;
          await conn.forEachPage(select, PAGE_ROWS, async (page) => {
            for (const row of page) await write(row.map((v, i) => toPortable(table.columns[i]!.kind, v)));
            rows[table.name]! += page.length;
          });
        }
        await write({ end: true, rows });
      });
      return { schemaVersion: header.schema.version, rows };
    });
  } finally {
    await conn.close();
  }
}

async function hasMigrationsTable(conn: RawConnection): Promise<boolean> {
  const sql =
    conn.provider === "sqlite"
      ? `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`
      : `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`;
  const [{ n }] = await conn.query<{ n: number | string }>(sql, [MIGRATIONS_TABLE]);
  return Number(n) > 0;
}
