import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../src/store/client.ts";

// Every test file gets its own real, freshly migrated database: a SQLite file
// by default, or a new PostgreSQL database when TEST_DATABASE=postgres
// (`npm run test:pg`, run by .ci/run). Nothing is mocked.

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const usingPostgres = process.env.TEST_DATABASE === "postgres";

export interface TestStore extends Store {
  url: string;
  destroy(): Promise<void>;
}

export async function createTestStore(): Promise<TestStore> {
  if (!usingPostgres) {
    const dir = mkdtempSync(join(tmpdir(), "dispatch-test-"));
    const url = `file:${join(dir, "test.db")}`;
    const store = await openStore(url);
    return { ...store, url, destroy: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `dispatch_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore(url.toString());
  return {
    ...store,
    url: url.toString(),
    destroy: async () => {
      await store.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
