import { randomUUID } from "node:crypto";
import type { Group, Target, UnitKind } from "../domain/types.ts";
import { allocateIds, insertRows } from "./bulk-insert.ts";
import { toDriver } from "./column-values.ts";
import type { DatabaseTarget } from "./database-target.ts";
import { encodeValue, type FieldValue, type HistoryField } from "./project-row.ts";
import type { Actor } from "./projects.ts";
import { openRawConnection, type RawConnection } from "./raw-connection.ts";
import { quoteId, readCatalog, type TableInfo } from "./table-catalog.ts";

// Writes a whole prepared import in one short transaction: everything was
// read, validated and compared beforehand, so the transaction only inserts
// and updates (SQLite's write lock is held for the writing alone, seconds
// for 200,000 rows). The rows are those the single-change functions in
// projects.ts, funds.ts and directory.ts write: project columns, links, one
// history row per changed field, fund entries with their FUNDS history row.
// A project changed by someone else since it was read, or a name taken
// meanwhile, aborts the whole batch with StaleImportError: nothing is
// written and the caller prepares again from the new state.

/** A group or unit id, or (negative) a placeholder for one this batch creates. */
export type IdRef = number;

export interface ImportBatch {
  actor: Actor;
  now: Date;
  /** The progress note every created project gets in its history. */
  progressNote: string;
  /** 包联领导 new to the store (`exists` false) or renamed. */
  leaders: Array<{ slackUserId: string; name: string; exists: boolean }>;
  groups: Array<{ ref: IdRef; fields: Omit<Group, "id"> }>;
  units: Array<{ ref: IdRef; name: string; kind: UnitKind }>;
  /** `id` of the stored target to overwrite, or null for a new one. */
  targets: Array<{ id: number | null; target: Target }>;
  newProjects: Array<{ fields: Record<HistoryField, FieldValue>; createdAt: Date }>;
  changedProjects: Array<{ id: number; expectedVersion: number; before: Record<HistoryField, FieldValue>; patch: Partial<Record<HistoryField, FieldValue>> }>;
  /** `project`: a stored id, or the index of a project in newProjects. */
  funds: Array<{ project: { id: number } | { newIndex: number }; date: string; amountWan: number; note: string }>;
}

/** What the batch was prepared from has changed; nothing was written. */
export class StaleImportError extends Error {}

const ID_FIELDS = new Set<HistoryField>(["groupId", "leadUnitId", "landingUnitId"]);
const LINKS = new Set<HistoryField>(["coUnitIds", "responsibleUserIds"]);
const UPDATE_COLUMNS = ["projectId", "batch", "at", "author", "source", "field", "oldValue", "newValue"];

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  return code === "23505" || code.startsWith("SQLITE_CONSTRAINT_UNIQUE") || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export async function applyImportBatch(target: DatabaseTarget, batch: ImportBatch): Promise<void> {
  const conn = await openRawConnection(target);
  try {
    const catalog = new Map((await readCatalog(conn)).map((t) => [t.name, t] as const));
    await conn.transaction("write", () => writeBatch(conn, (name) => catalog.get(name)!, batch));
  } catch (e) {
    if (isUniqueViolation(e)) throw new StaleImportError("导入期间有同名的工作组、单位或项目被他人新建。");
    throw e;
  } finally {
    await conn.close();
  }
}

async function writeBatch(conn: RawConnection, table: (name: string) => TableInfo, batch: ImportBatch): Promise<void> {
  const { actor, now } = batch;
  const placeholders = new Map<number, number>();
  const real = (ref: FieldValue): FieldValue => (typeof ref === "number" && ref < 0 ? placeholders.get(ref)! : ref);
  const resolve = (field: HistoryField, v: FieldValue): FieldValue =>
    ID_FIELDS.has(field) ? real(v) : field === "coUnitIds" ? (v as number[]).map((id) => real(id) as number).sort((a, b) => a - b) : v;
  const set = async (name: string, values: Record<string, unknown>, where: string, params: unknown[]) => {
    const t = table(name);
    const cols = Object.keys(values);
    const kinds = cols.map((c) => t.columns.find((x) => x.name === c)!.kind);
    return conn.run(`UPDATE ${quoteId(name)} SET ${cols.map((c) => `${quoteId(c)} = ?`).join(", ")} ${where}`, [
      ...cols.map((c, i) => toDriver(kinds[i]!, values[c], conn.provider)),
      ...params,
    ]);
  };

  for (const l of batch.leaders.filter((x) => x.exists)) await set("Leader", { name: l.name }, `WHERE "slackUserId" = ?`, [l.slackUserId]);
  await insertRows(conn, table("Leader"), ["slackUserId", "name"], batch.leaders.filter((x) => !x.exists).map((l) => [l.slackUserId, l.name]));
  for (const { ref, fields } of batch.groups) {
    const { memberUserIds, ...columns } = fields;
    let id = ref;
    if (ref < 0) {
      const cols = Object.keys(columns);
      const [row] = await conn.query<{ id: number }>(`INSERT INTO "Group" (${cols.map(quoteId).join(", ")}) VALUES (${cols.map(() => "?").join(", ")}) RETURNING "id"`, Object.values(columns));
      placeholders.set(ref, (id = Number(row!.id)));
    } else await set("Group", columns, `WHERE "id" = ?`, [ref]);
    await conn.run(`DELETE FROM "GroupMember" WHERE "groupId" = ?`, [id]);
    await insertRows(conn, table("GroupMember"), ["groupId", "slackUserId"], memberUserIds.map((u) => [id, u]));
  }
  for (const u of batch.units) {
    if (u.ref < 0) {
      const [row] = await conn.query<{ id: number }>(`INSERT INTO "Unit" ("name", "kind") VALUES (?, ?) RETURNING "id"`, [u.name, u.kind]);
      placeholders.set(u.ref, Number(row!.id));
    } else await set("Unit", { kind: u.kind }, `WHERE "id" = ?`, [u.ref]);
  }
  const newTargets: unknown[][] = [];
  const targetCols = ["year", "unitId", "groupId", "majorCount", "largeCount", "keyCount", "agreedWan", "arrivedWan"] as const;
  for (const { id, target: t } of batch.targets) {
    const values = { ...t, unitId: real(t.unitId), groupId: real(t.groupId) };
    if (id === null) newTargets.push(targetCols.map((c) => values[c]));
    else await set("Target", values, `WHERE "id" = ?`, [id]);
  }
  await insertRows(conn, table("Target"), [...targetCols], newTargets);

  // New projects: rows are made as they are written, not held all at once.
  const projectIds = await allocateIds(conn, table("Project"), batch.newProjects.length);
  const projectCols = Object.keys(batch.newProjects[0]?.fields ?? {}).filter((f) => !LINKS.has(f as HistoryField)) as HistoryField[];
  await insertRows(conn, table("Project"), ["id", "version", "createdAt", "updatedAt", ...projectCols], mapRows(batch.newProjects, ({ fields }, i) => [
    [projectIds[i]!, 1, now, now, ...projectCols.map((f) => resolve(f, fields[f]))],
  ]));

  // Changed projects: the version read when preparing must still be the stored one.
  const changedLinks = { coUnits: [] as unknown[][], responsibles: [] as unknown[][] };
  const changedHistory: unknown[][] = [];
  for (const c of batch.changedProjects) {
    const after = Object.fromEntries(Object.entries(c.patch).map(([f, v]) => [f, resolve(f as HistoryField, v as FieldValue)])) as Partial<Record<HistoryField, FieldValue>>;
    const columns = Object.fromEntries(Object.entries(after).filter(([f]) => !LINKS.has(f as HistoryField)));
    const changed = await set("Project", { ...columns, updatedAt: now }, `, "version" = "version" + 1 WHERE "id" = ? AND "version" = ?`, [c.id, c.expectedVersion]);
    if (changed === 0) throw new StaleImportError(`项目 #${c.id} 在导入期间被他人修改。`);
    if (after.coUnitIds) {
      await conn.run(`DELETE FROM "ProjectCoUnit" WHERE "projectId" = ?`, [c.id]);
      for (const u of after.coUnitIds as number[]) changedLinks.coUnits.push([c.id, u]);
    }
    if (after.responsibleUserIds) {
      await conn.run(`DELETE FROM "ProjectResponsible" WHERE "projectId" = ?`, [c.id]);
      for (const u of after.responsibleUserIds as string[]) changedLinks.responsibles.push([c.id, u]);
    }
    const b = randomUUID();
    for (const [f, v] of Object.entries(after) as [HistoryField, FieldValue][])
      changedHistory.push([c.id, b, now, actor.author, actor.source, f, encodeValue(f, c.before[f] ?? null), encodeValue(f, v)]);
  }
  const newCoUnits = mapRows(batch.newProjects, ({ fields }, i) => (resolve("coUnitIds", fields.coUnitIds) as number[]).map((u) => [projectIds[i]!, u]));
  await insertRows(conn, table("ProjectCoUnit"), ["projectId", "unitId"], chain(newCoUnits, changedLinks.coUnits));
  const newResponsibles = mapRows(batch.newProjects, ({ fields }, i) => (fields.responsibleUserIds as string[]).map((u) => [projectIds[i]!, u]));
  await insertRows(conn, table("ProjectResponsible"), ["projectId", "slackUserId"], chain(newResponsibles, changedLinks.responsibles));

  // Fund entries, then every history row; a fund's FUNDS row names its id.
  const fundIds = await allocateIds(conn, table("FundEntry"), batch.funds.length);
  const fundProject = (f: ImportBatch["funds"][number]) => ("id" in f.project ? f.project.id : projectIds[f.project.newIndex]!);
  await insertRows(conn, table("FundEntry"), ["id", "projectId", "date", "amountWan", "note", "author", "createdAt"], mapRows(batch.funds, (f, i) => [
    [fundIds[i]!, fundProject(f), f.date, f.amountWan, f.note, actor.author, now],
  ]));
  const created = mapRows(batch.newProjects, ({ fields, createdAt }, i) => {
    const b = randomUUID();
    return [
      [projectIds[i]!, b, createdAt, actor.author, actor.source, "CREATED", null, fields.name],
      [projectIds[i]!, b, now, actor.author, actor.source, "PROGRESS", null, batch.progressNote],
    ];
  });
  const funded = mapRows(batch.funds, (f, i) => [
    [fundProject(f), randomUUID(), now, actor.author, actor.source, "FUNDS", null, JSON.stringify({ id: fundIds[i], date: f.date, amountWan: f.amountWan })],
  ]);
  await insertRows(conn, table("Update"), UPDATE_COLUMNS, chain(created, changedHistory, funded));
}

/** The rows `make` gives for each item, one item at a time. */
function* mapRows<T>(items: T[], make: (item: T, index: number) => unknown[][]): Generator<unknown[]> {
  for (let i = 0; i < items.length; i++) yield* make(items[i]!, i);
}

function* chain(...parts: Iterable<unknown[]>[]): Generator<unknown[]> {
  for (const p of parts) yield* p;
}
