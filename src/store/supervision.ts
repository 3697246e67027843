import { randomUUID } from "node:crypto";
import { dayEnd, toLocalDate } from "../domain/local-day.ts";
import { supervisionItemOn, supervisionStateOn, type SupervisionState, type SupervisionStatus, type SupervisionStep, type SupervisionStepKind } from "../domain/supervision.ts";
import type { LocalDate, SupervisionItem } from "../domain/types.ts";
import { inTransaction, type Db, type Tx } from "./client.ts";
import { claimRequest, type Actor, type WriteOptions } from "./projects.ts";

// 督办 items as their recorded steps (SupervisionStep) plus a row that is the
// fold of those steps (SupervisionItem), kept so reports can ask "open on day
// X" in one query. A step is appended only if the item is still in the state
// the caller checked it in, so two 督办员 pressing 同意 at once close it once.

type Row = {
  id: number;
  projectId: number;
  issue: string;
  owner: string;
  deadline: string;
  status: string;
  openedAt: Date;
  openedBy: string;
  closedAt: Date | null;
  closedBy: string | null;
};

/** Statuses of a listed item (挂牌 happened): reports of open/closed items only count these. */
export const LISTED_STATUSES = ["OPEN", "REVIEW", "CLOSED"] as const;

export function toSupervisionItem(row: Pick<Row, "id" | "projectId" | "issue" | "owner" | "deadline" | "openedAt" | "closedAt" | "closedBy">, localDateOf: (d: Date) => LocalDate): SupervisionItem {
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

/** An item with its steps, ready to fold. */
export interface StoredSupervision {
  id: number;
  projectId: number;
  status: SupervisionStatus;
  steps: SupervisionStep[];
}

type StepRow = { kind: string; by: string; on: string; note: string; issue: string | null; owner: string | null; deadline: string | null };
const toStep = (s: StepRow): SupervisionStep => ({
  kind: s.kind as SupervisionStepKind,
  by: s.by,
  on: s.on,
  note: s.note,
  ...(s.issue !== null ? { issue: s.issue } : {}),
  ...(s.owner !== null ? { owner: s.owner } : {}),
  ...(s.deadline !== null ? { deadline: s.deadline } : {}),
});

/** Items recorded before steps existed: their row stands for a 挂牌 and, if closed, a 销号. */
function legacySteps(row: Row & { closeNote: string | null }, timeZone: string): SupervisionStep[] {
  const steps: SupervisionStep[] = [{ kind: "LIST", by: row.openedBy, on: toLocalDate(row.openedAt, timeZone), note: "", issue: row.issue, owner: row.owner, deadline: row.deadline }];
  if (row.status === "CLOSED" && row.closedAt) steps.push({ kind: "APPROVE", by: row.closedBy ?? "", on: toLocalDate(row.closedAt, timeZone), note: row.closeNote ?? "" });
  return steps;
}

const STEP_ORDER = { orderBy: { id: "asc" } } as const;

export async function loadSupervision(db: Db | Tx, id: number, timeZone: string): Promise<StoredSupervision | null> {
  const row = await db.supervisionItem.findUnique({ where: { id }, include: { steps: STEP_ORDER } });
  return row ? toStored(row, timeZone) : null;
}

type RowWithSteps = Row & { closeNote: string | null; steps: StepRow[] };
const toStored = (row: RowWithSteps, timeZone: string): StoredSupervision => ({
  id: row.id,
  projectId: row.projectId,
  status: row.status as SupervisionStatus,
  steps: row.steps.length ? row.steps.map(toStep) : legacySteps(row, timeZone),
});

/**
 * Listed items as the lights see them on `asOf` (supervisionItemOn): the
 * deadline in force that day, closed only if closed by then. `openOnly`
 * leaves out those closed by then.
 */
export async function supervisionItemsOn(db: Db | Tx, asOf: LocalDate, timeZone: string, opts: { openOnly?: boolean; projectIds?: number[] } = {}): Promise<SupervisionItem[]> {
  const cutoff = dayEnd(asOf, timeZone);
  const rows = await db.supervisionItem.findMany({
    where: {
      status: { in: [...LISTED_STATUSES] },
      openedAt: { lte: cutoff },
      projectId: opts.projectIds ? { in: opts.projectIds } : undefined,
      ...(opts.openOnly ? { OR: [{ closedAt: null }, { closedAt: { gt: cutoff } }] } : {}),
    },
    include: { steps: STEP_ORDER },
    orderBy: { id: "asc" },
  });
  const out: SupervisionItem[] = [];
  for (const row of rows) {
    const item = supervisionItemOn(toStored(row, timeZone), asOf);
    if (item && !(opts.openOnly && item.closedOn !== null)) out.push(item);
  }
  return out;
}

/** Items (with steps) of some projects, or of all when `projectIds` is omitted; newest last. */
export async function loadSupervisionItems(db: Db | Tx, timeZone: string, where: { projectIds?: number[]; statuses?: readonly SupervisionStatus[] } = {}): Promise<StoredSupervision[]> {
  const rows = await db.supervisionItem.findMany({
    where: { projectId: where.projectIds ? { in: where.projectIds } : undefined, status: where.statuses ? { in: [...where.statuses] } : undefined },
    include: { steps: STEP_ORDER },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => toStored(row, timeZone));
}

/** The SupervisionItem columns that mirror a folded state. */
function projection(state: SupervisionState, at: Date, prior?: { openedAt: Date; closedAt: Date | null }) {
  const last = state.steps.at(-1)!;
  const listedNow = last.kind === "LIST" || last.kind === "CONFIRM";
  return {
    status: state.status,
    issue: state.issue,
    owner: state.owner,
    deadline: state.deadline,
    // openedAt is the 挂牌 instant; a mere proposal keeps its proposal instant until confirmed.
    openedAt: listedNow ? at : (prior?.openedAt ?? at),
    openedBy: state.openedBy ?? last.by,
    closedAt: state.status === "CLOSED" ? (last.kind === "APPROVE" ? at : (prior?.closedAt ?? at)) : null,
    closedBy: state.closedBy,
    closeNote: state.status === "CLOSED" ? ([...state.steps].reverse().find((s) => s.kind === "APPROVE")?.note ?? null) : null,
  };
}

async function history(db: Pick<Tx, "update">, projectId: number, actor: Actor, at: Date, value: object) {
  await db.update.create({
    data: { projectId, batch: randomUUID(), at, author: actor.author, source: actor.source, field: "SUPERVISION", newValue: JSON.stringify(value) },
  });
}

/** 挂牌 (LIST) or a proposal (PROPOSE): a new item whose first step is `step`. Returns its id. */
export async function createSupervision(db: Db | Tx, projectId: number, step: SupervisionStep, actor: Actor, opts: WriteOptions = {}): Promise<number> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (tx) => {
    const state = supervisionStateOn([step])!;
    const row = await tx.supervisionItem.create({ data: { projectId, ...projection(state, at) } });
    await claimRequest(tx, opts, String(row.id));
    await tx.supervisionStep.create({ data: { itemId: row.id, ...stepColumns(step), at } });
    await history(tx, projectId, actor, at, { action: step.kind, id: row.id, issue: state.issue, deadline: state.deadline });
    return row.id;
  });
}

/**
 * Appends `step` to the item if it is still `expected` (the status the caller
 * checked the step against); false when someone else moved it first.
 */
export async function appendSupervisionStep(
  db: Db | Tx,
  item: StoredSupervision,
  step: SupervisionStep,
  actor: Actor,
  opts: WriteOptions = {},
): Promise<boolean> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (tx) => {
    const prior = await tx.supervisionItem.findUnique({ where: { id: item.id }, include: { steps: { select: { id: true }, take: 1 } } });
    if (!prior || prior.status !== item.status) return false;
    const state = supervisionStateOn([...item.steps, step])!;
    const moved = await tx.supervisionItem.updateMany({ where: { id: item.id, status: item.status }, data: projection(state, at, prior) });
    if (moved.count !== 1) return false;
    await claimRequest(tx, opts, String(item.id));
    // A legacy item gets its synthesised steps written first, so its history is complete from now on.
    const earlier = prior.steps.length ? [] : item.steps;
    for (const s of earlier) await tx.supervisionStep.create({ data: { itemId: item.id, ...stepColumns(s), at: prior.openedAt } });
    await tx.supervisionStep.create({ data: { itemId: item.id, ...stepColumns(step), at } });
    await history(tx, item.projectId, actor, at, { action: step.kind, id: item.id, note: step.note || undefined, deadline: step.kind === "EXTEND" ? step.deadline : undefined });
    return true;
  });
}

function stepColumns(s: SupervisionStep) {
  return { kind: s.kind, by: s.by, on: s.on, note: s.note, issue: s.issue ?? null, owner: s.owner ?? null, deadline: s.deadline ?? null };
}

/** A project's listed items (挂牌 happened: open, awaiting 复核 or 销号), for its card and lights. */
export async function listSupervision(db: Db, projectId: number) {
  return db.supervisionItem.findMany({ where: { projectId, status: { in: [...LISTED_STATUSES] } }, orderBy: { id: "asc" } });
}

/** Name and group of the projects some items belong to (lists show them without loading whole projects). */
export async function projectNamesOf(db: Db | Tx, ids: number[]): Promise<Map<number, { name: string; groupId: number | null }>> {
  const rows = await db.project.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, groupId: true } });
  return new Map(rows.map((p) => [p.id, { name: p.name, groupId: p.groupId }]));
}
