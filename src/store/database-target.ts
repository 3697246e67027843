import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Where the store lives, decided once from DATABASE_URL (SQLite unless it is a postgres URL). */
export interface DatabaseTarget {
  provider: "sqlite" | "postgres";
  url: string;
  /** prisma/<dir>: the generated schema and migrations of this provider. */
  schemaDir: string;
}

export const DEFAULT_DATABASE_URL = "file:./data/dispatch.db";

export function databaseTarget(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { provider: "postgres", url, schemaDir: "prisma/postgres" };
  }
  if (url.startsWith("file:")) return { provider: "sqlite", url, schemaDir: "prisma/sqlite" };
  throw new Error(
    `DATABASE_URL 无法识别：${redactUrl(url)}。请写成 file:./data/dispatch.db（SQLite）或 postgresql://user@host:5432/db（PostgreSQL）。` +
      ` / DATABASE_URL not recognised: use file:... (SQLite) or postgresql://... (PostgreSQL).`,
  );
}

/** A connection URL fit to print: the password (and anything after the scheme that cannot be parsed) hidden. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
    return scheme ? `${scheme}…` : "（无法识别的写法）";
  }
}

/** The path of the SQLite file, relative paths taken from the working directory. */
export function sqliteFilePath(target: DatabaseTarget): string {
  return resolve(target.url.slice("file:".length));
}

/**
 * Every wait on PostgreSQL is bounded: a server that refuses or a network that
 * drops packets fails a call within seconds instead of holding a request (and
 * the person waiting for its answer) indefinitely. A row lock held by another
 * writer is waited for briefly (bot writes hold them for milliseconds);
 * statements get long enough for the largest report; the client-side query
 * timeout catches a server that no longer answers at all.
 */
export const POSTGRES_WAITS = {
  connectionTimeoutMillis: 5_000,
  lock_timeout: 10_000,
  statement_timeout: 120_000,
  query_timeout: 125_000,
  idle_in_transaction_session_timeout: 60_000,
  keepAlive: true,
  // No JIT: the report queries cost just over its threshold at 10,000 projects
  // and compiling them took longer (250-500 ms) than running them.
  options: "-c jit=off",
} as const;

/**
 * The Prisma driver adapter for a target; creates the SQLite folder on first use.
 * `allowExitOnIdle` lets a short-lived process (the Prisma CLI, `dispatch`) exit
 * as soon as its work is done instead of waiting for idle pool connections.
 */
export async function driverAdapter(target: DatabaseTarget, opts: { allowExitOnIdle?: boolean } = {}) {
  // Only the driver in use is loaded: a SQLite process never loads pg, and the reverse.
  if (target.provider === "sqlite") {
    const { sqliteAdapterFactory } = await import("./sqlite-adapter.ts");
    const file = sqliteFilePath(target);
    mkdirSync(dirname(file), { recursive: true });
    return sqliteAdapterFactory(file);
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaPg({
    connectionString: target.url,
    ...POSTGRES_WAITS,
    allowExitOnIdle: opts.allowExitOnIdle,
    ...(opts.allowExitOnIdle ? { idleTimeoutMillis: 50 } : {}),
  });
}
