import type Database from "better-sqlite3";
import type pg from "pg";
import { sqliteFilePath, type DatabaseTarget } from "./database-target.ts";

// A plain driver connection beside the Prisma client, for the two jobs
// Prisma's per-row machinery is too slow for: writing a whole import in one
// short transaction, and dumping or restoring every table. One small surface
// over both drivers, so the SQL above it is written once: `?` placeholders
// (numbered for PostgreSQL here), rows as plain objects, and transactions
// that take SQLite's write lock up front.

export interface RawConnection {
  provider: DatabaseTarget["provider"];
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Reads a SELECT page by page (through a cursor on PostgreSQL, in a transaction of its own if none is open). */
  forEachPage(sql: string, pageSize: number, onPage: (rows: unknown[][]) => Promise<void> | void): Promise<void>;
  /**
   * Runs `fn` in one transaction: "write" takes SQLite's write lock at BEGIN
   * (waiting for it up to the busy timeout) so it never fails half-way for a
   * lock; "snapshot" reads one consistent state of every table.
   */
  transaction<T>(kind: "write" | "snapshot", fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How long a writer waits for SQLite's write lock held by another process (bot writes hold it for milliseconds). */
const BUSY_TIMEOUT_MS = 15_000;

export async function openRawConnection(target: DatabaseTarget): Promise<RawConnection> {
  // Drivers load on first use: `dispatch --help` and a SQLite process never load pg.
  if (target.provider === "sqlite") return sqliteConnection(target, (await import("better-sqlite3")).default);
  return postgresConnection(target, (await import("pg")).default);
}

function sqliteConnection(target: DatabaseTarget, Driver: typeof Database): RawConnection {
  const db = new Driver(sqliteFilePath(target));
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    provider: "sqlite",
    async query<T>(sql: string, params: unknown[] = []) {
      const s = statement(sql);
      return (s.reader ? s.all(...params) : (s.run(...params), [])) as T[];
    },
    async run(sql, params = []) {
      return statement(sql).run(...params).changes;
    },
    async forEachPage(sql, pageSize, onPage) {
      let page: unknown[][] = [];
      for (const row of db.prepare(sql).raw().iterate() as IterableIterator<unknown[]>) {
        page.push(row);
        if (page.length === pageSize) {
          await onPage(page);
          page = [];
        }
      }
      if (page.length) await onPage(page);
    },
    async transaction(kind, fn) {
      db.exec(kind === "write" ? "BEGIN IMMEDIATE" : "BEGIN");
      try {
        const result = await fn();
        db.exec("COMMIT");
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw e;
      }
    },
    async close() {
      db.close();
    },
  };
}

// Timestamps come back as the text PostgreSQL prints, not as a Date in the
// process's time zone: the columns hold UTC wall-clock time.
const TEXT_TYPES = new Set([1114, 1184, 1082]);
const textTimestamps = (driver: typeof pg) => ({
  getTypeParser: (oid: number, format?: string) => (TEXT_TYPES.has(oid) ? (v: string) => v : driver.types.getTypeParser(oid, format as never)),
});

/** `?` → `$1, $2 …` (the SQL written here never has a literal question mark). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function postgresConnection(target: DatabaseTarget, driver: typeof pg): Promise<RawConnection> {
  const client = new driver.Client({ connectionString: target.url, types: textTimestamps(driver) as never });
  await client.connect();
  let cursors = 0;
  let inTransaction = false;
  const connection: RawConnection = {
    provider: "postgres",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(numbered(sql), params)).rows as T[];
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), params)).rowCount ?? 0;
    },
    async forEachPage(sql, pageSize, onPage) {
      if (!inTransaction) return connection.transaction("snapshot", () => connection.forEachPage(sql, pageSize, onPage));
      const name = `page_cursor_${++cursors}`;
      await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`);
      for (;;) {
        const { rows } = await client.query({ text: `FETCH ${pageSize} FROM ${name}`, rowMode: "array" });
        if (rows.length) await onPage(rows as unknown[][]);
        if (rows.length < pageSize) break;
      }
      await client.query(`CLOSE ${name}`);
    },
    async transaction(kind, fn) {
      await client.query(kind === "write" ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      inTransaction = true;
      try {
        const result = await fn();
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        inTransaction = false;
      }
    },
    async close() {
      await client.end();
    },
  };
  return connection;
}
