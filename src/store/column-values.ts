import type { ColumnKind } from "./table-catalog.ts";
import type { RawConnection } from "./raw-connection.ts";

// One column value in three forms: as a driver returns it, as a backup file
// holds it (the same on both providers: instants as ISO-8601 UTC text,
// booleans as true/false, bytes as base64), and as a driver takes it. SQLite
// instants are written exactly as Prisma's SQLite adapter writes them, since
// reports compare them as text.

export type Provider = RawConnection["provider"];

/** A backup file's value. */
export type PortableValue = string | number | boolean | null;

/** Database text of an instant ("2026-11-23 01:00:00", "...T01:00:00.000+00:00", "...+08") as ISO-8601 UTC. */
function instantText(v: string): string {
  let s = v.trim().replace(" ", "T");
  if (/[+-]\d\d$/.test(s)) s += ":00";
  else if (!/(Z|[+-]\d\d:?\d\d)$/i.test(s)) s += "Z";
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new Error(`无法识别的时间值 “${v}”`);
  return d.toISOString();
}

export function toPortable(kind: ColumnKind, v: unknown): PortableValue {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case "int":
    case "float":
      return typeof v === "bigint" ? Number(v) : Number(v);
    case "bigint":
    case "decimal":
      return String(v);
    case "bool":
      return v === true || v === 1 || v === "1" || v === "t" || v === "true";
    case "datetime":
      return v instanceof Date ? v.toISOString() : typeof v === "number" ? new Date(v).toISOString() : instantText(String(v));
    case "json":
      return typeof v === "string" ? v : JSON.stringify(v);
    case "bytes":
      return Buffer.isBuffer(v) ? v.toString("base64") : Buffer.from(v as Uint8Array).toString("base64");
    default:
      return String(v);
  }
}

/** A portable value, or a plain JS one (a Date for an instant), as the provider's driver takes it. */
export function toDriver(kind: ColumnKind, v: unknown, provider: Provider): unknown {
  if (v === null || v === undefined) return null;
  if (kind === "datetime") {
    const iso = v instanceof Date ? v.toISOString() : instantText(String(v));
    return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso;
  }
  if (kind === "bool") return provider === "sqlite" ? (v ? 1 : 0) : v ? "true" : "false";
  if (kind === "bytes") {
    const buf = Buffer.isBuffer(v) ? v : Buffer.from(String(v), "base64");
    return provider === "sqlite" ? buf : `\\x${buf.toString("hex")}`;
  }
  // PostgreSQL gets text and casts it to the column's type; SQLite's column affinity converts text digits itself.
  return provider === "postgres" ? String(v) : v;
}
