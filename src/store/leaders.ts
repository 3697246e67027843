import type { LeaderEntry } from "../domain/leaders.ts";
import type { Db, Tx } from "./client.ts";

// The leaders directory (包联领导 with their Slack ids), from the ledger's directory sheet.

export async function listLeaders(db: Db | Tx): Promise<LeaderEntry[]> {
  return db.leader.findMany({ orderBy: { name: "asc" } });
}

export async function upsertLeader(db: Db | Tx, l: LeaderEntry): Promise<void> {
  await db.leader.upsert({ where: { slackUserId: l.slackUserId }, create: l, update: { name: l.name } });
}
