import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

// Prisma's better-sqlite3 adapter with writers that share the file politely.
// Its transactions start with a plain (deferred) BEGIN, and a deferred
// transaction that upgrades to a write fails at once with SQLITE_BUSY while
// another connection (an import, a second bot process) holds the write lock:
// busy_timeout is not consulted for that upgrade. So here every transaction
// takes the write lock at BEGIN IMMEDIATE, and a busy lock is waited for
// asynchronously (short sleeps, the event loop free to acknowledge Slack
// meanwhile) rather than inside better-sqlite3's synchronous busy handler,
// which would freeze the whole process. Statements outside a transaction
// that meet a busy lock are retried the same way.

/** How long a write waits for another connection's lock before it fails (an import holds it a few seconds). */
export const SQLITE_LOCK_WAIT_MS = 20_000;
/** The synchronous busy handler's share: short, since it blocks the event loop while it waits. */
const SYNC_BUSY_TIMEOUT_MS = 20;
const PAGE_CACHE_KB = 4000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A driver error saying the database is locked by another connection (raw, or as the adapter maps it). */
export function isSqliteBusy(e: unknown): boolean {
  const err = e as { code?: string; cause?: { originalCode?: string; kind?: string } } | null;
  if (!err) return false;
  const code = err.code ?? err.cause?.originalCode;
  return typeof code === "string" ? code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") : false;
}

/** Runs `attempt` until it stops failing for a busy lock, sleeping a little longer each time, up to `waitMs` in all. */
export async function whileBusy<T>(attempt: () => T | Promise<T>, waitMs = SQLITE_LOCK_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      return await attempt();
    } catch (e) {
      if (!isSqliteBusy(e) || Date.now() >= deadline) throw e;
      await sleep(pause + Math.random() * pause);
    }
  }
}

/** One transaction at a time on the single connection: the next waits for the previous to commit or roll back. */
function createMutex() {
  let tail: Promise<void> = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const held = new Promise<void>((ok) => (release = ok));
      const ready = tail.then(() => release);
      tail = tail.then(() => held);
      return ready;
    },
  };
}

export function sqliteAdapterFactory(file: string, opts: { lockWaitMs?: number } = {}): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSQLite3({ url: file });
  const lockWaitMs = opts.lockWaitMs ?? SQLITE_LOCK_WAIT_MS;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connectToShadowDb: () => inner.connectToShadowDb(),
    async connect(): Promise<SqlDriverAdapter> {
      // Two connections, as a PostgreSQL pool would give: transactions on one,
      // statements outside any transaction on the other, so a plain statement
      // (a Slack request written to the inbox) never lands inside, and is
      // never rolled back with, a transaction that happens to be open.
      const txSide = await inner.connect();
      const plain = await inner.connect();
      const txClient = (txSide as unknown as { client: Database.Database }).client;
      for (const a of [txSide, plain]) {
        const c = (a as unknown as { client: Database.Database }).client;
        c.pragma(`busy_timeout = ${SYNC_BUSY_TIMEOUT_MS}`);
        // 4 MB of page cache per connection, not better-sqlite3's 16 MB: a report reads most pages once
        // (the OS caches the file anyway), so the larger cache only added resident memory (measured: the
        // same time at 10k and 100k projects, 20 MB less peak).
        c.pragma(`cache_size = -${PAGE_CACHE_KB}`);
      }
      const mutex = createMutex();
      const adapter: SqlDriverAdapter = {
        provider: plain.provider,
        adapterName: plain.adapterName,
        queryRaw: (q: SqlQuery) => whileBusy(() => plain.queryRaw(q), lockWaitMs),
        executeRaw: (q: SqlQuery) => whileBusy(() => plain.executeRaw(q), lockWaitMs),
        executeScript: (script: string) => whileBusy(() => plain.executeScript(script), lockWaitMs),
        async startTransaction(isolationLevel) {
          if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
            throw new Error(`SQLite transactions are serializable; ${isolationLevel} was asked for`);
          }
          const release = await mutex.acquire();
          try {
            await whileBusy(() => txClient.prepare("BEGIN IMMEDIATE").run(), lockWaitMs);
          } catch (e) {
            release();
            throw e;
          }
          // The lock is held from BEGIN IMMEDIATE on: nothing inside needs to wait.
          const tx: Transaction = {
            provider: txSide.provider,
            adapterName: txSide.adapterName,
            // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls these.
            options: { usePhantomQuery: false },
            queryRaw: (q) => txSide.queryRaw(q),
            executeRaw: (q) => txSide.executeRaw(q),
            commit: async () => release(),
            rollback: async () => release(),
          };
          return tx;
        },
        async dispose() {
          await Promise.all([txSide.dispose(), plain.dispose()]);
        },
      };
      return adapter;
    },
  };
}
