import type { Db } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";

// The durable inbox (see the InboxEntry model): Slack requests written before
// they are acknowledged, claimed by the process that works on them, and
// marked done once answered.

export interface InboxEntry {
  id: number;
  deliveryKey: string;
  kind: string;
  payload: unknown;
  userId: string;
  receivedAt: Date;
  claimedBy: string | null;
  attempts: number;
}

const toEntry = (r: { id: number; deliveryKey: string; kind: string; payload: string; userId: string; receivedAt: Date; claimedBy: string | null; attempts: number }): InboxEntry => ({
  ...r,
  payload: JSON.parse(r.payload),
});

/**
 * Writes a request, claimed by `worker`. Returns null when the same delivery
 * was written before (Slack redelivered it): it is processed once.
 */
export async function addInboxEntry(
  db: Db,
  entry: { deliveryKey: string; kind: string; payload: unknown; userId: string; receivedAt: Date; worker: string },
): Promise<InboxEntry | null> {
  try {
    const row = await db.inboxEntry.create({
      data: { deliveryKey: entry.deliveryKey, kind: entry.kind, payload: JSON.stringify(entry.payload), userId: entry.userId, receivedAt: entry.receivedAt, claimedBy: entry.worker, claimedAt: entry.receivedAt },
    });
    return toEntry(row);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
}

/** Removes an entry written too late (the person was already told it was not taken): it must not run. */
export async function discardInboxEntry(db: Db, id: number): Promise<void> {
  await db.inboxEntry.deleteMany({ where: { id, doneAt: null } });
}

export async function markInboxEntryDone(db: Db, id: number, at: Date): Promise<void> {
  await db.inboxEntry.update({ where: { id }, data: { doneAt: at } });
}

export async function countInboxAttempt(db: Db, id: number): Promise<number> {
  return (await db.inboxEntry.update({ where: { id }, data: { attempts: { increment: 1 } }, select: { attempts: true } })).attempts;
}

/** Unfinished entries, oldest first, with the process that claimed each. */
export async function listUnfinishedInbox(db: Db, limit = 100): Promise<InboxEntry[]> {
  const rows = await db.inboxEntry.findMany({ where: { doneAt: null }, orderBy: { id: "asc" }, take: limit });
  return rows.map(toEntry);
}

/** Takes an entry over from `from` (a process that is gone); false when another process was quicker. */
export async function takeOverInboxEntry(db: Db, id: number, from: string | null, worker: string, at: Date): Promise<boolean> {
  const { count } = await db.inboxEntry.updateMany({ where: { id, doneAt: null, claimedBy: from }, data: { claimedBy: worker, claimedAt: at } });
  return count === 1;
}

/** Done entries are kept a week (for looking into a complaint), then removed. */
export async function pruneInbox(db: Db, before: Date): Promise<number> {
  return (await db.inboxEntry.deleteMany({ where: { doneAt: { lt: before } } })).count;
}
