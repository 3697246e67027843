import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Db } from "./client.ts";
import type { DatabaseTarget } from "./database-target.ts";
import { MIGRATIONS_TABLE, halfMadeStoreError, newerSchemaError } from "./schema-version.ts";

// Applies prisma/<provider>/migrations in order, in-process, on every start.
// The SQL files are written by `prisma migrate diff` (see README); running them
// here instead of spawning `prisma migrate deploy` keeps start-up under a
// second and lets several bot processes start at once on one PostgreSQL
// (an advisory lock serialises them).

const PROJECT_ROOT = resolve(import.meta.dirname, "../..");
const LOCK_KEY = 72_410_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(target: DatabaseTarget): Migration[] {
  const dir = join(PROJECT_ROOT, target.schemaDir, "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Prisma's migration SQL puts one statement per `;` line end; run them one by one. */
function statements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

/** Names of the tables in the store (not SQLite's own). */
export async function listTables(db: Pick<Db, "$queryRawUnsafe">, target: DatabaseTarget): Promise<string[]> {
  const rows =
    target.provider === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        );
  return rows.map((r) => r.name);
}

/**
 * Brings the database up to date; returns the names of the migrations it
 * applied. Refuses (StoreSchemaError, nothing changed) a store built by a
 * newer version of this code, and one with tables but no migrations table.
 */
export async function migrate(db: Db, target: DatabaseTarget): Promise<string[]> {
  const applied: string[] = [];
  const known = listMigrations(target);
  await db.$transaction(
    async (tx) => {
      if (target.provider === "postgres") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      const tables = await listTables(tx, target);
      if (!tables.includes(MIGRATIONS_TABLE) && tables.length) throw halfMadeStoreError(tables);
      await tx.$executeRawUnsafe(
        `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`,
      );
      const done = new Map(
        (await tx.$queryRawUnsafe<{ name: string; checksum: string }[]>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`)).map(
          (r) => [r.name, r.checksum],
        ),
      );
      const newer = newerSchemaError([...done.keys()], known);
      if (newer) throw newer;
      for (const m of known) {
        const seen = done.get(m.name);
        if (seen === m.checksum) continue;
        if (seen) throw new Error(`迁移 ${m.name} 已执行但文件被修改过；请恢复原文件，另建新的迁移。 / Migration ${m.name} was edited after it was applied.`);
        for (const stmt of statements(m.sql)) await tx.$executeRawUnsafe(stmt);
        await tx.$executeRaw`INSERT INTO "_dispatch_migrations" ("name", "checksum", "applied_at") VALUES (${m.name}, ${m.checksum}, ${new Date().toISOString()})`;
        applied.push(m.name);
      }
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  return applied;
}

/**
 * The migrations this code carries that the store has not had yet, without
 * changing anything (for `dispatch doctor`). Throws StoreSchemaError for a
 * store this code cannot use (newer, half-made), as migrate() would.
 */
export async function pendingMigrations(db: Db, target: DatabaseTarget): Promise<string[]> {
  const known = listMigrations(target);
  const tables = await listTables(db, target);
  if (!tables.includes(MIGRATIONS_TABLE)) {
    if (tables.length) throw halfMadeStoreError(tables);
    return known.map((m) => m.name);
  }
  const done = (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "${MIGRATIONS_TABLE}"`)).map((r) => r.name);
  const newer = newerSchemaError(done, known);
  if (newer) throw newer;
  return known.filter((m) => !done.includes(m.name)).map((m) => m.name);
}
