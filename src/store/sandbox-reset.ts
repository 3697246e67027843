import { readLines } from "./backup-file.ts";
import { insertRows } from "./bulk-insert.ts";
import type { Db } from "./client.ts";
import type { DatabaseTarget } from "./database-target.ts";
import { openRawConnection } from "./raw-connection.ts";
import { quoteId, readCatalog, type TableInfo } from "./table-catalog.ts";

/**
 * Forgets every scheduled post and ping the store remembers as sent. Only the
 * sandbox calls this, at start: its Slack workspace lives in memory, so after
 * a restart the channels are empty and the posts must be due again.
 */
export async function forgetPosts(db: Db): Promise<void> {
  await db.$transaction([db.overduePing.deleteMany({}), db.jobRun.deleteMany({})]);
}

/**
 * Puts the store back to a checkpoint written by writeBackup, in one
 * transaction: every table emptied (children first), then refilled. Only the
 * sandbox calls this, when time travel returns to today, so nothing dated at
 * the travelled time outlives the trip.
 */
export async function rollBackTo(target: DatabaseTarget, checkpoint: string): Promise<void> {
  const conn = await openRawConnection(target);
  try {
    const catalog = await readCatalog(conn);
    const byName = new Map(catalog.map((t) => [t.name, t] as const));
    await conn.transaction("write", async () => {
      for (const t of [...catalog].reverse()) await conn.run(`DELETE FROM ${quoteId(t.name)}`);
      let table: TableInfo | undefined;
      let columns: string[] = [];
      let batch: unknown[][] = [];
      const flush = async () => {
        if (table && batch.length) await insertRows(conn, table, columns, batch);
        batch = [];
      };
      const lines = readLines(checkpoint);
      await lines.next(); // the header: the checkpoint was written by this process, on this schema
      for await (const line of lines) {
        if (Array.isArray(line)) {
          batch.push(line);
          if (batch.length === 2_000) await flush();
        } else if (line && typeof line === "object" && "table" in line) {
          await flush();
          const l = line as { table: string; columns: string[] };
          table = byName.get(l.table);
          columns = l.columns;
        } else if (line && typeof line === "object" && "end" in line) break;
      }
      await flush();
      // Sequences are left where the trip took them (as SQLite's AUTOINCREMENT is): a number
      // handed out during the trip is never handed out again, so nothing that still remembers
      // it (the inbox's entries in memory, a message naming a project) meets a different row.
    });
  } finally {
    await conn.close();
  }
}
