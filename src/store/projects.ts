import { randomUUID } from "node:crypto";
import type { Project } from "../domain/types.ts";
import { inTransaction, type Db, type Tx } from "./client.ts";
import { AlreadyAppliedError, NotFoundError, VersionConflictError, isUniqueViolation } from "./errors.ts";
import { decodeValue, encodeValue, flatten, fromDomain, toDomain, type FieldValue, type HistoryField } from "./project-row.ts";

export type UpdateSource = "SLASH" | "FORM" | "BUTTON" | "IMPORT" | "CLI" | "DEMO";

/** Who changes something and through what; every history row carries it. */
export interface Actor {
  author: string;
  source: UpdateSource;
}

export interface WriteOptions {
  /** Free-text progress (进展) recorded in the history with the change, even when no field changed. */
  progress?: string;
  /** When the progress row is dated, if not `at` (an import backdates creation but reports progress today). */
  progressAt?: Date;
  /** Idempotency key: a second write with the same key is refused with AlreadyAppliedError. */
  requestKey?: string;
  /** The key may be claimed again this long after (a person repeating a command on purpose); default never. */
  requestKeyTtlMs?: number;
  /** When the change happened (history timestamp); defaults to now. */
  at?: Date;
}

export interface FieldChange {
  field: HistoryField;
  oldValue: FieldValue;
  newValue: FieldValue;
}

const WITH_LINKS = { coUnits: { select: { unitId: true } }, responsibles: { select: { slackUserId: true } } } as const;

export async function getProject(db: Db | Tx, id: number): Promise<Project | null> {
  const row = await db.project.findUnique({ where: { id }, include: WITH_LINKS });
  return row ? toDomain(flatten(row)) : null;
}

export async function listProjects(db: Db | Tx, where: { groupId?: number; ids?: number[] } = {}): Promise<Project[]> {
  const rows = await db.project.findMany({
    where: { groupId: where.groupId, id: where.ids ? { in: where.ids } : undefined },
    include: WITH_LINKS,
    orderBy: { id: "asc" },
  });
  return rows.map((r) => toDomain(flatten(r)));
}

/** The 未来订单 of a project: projects recorded as its follow-on investment, oldest first. */
export async function listProjectsFollowingOn(db: Db | Tx, parentId: number): Promise<Project[]> {
  const rows = await db.project.findMany({ where: { followOnOfId: parentId }, include: WITH_LINKS, orderBy: { id: "asc" } });
  return rows.map((r) => toDomain(flatten(r)));
}

export async function findProjectByNameAndInvestor(db: Db | Tx, name: string, investor: string): Promise<Project | null> {
  const row = await db.project.findUnique({ where: { name_investor: { name, investor } }, include: WITH_LINKS });
  return row ? toDomain(flatten(row)) : null;
}

/** Projects whose name contains the fragment (for `/project show 物流`), best matches first. */
export async function searchProjectsByName(db: Db | Tx, fragment: string, limit = 10): Promise<Project[]> {
  const rows = await db.project.findMany({ where: { name: { contains: fragment } }, include: WITH_LINKS, take: limit * 5 });
  return rows
    .map((r) => toDomain(flatten(r)))
    .sort((a, b) => Number(b.name === fragment) - Number(a.name === fragment) || a.name.length - b.name.length)
    .slice(0, limit);
}

/** How many projects' names contain the fragment (the pick list shows only the closest few). */
export async function countProjectsByName(db: Db | Tx, fragment: string): Promise<number> {
  return db.project.count({ where: { name: { contains: fragment } } });
}

/**
 * Records that the request was applied, or throws AlreadyAppliedError if it
 * already was. Called inside the change's transaction, so a rolled-back
 * change leaves its key unclaimed.
 */
export async function claimRequest(tx: Tx, opts: WriteOptions, result: string): Promise<void> {
  const key = opts.requestKey;
  if (!key) return;
  const now = opts.at ?? new Date();
  const seen = await tx.appliedRequest.findUnique({ where: { key } });
  if (seen && !(seen.expiresAt && seen.expiresAt <= now)) throw new AlreadyAppliedError(key, seen.result);
  if (seen) await tx.appliedRequest.delete({ where: { key } });
  const expiresAt = opts.requestKeyTtlMs ? new Date(now.getTime() + opts.requestKeyTtlMs) : null;
  try {
    await tx.appliedRequest.create({ data: { key, result, at: now, expiresAt } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AlreadyAppliedError(key, result);
    throw e;
  }
}

/** Splits flat fields into the Project columns and its two link tables. */
function columnsOf(fields: Partial<Record<HistoryField, FieldValue>>) {
  const { coUnitIds, responsibleUserIds, ...columns } = fields;
  return { columns: columns as Record<string, unknown>, coUnitIds: coUnitIds as number[] | undefined, responsibleUserIds: responsibleUserIds as string[] | undefined };
}

async function replaceLinks(tx: Tx, projectId: number, coUnitIds?: number[], responsibleUserIds?: string[]) {
  if (coUnitIds) {
    await tx.projectCoUnit.deleteMany({ where: { projectId } });
    if (coUnitIds.length) await tx.projectCoUnit.createMany({ data: coUnitIds.map((unitId) => ({ projectId, unitId })) });
  }
  if (responsibleUserIds) {
    await tx.projectResponsible.deleteMany({ where: { projectId } });
    if (responsibleUserIds.length)
      await tx.projectResponsible.createMany({ data: responsibleUserIds.map((slackUserId) => ({ projectId, slackUserId })) });
  }
}

export async function createProject(
  db: Db | Tx,
  data: Omit<Project, "id" | "version">,
  actor: Actor,
  opts: WriteOptions = {},
): Promise<Project> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (tx) => {
    // Claim first: a retried create must be told "already done", not "name taken".
    await claimRequest(tx, opts, "created");
    const { columns, coUnitIds, responsibleUserIds } = columnsOf(fromDomain(data));
    const row = await tx.project.create({ data: columns as never });
    await replaceLinks(tx, row.id, coUnitIds, responsibleUserIds);
    const batch = randomUUID();
    await tx.update.create({ data: { projectId: row.id, batch, at, author: actor.author, source: actor.source, field: "CREATED", newValue: data.name } });
    if (opts.progress?.trim())
      await tx.update.create({
        data: { projectId: row.id, batch, at: opts.progressAt ?? at, author: actor.author, source: actor.source, field: "PROGRESS", newValue: opts.progress.trim() },
      });
    return (await getProject(tx, row.id))!;
  });
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Writes the changed fields of one project and their history rows in one
 * transaction. `expectedVersion` is the version the caller read: if the project
 * moved on meanwhile, nothing is written and VersionConflictError carries the
 * current project. Unchanged fields are dropped; no change at all writes nothing.
 */
export async function saveProjectChanges(
  db: Db | Tx,
  id: number,
  expectedVersion: number,
  patch: Partial<Record<HistoryField, FieldValue>>,
  actor: Actor,
  opts: WriteOptions = {},
): Promise<{ project: Project; changes: FieldChange[] }> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (tx) => {
    const current = await getProject(tx, id);
    if (!current) throw new NotFoundError(`项目 #${id} 不存在。`);
    if (current.version !== expectedVersion) throw new VersionConflictError(current);
    const before = fromDomain(current);
    const changes: FieldChange[] = [];
    for (const [field, value] of Object.entries(patch) as [HistoryField, FieldValue][]) {
      if (!sameValue(before[field], value)) changes.push({ field, oldValue: before[field], newValue: value });
    }
    await claimRequest(tx, opts, `updated #${id}`);
    const progress = opts.progress?.trim();
    if (!changes.length && !progress) return { project: current, changes };
    const changed = Object.fromEntries(changes.map((c) => [c.field, c.newValue]));
    const { columns, coUnitIds, responsibleUserIds } = columnsOf(changed);
    // The version guard in the WHERE clause makes a concurrent writer that read
    // the same version lose here, even if it passed the check above.
    const { count } = await tx.project.updateMany({ where: { id, version: expectedVersion }, data: { ...columns, version: { increment: 1 } } as never });
    if (count === 0) throw new VersionConflictError((await getProject(tx, id))!);
    await replaceLinks(tx, id, coUnitIds, responsibleUserIds);
    const row = { projectId: id, batch: randomUUID(), at, author: actor.author, source: actor.source };
    await tx.update.createMany({
      data: [
        ...changes.map((c) => ({ ...row, field: c.field, oldValue: encodeValue(c.field, c.oldValue), newValue: encodeValue(c.field, c.newValue) })),
        ...(progress ? [{ ...row, field: "PROGRESS", newValue: progress }] : []),
      ],
    });
    return { project: (await getProject(tx, id))!, changes };
  });
}

/** The last `limit` history rows of a project, newest first. */
export async function projectHistory(db: Db | Tx, projectId: number, limit = 20) {
  return db.update.findMany({ where: { projectId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
}

/**
 * The project's field changes after version `from` (up to `to`, the stored
 * one), oldest first, each with its value before and its author: every save
 * that moved the version wrote one batch of history rows (its fields and
 * progress). Null when the history does not account for every version in
 * between (then nobody can say what changed).
 */
export async function changesSinceVersion(db: Db | Tx, projectId: number, from: number, to: number): Promise<Array<{ field: HistoryField; before: FieldValue; author: string }> | null> {
  const wanted = to - from;
  if (wanted <= 0) return [];
  const rows = await db.update.findMany({
    where: { projectId, field: { notIn: ["FUNDS", "SUPERVISION", "NOTE"] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 200 + wanted * 30,
  });
  const batches: Array<typeof rows> = [];
  const index = new Map<string, number>();
  for (const r of rows) {
    if (!index.has(r.batch)) index.set(r.batch, batches.push([]) - 1);
    batches[index.get(r.batch)!]!.push(r);
  }
  const saves = batches.slice(0, wanted);
  if (saves.length < wanted || saves.some((b) => b.some((r) => r.field === "CREATED"))) return null;
  return saves
    .reverse()
    .flatMap((b) => [...b].reverse())
    .filter((r) => r.field !== "PROGRESS")
    .map((r) => ({ field: r.field as HistoryField, before: decodeValue(r.field as HistoryField, r.oldValue), author: r.author }));
}

/** Whether a request key was already applied (checked before validating a retry, whose state has moved on). */
export async function isRequestApplied(db: Db | Tx, key: string | undefined, now: Date = new Date()): Promise<boolean> {
  if (!key) return false;
  const seen = await db.appliedRequest.findUnique({ where: { key } });
  return seen !== null && !(seen.expiresAt && seen.expiresAt <= now);
}

/** Name and investor of every project: the key a ledger row is matched on. */
export async function listProjectKeys(db: Db | Tx): Promise<Array<{ name: string; investor: string }>> {
  return db.project.findMany({ select: { name: true, investor: true } });
}

export async function countProjects(db: Db): Promise<number> {
  return db.project.count();
}

/** Whether any history row came from this source (e.g. the demo loader). */
export async function hasHistoryFrom(db: Db, source: UpdateSource): Promise<boolean> {
  return (await db.update.findFirst({ where: { source }, select: { id: true } })) !== null;
}
