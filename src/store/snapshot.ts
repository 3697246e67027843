import { dayEnd, dayStart, toLocalDate } from "../domain/local-day.ts";
import type { Rules } from "../domain/rules.ts";
import type { FundEntry, Group, LocalDate, Project, SupervisionItem, Target, Unit } from "../domain/types.ts";
import type { Db } from "./client.ts";
import { listGroups, listTargets, listUnits } from "./directory.ts";
import { toFundEntry } from "./funds.ts";
import { decodeValue, flatten, isHistoryField, toDomain, type FlatProject } from "./project-row.ts";
import { toSupervisionItem } from "./supervision.ts";

/**
 * Everything a report needs, as it was known at the end of `asOf` (district
 * time). Projects are read as they are now, then every history row written
 * after `asOf` is undone, newest first, so a past week's report shows exactly
 * what was on record that day; projects created after it are left out.
 */
export interface Snapshot {
  asOf: LocalDate;
  rules: Rules;
  projects: Project[];
  funds: FundEntry[];
  supervision: SupervisionItem[];
  groups: Group[];
  units: Unit[];
  targets: Target[];
  /** Local day of each project's latest history row on or before asOf. */
  lastUpdateOn: Map<number, LocalDate>;
}

export async function loadSnapshot(db: Db, asOf: LocalDate, rules: Rules): Promise<Snapshot> {
  const tz = rules.timeZone;
  const cutoff = dayEnd(asOf, tz);
  const [rows, later, fundRows, supervisionRows, lastRows, groups, units, targets] = await Promise.all([
    db.project.findMany({ include: { coUnits: { select: { unitId: true } }, responsibles: { select: { slackUserId: true } } } }),
    db.update.findMany({ where: { at: { gt: cutoff } }, orderBy: [{ at: "desc" }, { id: "desc" }] }),
    db.fundEntry.findMany({ where: { date: { lte: asOf } }, select: { id: true, projectId: true, date: true, amountWan: true, note: true } }),
    db.supervisionItem.findMany({ where: { openedAt: { lte: cutoff } } }),
    db.update.groupBy({ by: ["projectId"], where: { at: { lte: cutoff } }, _max: { at: true } }),
    listGroups(db),
    listUnits(db),
    listTargets(db),
  ]);

  const flats = new Map<number, FlatProject>(rows.map((r) => [r.id, flatten(r)]));
  for (const u of later) {
    const flat = flats.get(u.projectId);
    if (!flat) continue;
    if (u.field === "CREATED") flats.delete(u.projectId);
    else if (isHistoryField(u.field)) (flat as Record<string, unknown>)[u.field] = decodeValue(u.field, u.oldValue);
  }

  const lastUpdateOn = new Map<number, LocalDate>();
  for (const r of lastRows) if (r._max.at && flats.has(r.projectId)) lastUpdateOn.set(r.projectId, toLocalDate(r._max.at, tz));

  const supervision = supervisionRows
    .filter((s) => flats.has(s.projectId))
    .map((s) => {
      const item = toSupervisionItem(s, (d) => toLocalDate(d, tz));
      // An item closed after asOf was still open on that day.
      return s.closedAt && s.closedAt > cutoff ? { ...item, closedOn: null, closedBy: null } : item;
    });

  return {
    asOf,
    rules,
    projects: [...flats.values()].map(toDomain).sort((a, b) => a.id - b.id),
    funds: fundRows.filter((f) => flats.has(f.projectId)).map(toFundEntry),
    supervision,
    groups,
    units,
    targets,
    lastUpdateOn,
  };
}

export interface PeriodActivity {
  /** Stage changes recorded in the period: project, from, to, local day. */
  stageMoves: Array<{ projectId: number; from: string | null; to: string | null; on: LocalDate; author: string }>;
  /** Projects with any history row in the period. */
  updatedProjectIds: Set<number>;
}

/** What happened between two local days (inclusive), from the history. */
export async function loadActivity(db: Db, from: LocalDate, to: LocalDate, timeZone: string): Promise<PeriodActivity> {
  const range = { gte: dayStart(from, timeZone), lte: dayEnd(to, timeZone) };
  const [moves, touched] = await Promise.all([
    db.update.findMany({ where: { at: range, field: "stage" }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.update.findMany({ where: { at: range }, distinct: ["projectId"], select: { projectId: true } }),
  ]);
  return {
    stageMoves: moves.map((m) => ({ projectId: m.projectId, from: m.oldValue, to: m.newValue, on: toLocalDate(m.at, timeZone), author: m.author })),
    updatedProjectIds: new Set(touched.map((t) => t.projectId)),
  };
}
