import { dayStart } from "../domain/local-day.ts";
import type { Group, Project, Target } from "../domain/types.ts";
import type { ImportBatch, IdRef } from "../store/import-batch.ts";
import type { ImportState } from "../store/import-state.ts";
import { comparable, fingerprint, fromDomain, type FieldValue, type HistoryField } from "../store/project-row.ts";
import type { Actor } from "../store/projects.ts";
import { cleanText } from "./cells.ts";
import type { ProjectRecord } from "./parse-projects.ts";
import { projectKey } from "./references.ts";
import { consume } from "./row-reader.ts";
import type { ValidLedger } from "./validate.ts";

// Compares a validated ledger with the store as it was read, and says what
// to write: only rows that differ. Done outside any transaction, so the
// writer's transaction holds nothing but inserts and updates. Groups and
// units new to the store get negative placeholder ids, which the writer
// replaces with the ids it is given. Re-importing the same file plans
// nothing; fund rows are a multiset: only entries beyond those stored.

/** The progress note an imported project gets in its history. */
export const IMPORT_PROGRESS = "台账导入";

export interface ImportResult {
  /** 包联领导 rows of the directory sheet. */
  leaders: number;
  projectsCreated: number;
  projectsUpdated: number;
  projectsUnchanged: number;
  fundsAdded: number;
  groups: number;
  units: number;
  targets: number;
}

export interface PlanContext {
  actor: Actor;
  now: Date;
  timeZone: string;
  /** Rows compared so far out of all rows of the ledger. */
  onProgress?: (done: number, total: number) => void;
}

/** `readProjects`: the whole stored projects of these ids, read when the plan finds them changed. */
export async function planImport(
  ledger: ValidLedger,
  state: ImportState,
  ctx: PlanContext,
  readProjects: (ids: number[]) => Promise<Project[]>,
): Promise<{ batch: ImportBatch; result: ImportResult }> {
  const total = ledger.leaders.length + ledger.groups.length + ledger.units.length + ledger.targets.length + ledger.projects.length + ledger.funds.length;
  let done = 0;
  const step = () => ctx.onProgress?.(++done, total);
  ctx.onProgress?.(0, total);
  const batch: ImportBatch = { actor: ctx.actor, now: ctx.now, progressNote: IMPORT_PROGRESS, leaders: [], groups: [], units: [], targets: [], newProjects: [], changedProjects: [], funds: [] };
  const result: ImportResult = { leaders: ledger.leaders.length, projectsCreated: 0, projectsUpdated: 0, projectsUnchanged: 0, fundsAdded: 0, groups: ledger.groups.length, units: ledger.units.length, targets: ledger.targets.length };
  let nextPlaceholder = -1;

  const storedLeaders = new Map(state.leaders.map((l) => [l.slackUserId, l.name]));
  for (const l of ledger.leaders) {
    const stored = storedLeaders.get(l.slackUserId);
    if (stored !== l.name) batch.leaders.push({ slackUserId: l.slackUserId, name: l.name, exists: stored !== undefined });
    step();
  }

  const groupIds = new Map<string, IdRef>(state.groups.map((g) => [g.name, g.id]));
  for (const g of ledger.groups) {
    const { row: _row, ...fields } = g;
    const current = state.groups.find((c) => c.name === g.name);
    if (!current) groupIds.set(g.name, nextPlaceholder);
    if (!current || !sameGroup(current, fields)) batch.groups.push({ ref: current?.id ?? nextPlaceholder--, fields });
    step();
  }
  const unitIds = new Map<string, IdRef>(state.units.map((u) => [u.name, u.id]));
  for (const u of ledger.units) {
    const current = state.units.find((c) => c.name === u.name);
    if (!current) unitIds.set(u.name, nextPlaceholder);
    if (!current || current.kind !== u.kind) batch.units.push({ ref: current?.id ?? nextPlaceholder--, name: u.name, kind: u.kind });
    step();
  }
  const groupId = (name: string | null) => (name === null ? null : must(groupIds.get(name), name));
  const unitId = (name: string | null) => (name === null ? null : must(unitIds.get(name), name));

  for (const t of ledger.targets) {
    const { row: _row, owner, ...values } = t;
    const ids = { unitId: owner.type === "UNIT" ? unitId(owner.name) : null, groupId: owner.type === "GROUP" ? groupId(owner.name) : null };
    const current = state.targets.find((c) => c.year === t.year && c.unitId === ids.unitId && c.groupId === ids.groupId);
    // The ledger has no 非工业 column yet: a sub-target set in the store is kept.
    const target: Target = { nonIndustryAgreedWan: current?.nonIndustryAgreedWan ?? null, ...values, ...ids };
    if (!current) batch.targets.push({ id: null, target });
    else if ((Object.keys(target) as (keyof Target)[]).some((k) => current[k] !== target[k])) batch.targets.push({ id: current.id, target });
    step();
  }

  const projects = state.projects;
  const newIndex = new Map<string, number>();
  const dayStarts = new Map<string, Date>();
  // Stored projects are held as fingerprints; those whose row differs are read whole afterwards to say what changed.
  const differing = new Map<number, Record<HistoryField, FieldValue>>();
  // The ledger's records are released as they are planned: the batch replaces them.
  for (const rec of consume(ledger.projects)) {
    const data: Omit<Project, "id" | "version"> = {
      ...withoutNames(rec),
      groupId: groupId(rec.groupName),
      leadUnitId: unitId(rec.leadUnitName),
      coUnitIds: rec.coUnitNames.map((n) => unitId(n)!),
      landingUnitId: unitId(rec.landingUnitName),
    };
    const key = projectKey(rec.name, rec.investor);
    const current = projects.get(key);
    // 未来订单 links are kept as recorded (the ledger only shows them); so are 拿地 and the 堵点 kind when the sheet has no column for them.
    data.followOnOf = current?.followOnOf ?? null;
    data.followOnKind = current?.followOnKind ?? null;
    if (rec.landAcquiredOn === undefined) data.landAcquiredOn = current?.landAcquiredOn ?? null;
    if (rec.blockerKind === undefined) data.blockerKind = current?.blockerKind ?? null;
    if (rec.blockerUnit === undefined) data.blockerUnit = current?.blockerUnit ?? null;
    const fields = fromDomain(data);
    if (!current) {
      // CREATED is dated from the ledger's stages so past reports include the
      // project; the import itself is recorded as today's progress report, so
      // a freshly loaded ledger is not flagged "no update for N days".
      newIndex.set(key, batch.newProjects.length);
      batch.newProjects.push({ fields, createdAt: createdAt(rec, ctx, dayStarts) });
      result.projectsCreated++;
    } else if (fingerprint(fields) !== current.fingerprint) differing.set(current.id, fields);
    else result.projectsUnchanged++;
    step();
  }
  // The version read with the whole row is the one the write expects: the patch is made against that row.
  for (const current of await readProjects([...differing.keys()])) {
    const before = fromDomain(current);
    const patch = changedFields(before, differing.get(current.id)!);
    differing.delete(current.id);
    if (Object.keys(patch).length) {
      batch.changedProjects.push({ id: current.id, expectedVersion: current.version, before, patch });
      result.projectsUpdated++;
    } else result.projectsUnchanged++;
  }
  if (differing.size) must(undefined, `项目 #${[...differing.keys()][0]}`);

  const fundKey = (project: string, date: string, amountWan: number, note: string) => JSON.stringify([project, date, amountWan, cleanText(note)]);
  const stored = new Map<string, number>();
  for (const f of state.funds) {
    const k = fundKey(`#${f.projectId}`, f.date, f.amountWan, f.note);
    stored.set(k, (stored.get(k) ?? 0) + 1);
  }
  const seenInFile = new Map<string, number>();
  for (const f of ledger.funds) {
    const key = projectKey(f.name, f.investor);
    const existing = projects.get(key);
    const ref = existing ? { id: existing.id } : { newIndex: must(newIndex.get(key), `${f.name}（${f.investor}）`) };
    const k = fundKey("id" in ref ? `#${ref.id}` : `new${ref.newIndex}`, f.date, f.amountWan, f.note);
    const nth = (seenInFile.get(k) ?? 0) + 1;
    seenInFile.set(k, nth);
    if (nth > (stored.get(k) ?? 0)) {
      batch.funds.push({ project: ref, date: f.date, amountWan: f.amountWan, note: f.note });
      result.fundsAdded++;
    }
    step();
  }
  return { batch, result };
}

function must<T>(value: T | undefined, name: string): T {
  // Validation found the name; missing now means it vanished meanwhile (no delete path exists today).
  if (value === undefined) throw new Error(`“${name}”在校验后不存在了，请重新导入。`);
  return value;
}

function withoutNames(rec: ProjectRecord) {
  const { row: _r, groupName: _g, leadUnitName: _l, coUnitNames: _c, landingUnitName: _d, ...rest } = rec;
  return rest;
}

function sameGroup(current: Group, next: Omit<Group, "id">): boolean {
  return (Object.keys(next) as (keyof typeof next)[]).every((k) => JSON.stringify(current[k]) === JSON.stringify(next[k]));
}

/** A project new to the system was created when its first stage was reached, so as-of reports include it from then. */
function createdAt(rec: ProjectRecord, ctx: PlanContext, dayStarts: Map<string, Date>): Date {
  const dates = Object.values(rec.stageDates).filter((d): d is string => Boolean(d)).sort();
  if (!dates.length) return ctx.now;
  let first = dayStarts.get(dates[0]!);
  if (!first) dayStarts.set(dates[0]!, (first = dayStart(dates[0]!, ctx.timeZone))); // time-zone arithmetic is slow; ledgers repeat days
  return first < ctx.now ? first : ctx.now;
}

/** The fields whose value differs, compared as the fingerprint compares them. */
function changedFields(before: Record<HistoryField, FieldValue>, after: Record<HistoryField, FieldValue>): Partial<Record<HistoryField, FieldValue>> {
  const patch: Partial<Record<HistoryField, FieldValue>> = {};
  for (const field of Object.keys(after) as HistoryField[]) {
    if (JSON.stringify(comparable(field, before[field])) !== JSON.stringify(comparable(field, after[field]))) patch[field] = after[field];
  }
  return patch;
}
