import { once } from "node:events";
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import type { Writable } from "node:stream";
import type { ColumnKind } from "./table-catalog.ts";

// The backup file: JSON Lines, the same whichever provider wrote it or will
// read it. Line 1 is the header (format, the schema's migrations, every
// table's columns); then each table as a {"table"} line followed by one JSON
// array per row, parents before children; the last line {"end"} carries the
// row counts, so a truncated file is refused rather than half restored.
// A name ending in .gz is gzip-compressed; reading detects it by content.

export const BACKUP_FORMAT = "zhaoshang-dispatch.backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The provider it was taken from (for the record; restoring works on either). */
  provider: string;
  schema: { version: string; migrations: string[] };
  tables: Array<{ name: string; columns: Array<{ name: string; kind: ColumnKind }> }>;
}

export type BackupLine = { table: string; columns: string[] } | { end: true; rows: Record<string, number> } | unknown[];

/** Writes lines to `path` through a temporary file renamed at the end, so an interrupted backup never looks complete. */
export async function writeLines(path: string, produce: (write: (line: unknown) => Promise<void>) => Promise<void>): Promise<void> {
  const tmp = `${path}.partial`;
  const file = createWriteStream(tmp);
  const gzip = path.endsWith(".gz") ? createGzip() : null;
  if (gzip) gzip.pipe(file);
  const out: Writable = gzip ?? file;
  let buffer = "";
  const flush = async () => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = "";
    if (!out.write(chunk)) await once(out, "drain");
  };
  try {
    await produce(async (line) => {
      buffer += `${JSON.stringify(line)}\n`;
      if (buffer.length > 1 << 20) await flush();
    });
    await flush();
    out.end();
    await once(file, "close");
    renameSync(tmp, path);
  } catch (e) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The file's lines, parsed, in order; the first one is the header. */
export async function* readLines(path: string): AsyncGenerator<unknown> {
  const handle = await open(path, "r");
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  const raw = createReadStream(path);
  const input = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line);
    } catch {
      throw new Error(`备份文件第 ${n} 行不是有效的 JSON：文件可能已损坏或不是本程序的备份`);
    }
  }
}
