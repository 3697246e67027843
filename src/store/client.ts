import type { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { databaseTarget, driverAdapter, type DatabaseTarget } from "./database-target.ts";
import { migrate } from "./migrate.ts";

/**
 * The Prisma client type the repositories are written against. Both providers
 * are generated from the same models, so their clients have the same API; the
 * SQLite one serves as the type of both.
 */
export type Db = SqliteClient;

export interface Store {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

// Which database each open client talks to, for code that writes beside
// Prisma over its own connection (imports, restores) given only the client.
const targets = new WeakMap<Db, DatabaseTarget>();

/** The database an open client was opened on. */
export function storeTarget(db: Db): DatabaseTarget {
  const target = targets.get(db);
  if (!target) throw new Error("storeTarget: this client was not opened with openStore");
  return target;
}

/** Opens (and on first use creates and migrates) the store named by DATABASE_URL. */
export async function openStore(
  url?: string,
  opts: { migrate?: boolean; allowExitOnIdle?: boolean } = {},
): Promise<Store> {
  const target = databaseTarget(url);
  const adapter = await driverAdapter(target, { allowExitOnIdle: opts.allowExitOnIdle });
  // Only the provider in use is loaded (each generated client carries its own query compiler).
  const db =
    target.provider === "sqlite"
      ? new (await import("./generated/sqlite/client.ts")).PrismaClient({ adapter })
      : (new (await import("./generated/postgres/client.ts")).PrismaClient({ adapter }) as unknown as Db);
  if (opts.migrate !== false) await migrate(db, target);
  if (target.provider === "sqlite") {
    // WAL lets readers (reports) run while a writer (a Slack update) commits.
    // Waiting for another process's write lock is the adapter's job (sqlite-adapter.ts).
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  }
  targets.set(db, target);
  return { db, target, close: () => db.$disconnect() };
}

/** A Prisma interactive-transaction client. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when given
 * one, so a whole import can be all-or-nothing over the same write functions
 * a single Slack update uses.
 */
export function inTransaction<T>(db: Db | Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn, { timeout: 30_000, maxWait: 30_000 }) : fn(db);
}

/** For /health: the store answers a trivial query. */
export async function storeReachable(db: Db): Promise<boolean> {
  return (await db.$queryRawUnsafe("SELECT 1")) !== undefined;
}
