import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, createTestStore, PG_ADMIN_URL, usingPostgres, type TestStore } from "../helpers/test-store.ts";

// The migrations under prisma/<provider>/migrations must build exactly the
// schema that prisma/models.prisma describes: a migration written by hand (or
// two branches' migrations merged) that drifts from the models fails here.
// One database is migrated as the bot migrates; another is built from the
// models in one go (`prisma migrate diff --from-empty`); their tables,
// columns, indexes and foreign keys are compared.

const ROOT = resolve(import.meta.dirname, "../..");
const provider = usingPostgres ? "postgres" : "sqlite";

function modelsSql(): string {
  return execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "diff", "--from-empty", "--to-schema-datamodel", `prisma/${provider}/schema.prisma`, "--script"],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: usingPostgres ? PG_ADMIN_URL : "file:./data/unused.db" }, stdio: ["ignore", "pipe", "pipe"] },
  );
}

const SQLITE_DESCRIBE = `
  SELECT m.name AS tbl, 'col ' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' default=' || IFNULL(c.dflt_value, '') || ' pk=' || c.pk AS what
    FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'
  UNION ALL
  SELECT m.name, 'index ' || i.name || ' unique=' || i."unique" || ' on ' || (SELECT group_concat(name, ',') FROM pragma_index_info(i.name))
    FROM sqlite_master m JOIN pragma_index_list(m.name) i WHERE m.type = 'table'
  UNION ALL
  SELECT m.name, 'fk ' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' delete=' || f.on_delete
    FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`;

const PG_DESCRIBE = `
  SELECT table_name AS tbl, 'col ' || column_name || ' ' || data_type || ' nullable=' || is_nullable || ' default=' || COALESCE(column_default, '') AS what
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL
  SELECT tablename, 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT tc.table_name, 'constraint ' || tc.constraint_type || ' ' || tc.constraint_name
    FROM information_schema.table_constraints tc WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('FOREIGN KEY', 'PRIMARY KEY', 'UNIQUE')`;

function normalise(rows: { tbl: string; what: string }[]): string[] {
  return rows
    .filter((r) => !r.tbl.startsWith("_") && !r.tbl.startsWith("sqlite_"))
    .map((r) => `${r.tbl}: ${r.what}`)
    .sort();
}

let store: TestStore;
let scratch: string;
beforeAll(async () => {
  store = await createTestStore();
  scratch = mkdtempSync(join(tmpdir(), "dispatch-models-"));
});
afterAll(async () => {
  await store.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

describe("migrations", () => {
  it(`build the schema prisma/models.prisma describes (${provider})`, async () => {
    const migrated = normalise(await store.db.$queryRawUnsafe(usingPostgres ? PG_DESCRIBE : SQLITE_DESCRIBE));
    const sql = modelsSql();
    let fromModels: string[];
    if (!usingPostgres) {
      const db = new Database(join(scratch, "models.db"));
      db.exec(sql);
      fromModels = normalise(db.prepare(SQLITE_DESCRIBE).all() as { tbl: string; what: string }[]);
      db.close();
    } else {
      const name = `dispatch_t_${process.pid}_models`;
      await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
      await adminQuery(`CREATE DATABASE "${name}"`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query(sql);
        fromModels = normalise((await client.query(PG_DESCRIBE)).rows);
      } finally {
        await client.end();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    }
    expect(migrated.length).toBeGreaterThan(50);
    expect(migrated).toEqual(fromModels);
  }, 60_000);
});
