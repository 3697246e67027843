import type { LocalDate } from "../domain/types.ts";
import type { Db } from "./client.ts";

// Overdue pings (one per group per day), their acknowledgement, and mutes.

export interface PingRow {
  id: number;
  groupId: number;
  day: string;
  channelId: string;
  messageTs: string | null;
  projectIds: string;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  escalatedAt: Date | null;
}

export async function recordPing(db: Db, p: { groupId: number; day: LocalDate; channelId: string; messageTs: string; projectIds: number[]; escalated: boolean; at: Date }): Promise<void> {
  const data = { channelId: p.channelId, messageTs: p.messageTs, projectIds: JSON.stringify(p.projectIds), escalatedAt: p.escalated ? p.at : null };
  await db.overduePing.upsert({ where: { groupId_day: { groupId: p.groupId, day: p.day } }, create: { groupId: p.groupId, day: p.day, ...data }, update: data });
}

/** The group's latest pings, newest first. */
export async function recentPings(db: Db, groupId: number, limit: number): Promise<PingRow[]> {
  return db.overduePing.findMany({ where: { groupId }, orderBy: { day: "desc" }, take: limit });
}

/** Marks the ping posted as (channel, ts) acknowledged; false if there is no such ping. First acknowledgement wins. */
export async function acknowledgePing(db: Db, channelId: string, messageTs: string, userId: string, at: Date): Promise<boolean> {
  const ping = await db.overduePing.findFirst({ where: { channelId, messageTs } });
  if (!ping) return false;
  await db.overduePing.updateMany({ where: { id: ping.id, acknowledgedAt: null }, data: { acknowledgedBy: userId, acknowledgedAt: at } });
  return true;
}

export async function findPing(db: Db, channelId: string, messageTs: string): Promise<PingRow | null> {
  return db.overduePing.findFirst({ where: { channelId, messageTs } });
}

export async function muteUntil(db: Db, userId: string, until: LocalDate): Promise<void> {
  await db.pingMute.upsert({ where: { userId }, create: { userId, until }, update: { until } });
}

/** Users whose pings are muted on `day`. */
export async function mutedUsers(db: Db, day: LocalDate): Promise<Set<string>> {
  return new Set((await db.pingMute.findMany({ where: { until: { gte: day } } })).map((m) => m.userId));
}
