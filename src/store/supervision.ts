import { randomUUID } from "node:crypto";
import type { LocalDate, SupervisionItem } from "../domain/types.ts";
import { inTransaction, type Db, type Tx } from "./client.ts";
import { NotFoundError } from "./errors.ts";
import { claimRequest, type Actor, type WriteOptions } from "./projects.ts";

// 督办 (listed for supervision) and 销号 (closed out by a named person).
// `localDateOf` turns the open/close instants into district-local days.

type Row = {
  id: number;
  projectId: number;
  issue: string;
  owner: string;
  deadline: string;
  status: string;
  openedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
};

export function toSupervisionItem(row: Row, localDateOf: (d: Date) => LocalDate): SupervisionItem {
  return {
    id: row.id,
    projectId: row.projectId,
    issue: row.issue,
    owner: row.owner,
    deadline: row.deadline,
    openedOn: localDateOf(row.openedAt),
    closedOn: row.closedAt ? localDateOf(row.closedAt) : null,
    closedBy: row.closedBy,
  };
}

async function history(db: Pick<Db, "update">, projectId: number, actor: Actor, at: Date, value: object) {
  await db.update.create({
    data: { projectId, batch: randomUUID(), at, author: actor.author, source: actor.source, field: "SUPERVISION", newValue: JSON.stringify(value) },
  });
}

export async function openSupervision(
  db: Db | Tx,
  item: { projectId: number; issue: string; owner: string; deadline: LocalDate },
  actor: Actor,
  opts: WriteOptions = {},
) {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (tx) => {
    await claimRequest(tx, opts, "supervision");
    const row = await tx.supervisionItem.create({ data: { ...item, openedBy: actor.author, openedAt: at } });
    await history(tx, item.projectId, actor, at, { action: "OPEN", id: row.id, issue: item.issue, deadline: item.deadline });
    return row;
  });
}

export async function closeSupervision(db: Db | Tx, id: number, note: string, actor: Actor, opts: WriteOptions = {}) {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (tx) => {
    const row = await tx.supervisionItem.findUnique({ where: { id } });
    if (!row) throw new NotFoundError(`督办事项 ${id} 不存在。`);
    if (row.status === "CLOSED") return row;
    await claimRequest(tx, opts, `closed ${id}`);
    const closed = await tx.supervisionItem.update({
      where: { id },
      data: { status: "CLOSED", closedAt: at, closedBy: actor.author, closeNote: note },
    });
    await history(tx, row.projectId, actor, at, { action: "CLOSE", id, note });
    return closed;
  });
}

export async function getSupervisionItem(db: Db, id: number) {
  return db.supervisionItem.findUnique({ where: { id } });
}

export async function listSupervision(db: Db, projectId: number) {
  return db.supervisionItem.findMany({ where: { projectId }, orderBy: { id: "asc" } });
}
