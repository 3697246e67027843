import type { Group, Target, Unit, UnitKind } from "../domain/types.ts";
import { inTransaction, type Db, type Tx } from "./client.ts";

// Groups (专项招商工作组), units (园区/区级部门) and their annual targets.
// Upserts match by name (groups, units) or by (year, unit|group) (targets),
// so loading the same ledger twice changes nothing.

export async function listGroups(db: Db | Tx): Promise<Group[]> {
  const rows = await db.group.findMany({ include: { members: true }, orderBy: { id: "asc" } });
  return rows.map(({ members, ...g }) => ({ ...g, memberUserIds: members.map((m) => m.slackUserId).sort() }));
}

export async function listUnits(db: Db | Tx): Promise<Unit[]> {
  const rows = await db.unit.findMany({ orderBy: { id: "asc" } });
  return rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitKind }));
}

export async function listTargets(db: Db | Tx, year?: number): Promise<Target[]> {
  const rows = await db.target.findMany({ where: { year }, orderBy: [{ year: "asc" }, { id: "asc" }] });
  return rows.map(({ id: _id, ...t }) => t);
}

export type GroupInput = Omit<Group, "id" | "memberUserIds"> & { memberUserIds?: string[] };

export async function upsertGroup(db: Db | Tx, g: GroupInput): Promise<number> {
  const { memberUserIds, ...fields } = g;
  const row = await db.group.upsert({ where: { name: g.name }, create: fields, update: fields });
  if (memberUserIds) {
    await inTransaction(db, async (tx) => {
      await tx.groupMember.deleteMany({ where: { groupId: row.id } });
      await tx.groupMember.createMany({ data: memberUserIds.map((slackUserId) => ({ groupId: row.id, slackUserId })) });
    });
  }
  return row.id;
}

export async function upsertUnit(db: Db | Tx, u: { name: string; kind: UnitKind }): Promise<number> {
  const row = await db.unit.upsert({ where: { name: u.name }, create: u, update: { kind: u.kind } });
  return row.id;
}

export async function upsertTarget(db: Db | Tx, t: Target): Promise<void> {
  const existing = await db.target.findFirst({ where: { year: t.year, unitId: t.unitId, groupId: t.groupId } });
  if (existing) await db.target.update({ where: { id: existing.id }, data: t });
  else await db.target.create({ data: t });
}
