import type { Migration } from "./migrate.ts";

// What a store's migrations table says about it, compared with the
// migrations this code carries: a store from a newer schema (a migration this
// code does not know) or a half-made one (tables without the migrations
// table) is refused with a message an operator can act on, before Prisma
// meets a table it does not expect.

/** The migrations table: which migrations built a store. */
export const MIGRATIONS_TABLE = "_dispatch_migrations";

/** The schema version a list of migration names stands for: the newest one. */
export function schemaVersion(names: readonly string[]): string {
  return [...names].sort().at(-1) ?? "（空）";
}

/** The store cannot be used by this code as it is; nothing was changed in it. */
export class StoreSchemaError extends Error {}

/** Applied migrations this code does not know: the store was built by a newer version. */
export function newerSchemaError(applied: readonly string[], known: readonly Migration[]): StoreSchemaError | null {
  const knownNames = new Set(known.map((m) => m.name));
  const unknown = applied.filter((n) => !knownNames.has(n)).sort();
  if (!unknown.length) return null;
  return new StoreSchemaError(
    `数据库的结构版本 ${schemaVersion(applied)} 比本程序的版本 ${schemaVersion(known.map((m) => m.name))} 新` +
      `（本程序不认识的迁移：${unknown.join("、")}）。本程序未改动该数据库：请升级程序到与数据库相同或更新的版本后再启动（见 README“升级”）。` +
      ` / The store's schema ${schemaVersion(applied)} is newer than this program's ${schemaVersion(known.map((m) => m.name))}: upgrade the program.`,
  );
}

/** Tables exist but the migrations table does not: made by other means, or left half-made. */
export function halfMadeStoreError(tables: readonly string[]): StoreSchemaError {
  const shown = [...tables].sort().slice(0, 6).join("、") + (tables.length > 6 ? ` 等 ${tables.length} 张表` : "");
  return new StoreSchemaError(
    `数据库里已有表（${shown}），却没有迁移记录表 ${MIGRATIONS_TABLE}：它不是由本程序建立的，或建到一半就中断了（例如用 prisma db push 建的表，或从别处拷来的文件）。` +
      `本程序未改动该数据库。请把 DATABASE_URL 指向一个新的空数据库，程序会自动建好全部表；已有数据请在原来的程序上用 dispatch backup 备份，再用 dispatch restore 恢复到新库。` +
      ` / The store has tables but no ${MIGRATIONS_TABLE}: it was not made by this program, or half-made. Point DATABASE_URL at an empty database and restore a backup into it.`,
  );
}
