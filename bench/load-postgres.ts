import Database from "better-sqlite3";
import pg from "pg";
import { openStore } from "../src/store/client.ts";

// Copies a bench district from its SQLite file into a fresh PostgreSQL
// database (created and migrated by the store itself), so both stores are
// measured on the same rows. Kept between runs when the counts match.

const TABLES = ["Group", "Unit", "Target", "Project", "ProjectCoUnit", "ProjectResponsible", "Update", "FundEntry", "SupervisionItem"];

export async function loadPostgres(sqliteFile: string, adminUrl: string, name: string): Promise<string> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const source = new Database(sqliteFile, { readonly: true });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
  if (exists) {
    const target = new pg.Client({ connectionString: url.toString() });
    await target.connect();
    const same = await Promise.all(
      ["Project", "Update", "FundEntry"].map(async (t) => Number((await target.query(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0].n) === (source.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n),
    ).catch(() => [false]);
    await target.end();
    if (same.every(Boolean)) {
      await admin.end();
      source.close();
      return url.toString();
    }
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  await (await openStore(url.toString())).close();
  const target = new pg.Client({ connectionString: url.toString() });
  await target.connect();
  for (const table of TABLES) {
    const columns = (source.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const rows = source.prepare(`SELECT * FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>;
    let batch: unknown[][] = [];
    const flush = async () => {
      if (!batch.length) return;
      const values = batch.map((r, i) => `(${r.map((_, j) => `$${i * columns.length + j + 1}`).join(", ")})`).join(", ");
      await target.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`, batch.flat());
      batch = [];
    };
    for (const r of rows) {
      batch.push(r);
      if (batch.length * columns.length > 30_000) await flush();
    }
    await flush();
    if (columns.includes("id")) await target.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`);
  }
  await target.query("ANALYZE");
  await target.end();
  source.close();
  return url.toString();
}
