import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, readLines, type BackupHeader } from "./backup-file.ts";
import { insertRows, resetSequence } from "./bulk-insert.ts";
import { openStore } from "./client.ts";
import type { DatabaseTarget } from "./database-target.ts";
import { listMigrations } from "./migrate.ts";
import { openRawConnection } from "./raw-connection.ts";
import { StoreSchemaError, schemaVersion } from "./schema-version.ts";
import { quoteId, readCatalog, type TableInfo } from "./table-catalog.ts";

// `dispatch restore`: a backup into an empty store, in one transaction (all
// or nothing), ids kept, PostgreSQL's sequences moved past them. The store is
// first brought to this code's schema; a backup from an older schema fits it
// (migrations only add), one from a newer schema is refused.

const BATCH_ROWS = 2_000;

/** Why a restore was refused before anything was written. */
export class RestoreRefusedError extends Error {}

export interface RestoreSummary {
  schemaVersion: string;
  rows: Record<string, number>;
}

export async function restoreBackup(target: DatabaseTarget, path: string): Promise<RestoreSummary> {
  const lines = readLines(path);
  const header = checkHeader((await lines.next()).value);
  const known = listMigrations(target).map((m) => m.name);
  const unknown = header.schema.migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw new StoreSchemaError(
      `备份的结构版本 ${header.schema.version} 比本程序的版本 ${schemaVersion(known)} 新（本程序不认识的迁移：${unknown.join("、")}）：` +
        `请先把程序升级到与备份相同或更新的版本，再恢复。未写入任何数据。`,
    );

  // Creates and migrates the store if needed (and refuses a newer or half-made one).
  await (await openStore(target.url, { allowExitOnIdle: true })).close();
  const conn = await openRawConnection(target);
  try {
    const catalog = new Map((await readCatalog(conn)).map((t) => [t.name, t] as const));
    await refuseUnlessEmpty(conn, [...catalog.values()]);
    const rows: Record<string, number> = {};
    await conn.transaction("write", async () => {
      let table: TableInfo | undefined;
      let columns: string[] = [];
      let batch: unknown[][] = [];
      const flush = async () => {
        if (table && batch.length) await insertRows(conn, table, columns, batch);
        batch = [];
      };
      let end: Record<string, number> | undefined;
      for await (const line of lines) {
        if (Array.isArray(line)) {
          if (!table) throw new Error("备份文件格式有误：数据行出现在表名之前");
          batch.push(line);
          rows[table.name]!++;
          if (batch.length === BATCH_ROWS) await flush();
        } else if (line && typeof line === "object" && "table" in line) {
          await flush();
          ({ table, columns } = enterTable(catalog, line as { table: string; columns: string[] }));
          rows[table.name] = 0;
        } else if (line && typeof line === "object" && "end" in line) {
          await flush();
          end = (line as unknown as { rows: Record<string, number> }).rows;
          break;
        }
      }
      if (!end) throw new Error("备份文件不完整（缺少结尾行），可能是复制或备份时中断了：请换一份完整的备份。未写入任何数据。");
      for (const [name, n] of Object.entries(end)) {
        if ((rows[name] ?? 0) !== n) throw new Error(`备份文件中表 ${name} 应有 ${n} 行，实际读到 ${rows[name] ?? 0} 行：文件已损坏。未写入任何数据。`);
      }
      for (const t of catalog.values()) await resetSequence(conn, t);
    });
    return { schemaVersion: header.schema.version, rows };
  } finally {
    await conn.close();
  }
}

function checkHeader(line: unknown): BackupHeader {
  const h = line as Partial<BackupHeader> | undefined;
  if (!h || h.format !== BACKUP_FORMAT || !h.schema || !Array.isArray(h.schema.migrations))
    throw new RestoreRefusedError("这不是本程序的备份文件（缺少备份文件头）：请使用 dispatch backup --out 生成的文件。");
  if (typeof h.version !== "number" || h.version > BACKUP_FORMAT_VERSION)
    throw new RestoreRefusedError(`备份文件格式版本 ${h.version} 比本程序支持的 ${BACKUP_FORMAT_VERSION} 新：请升级程序后再恢复。`);
  return h as BackupHeader;
}

function enterTable(catalog: Map<string, TableInfo>, line: { table: string; columns: string[] }) {
  const table = catalog.get(line.table);
  if (!table) throw new StoreSchemaError(`备份中的表 ${line.table} 在本程序的数据库结构中不存在：备份来自更新的版本，请升级程序后再恢复。未写入任何数据。`);
  const missing = line.columns.filter((c) => !table.columns.some((x) => x.name === c));
  if (missing.length)
    throw new StoreSchemaError(`备份中表 ${line.table} 的列 ${missing.join("、")} 在本程序的数据库结构中不存在：备份来自更新的版本，请升级程序后再恢复。未写入任何数据。`);
  return { table, columns: line.columns };
}

async function refuseUnlessEmpty(conn: Awaited<ReturnType<typeof openRawConnection>>, tables: TableInfo[]): Promise<void> {
  const filled: string[] = [];
  for (const t of tables) {
    const [{ n }] = await conn.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${quoteId(t.name)}`);
    if (Number(n) > 0) filled.push(`${t.name} ${n} 行`);
  }
  if (filled.length)
    throw new RestoreRefusedError(
      `目标数据库不是空的（${filled.join("，")}），恢复只写入空数据库，以免新旧数据混在一起。` +
        `请把 DATABASE_URL 指向一个新的空数据库（SQLite 换一个文件名；PostgreSQL 先 CREATE DATABASE）后重试。未写入任何数据。`,
    );
}
