import { adminQuery, usingPostgres, PG_ADMIN_URL } from "./helpers/test-store.ts";

// For the PostgreSQL suite: fail at once with a clear message when the server
// is not there, and drop databases left behind by an interrupted earlier run.
// Only databases whose creating process is gone are dropped (their name holds
// its pid): several suites may share one server at once (worktrees, CI).
export default async function setup() {
  if (!usingPostgres) return;
  try {
    const left = await adminQuery(`SELECT datname FROM pg_database WHERE datname LIKE 'dispatch_t_%'`);
    for (const row of left.rows as { datname: string }[]) {
      const pid = Number(/^dispatch_t_(\d+)_/.exec(row.datname)?.[1]);
      if (pid && processAlive(pid)) continue;
      await adminQuery(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    }
  } catch (e) {
    throw new Error(`PostgreSQL test server not reachable at ${PG_ADMIN_URL}: ${(e as Error).message}. See README, "Tests".`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
