import { dayStart } from "../domain/local-day.ts";
import type { Group, Project, Target } from "../domain/types.ts";
import type { Tx } from "../store/client.ts";
import { listGroups, listTargets, listUnits, upsertGroup, upsertTarget, upsertUnit } from "../store/directory.ts";
import { recordFunds } from "../store/funds.ts";
import { fromDomain, type FieldValue, type HistoryField } from "../store/project-row.ts";
import { createProject, listProjects, saveProjectChanges, type Actor } from "../store/projects.ts";
import { cleanText } from "./cells.ts";
import type { ProjectRecord } from "./parse-projects.ts";
import { projectKey } from "./references.ts";
import type { ValidLedger } from "./validate.ts";

// Writes a validated ledger inside the caller's transaction, through the same
// store functions a Slack update uses, so every project change leaves its
// history rows. Writing is idempotent: rows equal to what is stored write
// nothing, and fund rows are added only beyond what the store already holds.

/** The progress note an imported project gets in its history. */
export const IMPORT_PROGRESS = "台账导入";

export interface ImportResult {
  projectsCreated: number;
  projectsUpdated: number;
  projectsUnchanged: number;
  fundsAdded: number;
  groups: number;
  units: number;
  targets: number;
}

export interface WriteContext {
  actor: Actor;
  now: Date;
  timeZone: string;
  onProgress?: (done: number, total: number) => void;
}

export async function writeLedger(tx: Tx, ledger: ValidLedger, ctx: WriteContext): Promise<ImportResult> {
  const total = ledger.groups.length + ledger.units.length + ledger.targets.length + ledger.projects.length + ledger.funds.length;
  let done = 0;
  const step = () => ctx.onProgress?.(++done, total);
  ctx.onProgress?.(0, total);
  const result: ImportResult = {
    projectsCreated: 0,
    projectsUpdated: 0,
    projectsUnchanged: 0,
    fundsAdded: 0,
    groups: ledger.groups.length,
    units: ledger.units.length,
    targets: ledger.targets.length,
  };

  const groupIds = new Map((await listGroups(tx)).map((g) => [g.name, g] as const));
  for (const g of ledger.groups) {
    const { row: _row, ...fields } = g;
    const current = groupIds.get(g.name);
    if (!current || !sameGroup(current, fields)) groupIds.set(g.name, { ...fields, id: await upsertGroup(tx, fields) });
    step();
  }
  const units = new Map((await listUnits(tx)).map((u) => [u.name, u] as const));
  for (const u of ledger.units) {
    const current = units.get(u.name);
    if (!current || current.kind !== u.kind) units.set(u.name, { id: await upsertUnit(tx, { name: u.name, kind: u.kind }), name: u.name, kind: u.kind });
    step();
  }
  const groupId = (name: string | null) => (name === null ? null : must(groupIds.get(name)?.id, name));
  const unitId = (name: string | null) => (name === null ? null : must(units.get(name)?.id, name));

  const targets = await listTargets(tx);
  for (const t of ledger.targets) {
    const { row: _row, owner, ...values } = t;
    const target: Target = { ...values, unitId: owner.type === "UNIT" ? unitId(owner.name) : null, groupId: owner.type === "GROUP" ? groupId(owner.name) : null };
    const current = targets.find((c) => c.year === t.year && c.unitId === target.unitId && c.groupId === target.groupId);
    if (!current || JSON.stringify(current) !== JSON.stringify({ ...current, ...target })) await upsertTarget(tx, target);
    step();
  }

  const projects = new Map((await listProjects(tx)).map((p) => [projectKey(p.name, p.investor), p] as const));
  for (const rec of ledger.projects) {
    const data: Omit<Project, "id" | "version"> = {
      ...withoutNames(rec),
      groupId: groupId(rec.groupName),
      leadUnitId: unitId(rec.leadUnitName),
      coUnitIds: rec.coUnitNames.map((n) => unitId(n)!),
      landingUnitId: unitId(rec.landingUnitName),
    };
    const key = projectKey(rec.name, rec.investor);
    const current = projects.get(key);
    if (!current) {
      // CREATED is dated from the ledger's stages so past reports include the
      // project; the import itself is recorded as today's progress report, so
      // a freshly loaded ledger is not flagged "no update for N days".
      projects.set(key, await createProject(tx, data, ctx.actor, { at: createdAt(rec, ctx), progress: IMPORT_PROGRESS, progressAt: ctx.now }));
      result.projectsCreated++;
    } else {
      const patch = changedFields(current, data);
      const { changes } = Object.keys(patch).length
        ? await saveProjectChanges(tx, current.id, current.version, patch, ctx.actor, { at: ctx.now })
        : { changes: [] };
      if (changes.length) result.projectsUpdated++;
      else result.projectsUnchanged++;
    }
    step();
  }

  // Funds as a multiset: per (project, day, amount, note), add only the entries beyond those stored.
  const fundKey = (projectId: number, date: string, amountWan: number, note: string) => JSON.stringify([projectId, date, amountWan, cleanText(note)]);
  const stored = new Map<string, number>();
  for (const f of await tx.fundEntry.findMany({ select: { projectId: true, date: true, amountWan: true, note: true } })) {
    const k = fundKey(f.projectId, f.date, f.amountWan, f.note);
    stored.set(k, (stored.get(k) ?? 0) + 1);
  }
  const seenInFile = new Map<string, number>();
  for (const f of ledger.funds) {
    const projectId = must(projects.get(projectKey(f.name, f.investor))?.id, `${f.name}（${f.investor}）`);
    const k = fundKey(projectId, f.date, f.amountWan, f.note);
    const nth = (seenInFile.get(k) ?? 0) + 1;
    seenInFile.set(k, nth);
    if (nth > (stored.get(k) ?? 0)) {
      await recordFunds(tx, { projectId, date: f.date, amountWan: f.amountWan, note: f.note }, ctx.actor, { at: ctx.now });
      result.fundsAdded++;
    }
    step();
  }
  return result;
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
function createdAt(rec: ProjectRecord, ctx: WriteContext): Date {
  const dates = Object.values(rec.stageDates).filter((d): d is string => Boolean(d)).sort();
  if (!dates.length) return ctx.now;
  const first = dayStart(dates[0]!, ctx.timeZone);
  return first < ctx.now ? first : ctx.now;
}

/** The fields whose value differs; an empty 终止原因 stored as "" or null counts as the same. */
function changedFields(current: Project, next: Omit<Project, "id" | "version">): Partial<Record<HistoryField, FieldValue>> {
  const before = fromDomain(current);
  const after = fromDomain(next);
  const norm = (f: HistoryField, v: FieldValue) => (f === "dropReason" && v === "" ? null : v ?? null);
  const patch: Partial<Record<HistoryField, FieldValue>> = {};
  for (const field of Object.keys(after) as HistoryField[]) {
    if (JSON.stringify(norm(field, before[field])) !== JSON.stringify(norm(field, after[field]))) patch[field] = after[field];
  }
  return patch;
}
