import { randomUUID } from "node:crypto";
import type { FundEntry, LocalDate } from "../domain/types.ts";
import { inTransaction, type Db, type Tx } from "./client.ts";
import { NotFoundError } from "./errors.ts";
import { claimRequest, type Actor, type WriteOptions } from "./projects.ts";

// 到位资金 is a list of dated entries, never one overwritten number: each entry
// is inserted with its history row, at most once per request key.

export async function recordFunds(
  db: Db | Tx,
  entry: { projectId: number; date: LocalDate; amountWan: number; note?: string },
  actor: Actor,
  opts: WriteOptions = {},
): Promise<FundEntry> {
  return inTransaction(db, async (tx) => {
    await claimRequest(tx, opts, "fund");
    const project = await tx.project.findUnique({ where: { id: entry.projectId }, select: { id: true } });
    if (!project) throw new NotFoundError(`项目 #${entry.projectId} 不存在。`);
    const row = await tx.fundEntry.create({
      data: { projectId: entry.projectId, date: entry.date, amountWan: entry.amountWan, note: entry.note ?? "", author: actor.author },
    });
    await tx.update.create({
      data: {
        projectId: entry.projectId,
        batch: randomUUID(),
        at: opts.at ?? new Date(),
        author: actor.author,
        source: actor.source,
        field: "FUNDS",
        newValue: JSON.stringify({ id: row.id, date: entry.date, amountWan: entry.amountWan }),
      },
    });
    return toFundEntry(row);
  });
}

export function toFundEntry(row: { id: number; projectId: number; date: string; amountWan: number; note: string }): FundEntry {
  return { id: row.id, projectId: row.projectId, date: row.date, amountWan: row.amountWan, note: row.note };
}

/** Fund entries by project, then day, then entry. */
export async function listFunds(db: Db | Tx, where: { projectId?: number; upTo?: LocalDate } = {}): Promise<FundEntry[]> {
  const rows = await db.fundEntry.findMany({
    where: { projectId: where.projectId, date: where.upTo ? { lte: where.upTo } : undefined },
    orderBy: [{ projectId: "asc" }, { date: "asc" }, { id: "asc" }],
  });
  return rows.map(toFundEntry);
}
