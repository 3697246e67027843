import Database from "better-sqlite3";
import pg from "pg";
import { buildReport, type ReportKind } from "../src/services/report-service.ts";
import { openStore } from "../src/store/client.ts";

// The statements a report sends to the database, with their parameters, as
// the driver receives them: the floor replays exactly these with the bare
// driver (no Prisma, no JavaScript on top), so report and floor do the same reads.

export interface Statement {
  sql: string;
  values: unknown[];
}

export async function captureStatements(url: string, kind: ReportKind, now: Date): Promise<Statement[]> {
  const store = await openStore(url);
  const seen: Statement[] = [];
  const db = Database.prototype as unknown as { prepare(sql: string): unknown };
  const prepare = db.prepare;
  const query = pg.Client.prototype.query;
  db.prepare = function (this: unknown, sql: string) {
    const stmt = prepare.call(this, sql) as { bind(args: unknown[]): unknown };
    const bind = stmt.bind;
    stmt.bind = function (this: unknown, args: unknown[]) {
      seen.push({ sql, values: args.map((v) => (typeof v === "bigint" ? Number(v) : v)) });
      return bind.call(this, args);
    };
    return stmt;
  };
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string; values?: unknown[] };
    if (typeof q === "object" && q.text) seen.push({ sql: q.text, values: q.values ?? [] });
    else if (typeof q === "string") seen.push({ sql: q, values: (args[1] as unknown[]) ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  try {
    await buildReport(store.db, { kind, by: "group", now });
  } finally {
    db.prepare = prepare;
    pg.Client.prototype.query = query;
    await store.close();
  }
  // Transaction bookkeeping is not a read.
  return seen.filter((s) => /^\s*(SELECT|WITH)/i.test(s.sql));
}
