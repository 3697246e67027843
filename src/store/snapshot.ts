import { dayEnd, dayStart, toLocalDate } from "../domain/local-day.ts";
import type { Rules } from "../domain/rules.ts";
import type { FundEntry, Group, LocalDate, Project, SupervisionItem, Target, Unit } from "../domain/types.ts";
import type { Db } from "./client.ts";
import { listGroups, listTargets, listUnits } from "./directory.ts";
import { HISTORY_FIELDS, decodeValue, flatten, isHistoryField, toDomain, type FlatProject } from "./project-row.ts";
import { supervisionItemOn } from "../domain/supervision.ts";
import { LISTED_STATUSES, loadSupervisionItems } from "./supervision.ts";

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
  return (await loadSnapshots(db, [asOf], rules))[0];
}

const PROJECT_COLUMNS = ["id", "version", ...Object.keys(HISTORY_FIELDS).filter((f) => f !== "coUnitIds" && f !== "responsibleUserIds")]
  .map((c) => `"${c}"`)
  .join(", ");

/**
 * Snapshots at several days from one read of the store (a ranking compares
 * this week with last week). Bulk rows are read with plain SELECTs: at 10,000
 * projects Prisma's relation loading costs several times the time and memory.
 */
export async function loadSnapshots(db: Db, days: LocalDate[], rules: Rules): Promise<Snapshot[]> {
  const tz = rules.timeZone;
  const earliest = dayEnd([...days].sort()[0], tz);
  const latestDay = [...days].sort().at(-1)!;
  if (!days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) throw new Error(`not a YYYY-MM-DD day: ${days.join(", ")}`);
  // Read one after another, the big tables in pages: the transient garbage of
  // decoding a result stays small, which keeps peak memory near the live data.
  const rows = await readPaged<Record<string, unknown>>(db, `SELECT ${PROJECT_COLUMNS} FROM "Project"`, "", 2_000);
  const coUnits = await db.$queryRawUnsafe<{ projectId: number; unitId: number }[]>(`SELECT "projectId", "unitId" FROM "ProjectCoUnit"`);
  const responsibles = await db.$queryRawUnsafe<{ projectId: number; slackUserId: string }[]>(`SELECT "projectId", "slackUserId" FROM "ProjectResponsible"`);
  const later = await db.update.findMany({ where: { at: { gt: earliest } }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  const fundRows = await readPaged<FundEntry>(db, `SELECT "id", "projectId", "date", "amountWan", "note" FROM "FundEntry"`, `"date" <= '${latestDay}'`, 10_000);
  const supervisionItems = await loadSupervisionItems(db, tz, { statuses: LISTED_STATUSES });
  const groups = await listGroups(db);
  const units = await listUnits(db);
  const targets = await listTargets(db);
  const lastRows: Map<number, Date>[] = [];
  for (const day of days) lastRows.push(await lastUpdateTimes(db, dayEnd(day, tz)));

  const links = new Map<number, { coUnits: { unitId: number }[]; responsibles: { slackUserId: string }[] }>();
  const linksOf = (id: number) => links.get(id) ?? links.set(id, { coUnits: [], responsibles: [] }).get(id)!;
  for (const c of coUnits) linksOf(Number(c.projectId)).coUnits.push({ unitId: Number(c.unitId) });
  for (const r of responsibles) linksOf(Number(r.projectId)).responsibles.push({ slackUserId: r.slackUserId });
  const current = rows.map((r) => {
    const id = Number(r.id);
    return flatten({ ...r, id, version: Number(r.version), ...(links.get(id) ?? { coUnits: [], responsibles: [] }) });
  });
  const funds = fundRows.map((f) => ({ ...f, id: Number(f.id), projectId: Number(f.projectId), amountWan: Number(f.amountWan) }));

  return days.map((asOf, i) => {
    const cutoff = dayEnd(asOf, tz);
    const flats = new Map<number, FlatProject>(current.map((f) => [f.id, { ...f }]));
    for (const u of later) {
      if (u.at <= cutoff) break; // newest first: the rest happened on or before asOf
      const flat = flats.get(u.projectId);
      if (!flat) continue;
      if (u.field === "CREATED") flats.delete(u.projectId);
      else if (isHistoryField(u.field)) (flat as Record<string, unknown>)[u.field] = decodeValue(u.field, u.oldValue);
    }
    const lastUpdateOn = new Map<number, LocalDate>();
    for (const [id, at] of lastRows[i]) if (flats.has(id)) lastUpdateOn.set(id, toLocalDate(at, tz));
    // Each item as it stood that day: listed by then, the deadline then in force, closed only if closed by then.
    const supervision = supervisionItems.flatMap((s) => {
      const item = flats.has(s.projectId) ? supervisionItemOn(s, asOf) : null;
      return item ? [item] : [];
    });
    return {
      asOf,
      rules,
      projects: [...flats.values()].map(toDomain).sort((a, b) => a.id - b.id),
      funds: funds.filter((f) => f.date <= asOf && flats.has(f.projectId)),
      supervision,
      groups,
      units,
      targets,
      lastUpdateOn,
    };
  });
}

/** Projects with any history row between two local days (inclusive): who reported progress. */
export async function loadUpdatedProjectIds(db: Db, from: LocalDate, to: LocalDate, timeZone: string): Promise<Set<number>> {
  const rows = await db.update.findMany({
    where: { at: { gte: dayStart(from, timeZone), lte: dayEnd(to, timeZone) } },
    distinct: ["projectId"],
    select: { projectId: true },
  });
  return new Set(rows.map((r) => r.projectId));
}

/** All rows of `select` (which must include "id"), read in pages by id. `where` is trusted SQL, never user input. */
async function readPaged<T>(db: Db, select: string, where: string, pageSize: number): Promise<T[]> {
  const out: T[] = [];
  let after = 0;
  for (;;) {
    const page = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `${select} WHERE "id" > ${after}${where ? ` AND ${where}` : ""} ORDER BY "id" LIMIT ${pageSize}`,
    );
    for (const r of page) out.push(r as T);
    if (page.length < pageSize) return out;
    after = Number(page[page.length - 1].id);
  }
}

/** Each project's latest history instant up to the cutoff. */
async function lastUpdateTimes(db: Db, cutoff: Date): Promise<Map<number, Date>> {
  const rows = await db.update.groupBy({ by: ["projectId"], where: { at: { lte: cutoff } }, _max: { at: true } });
  const out = new Map<number, Date>();
  for (const r of rows) if (r._max.at) out.set(r.projectId, r._max.at);
  return out;
}
