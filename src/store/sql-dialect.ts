import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import type { Db } from "./client.ts";

// The few places where SQLite and PostgreSQL spell the same thing
// differently, so every report query is written once for both. Values are
// always bound parameters (Prisma's sql tag), never spliced into the text.

export type Dialect = "sqlite" | "postgres";

/** Prisma keeps the provider a client was generated for on the client (not in its public types). */
export function dialectOf(db: Db): Dialect {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgres" : "sqlite";
}

export { join, raw, sql, type Sql };

/** Fragments one after another; nothing for none (Prisma's join refuses an empty list). */
export function concat(parts: Sql[], separator = ""): Sql {
  return parts.length ? join(parts, separator) : empty;
}

/** A quoted identifier, e.g. col("p", "signedAt") → p."signedAt". */
export function col(table: string, name: string): Sql {
  return raw(`${table}."${name}"`);
}

/** Smallest non-null of several text dates, NULL when all are NULL (SQLite's MIN(a, b) is NULL if any is). */
export function leastDate(d: Dialect, exprs: Sql[]): Sql {
  const none = "'9999-99-99'";
  const args = join(exprs.map((e) => sql`COALESCE(${e}, ${raw(none)})`), ", ");
  return sql`NULLIF(${raw(d === "postgres" ? "LEAST" : "MIN")}(${args}), ${raw(none)})`;
}

/** Largest of several non-null numbers. */
export function greatest(d: Dialect, exprs: Sql[]): Sql {
  return sql`${raw(d === "postgres" ? "GREATEST" : "MAX")}(${join(exprs, ", ")})`;
}

/** A real (float) parameter: PostgreSQL must be told the type of a bare parameter. */
export function real(v: number): Sql {
  return sql`CAST(${v} AS DOUBLE PRECISION)`;
}

/** A text parameter (dates as 'YYYY-MM-DD'). */
export function text(v: string): Sql {
  return sql`CAST(${v} AS TEXT)`;
}

/** A table (alias.value) of the integers in a JSON array held as text, e.g. '[3,5]'. */
export function jsonIntegers(d: Dialect, jsonText: Sql, alias: string): Sql {
  return d === "postgres"
    ? sql`jsonb_array_elements_text(CAST(${jsonText} AS jsonb)) AS ${raw(alias)}(value)`
    : sql`json_each(${jsonText}) AS ${raw(alias)}`;
}

/** A JSON array (as text) of the values of one column over a subquery's rows. */
export function jsonArrayText(d: Dialect, column: Sql): Sql {
  return d === "postgres" ? sql`CAST(COALESCE(json_agg(${column}), '[]') AS TEXT)` : sql`json_group_array(${column})`;
}
