import { toLocalDate } from "../domain/local-day.ts";
import type { Rules } from "../domain/rules.ts";
import type { FundEntry, LocalDate, Origin, Project, Stage, StageDates, SupervisionItem } from "../domain/types.ts";
import type { FundArrival, UnstartedFacts } from "../domain/unstarted.ts";
import type { Db } from "./client.ts";
import { STAGE_DATE_COLUMNS, toDomain, type FlatProject } from "./project-row.ts";
import { ALL_SCALAR_FIELDS } from "./projects-as-of-sql.ts";
import { factsCte } from "./report-facts-sql.ts";
import { concat, dialectOf, join, jsonArrayText, raw, sql, text, type Sql } from "./sql-dialect.ts";
import { supervisionItemsOn } from "./supervision.ts";

// The rows a report lists, and only those: projects as they were on record
// at the end of a day (the same as-of replay as the figures, in SQL),
// chosen by a condition on the facts of report-facts-sql.ts.

export interface ListedProject {
  project: Project;
  /** Local day of the project's latest history row by the day; null if none. */
  lastUpdateOn: LocalDate | null;
}

const col = (name: string) => raw(`"${name}"`);

type Row = Record<string, unknown> & { coUnits: string; responsibles: string; lastAt: unknown };

function asDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

async function projectsWhere(db: Db, asOf: LocalDate, rules: Rules, where: Sql, health: boolean, only?: Sql): Promise<ListedProject[]> {
  const dialect = dialectOf(db);
  const list = (table: string, column: string) =>
    sql`(SELECT ${jsonArrayText(dialect, sql`x.${col(column)}`)} FROM ${col(table)} x WHERE x."projectId" = f."id")`;
  const columns = ALL_SCALAR_FIELDS.map((c) => sql`f.${col(c)}, `);
  const rows = await db.$queryRaw<Row[]>(sql`${factsCte(dialect, { asOf, rules, health, allFields: true, only })}
    SELECT f."id", ${concat(columns)}f."coUnitIds_c", f."coUnitIds_o", f."responsibleUserIds_c", f."responsibleUserIds_o", ${health ? sql`f."lastAt"` : sql`NULL`} AS "lastAt",
      ${list("ProjectCoUnit", "unitId")} AS "coUnits", ${list("ProjectResponsible", "slackUserId")} AS "responsibles"
    FROM f WHERE ${where} ORDER BY f."id"`);
  return rows.map((r) => {
    const flat: Record<string, unknown> = { version: 0 };
    for (const c of ALL_SCALAR_FIELDS) flat[c] = r[c] === null || r[c] === undefined ? null : typeof r[c] === "bigint" ? Number(r[c]) : r[c];
    flat.id = Number(r.id);
    flat.coUnitIds = JSON.parse(Number(r.coUnitIds_c) === 1 ? String(r.coUnitIds_o ?? "[]") : r.coUnits).map(Number).sort((a: number, b: number) => a - b);
    flat.responsibleUserIds = (JSON.parse(Number(r.responsibleUserIds_c) === 1 ? String(r.responsibleUserIds_o ?? "[]") : r.responsibles) as string[]).sort();
    const lastAt = asDate(r.lastAt);
    return { project: toDomain(flat as FlatProject), lastUpdateOn: lastAt ? toLocalDate(lastAt, rules.timeZone) : null };
  });
}

/** Projects with a stage reached, or funds arrived, between two days (inclusive): the week's signings, moves and funds. */
export function loadProjectsActiveBetween(db: Db, from: LocalDate, asOf: LocalDate, rules: Rules): Promise<ListedProject[]> {
  const inRange = (c: string) => sql`(f.${col(c)} >= ${text(from)} AND f.${col(c)} <= ${text(asOf)})`;
  const dated = ["leadAt", "negotiatingAt", "signedAt", "registeredAt", "startedAt", "producingAt", "atCapacityAt", "droppedAt"].map(inRange);
  return projectsWhere(
    db,
    asOf,
    rules,
    sql`(${join(dated, " OR ")} OR EXISTS (SELECT 1 FROM "FundEntry" fe WHERE fe."projectId" = f."id" AND fe."date" >= ${text(from)} AND fe."date" <= ${text(asOf)}))`,
    false,
  );
}

/** Projects whose light is red or yellow on the day (the stalled list; their reasons come from assessHealth). */
export function loadStalledProjects(db: Db, asOf: LocalDate, rules: Rules): Promise<ListedProject[]> {
  return projectsWhere(db, asOf, rules, sql`f."level" >= 1`, true);
}

/**
 * What the 签约未开工 list reads (domain/unstarted.ts decides), and only
 * that: projects at 签约 or 注册 on the day and not dropped, and those signed
 * this year by the day (the list's share of the year's signings), with the
 * funds each had by the day (one sum per project). Thousands at a large
 * district, so not whole projects: the weekly summary names five of them
 * (loadProjectsAsOf).
 */
export async function loadUnstartedFacts(db: Db, asOf: LocalDate, rules: Rules): Promise<{ projects: UnstartedFacts[]; funds: FundArrival[] }> {
  const dates = Object.values(STAGE_DATE_COLUMNS).map((c) => sql`, f.${col(c)}`);
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`${factsCte(dialectOf(db), { asOf, rules, health: false })}
    SELECT f."id", f."stage", f."agreedWan", f."origin", f."fundsAll"${concat(dates)}
    FROM f WHERE f."counts" = 1 OR (f."dropped" = 0 AND f."stageOn" IN ('SIGNED', 'REGISTERED')) ORDER BY f."id"`);
  const projects: UnstartedFacts[] = [];
  const funds: FundArrival[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    const stageDates: StageDates = {};
    for (const [stage, column] of Object.entries(STAGE_DATE_COLUMNS)) if (typeof r[column] === "string") stageDates[stage as Stage] = r[column] as LocalDate;
    projects.push({ id, stage: r.stage as Stage, stageDates, agreedWan: Number(r.agreedWan), origin: r.origin as Origin });
    if (Number(r.fundsAll)) funds.push({ projectId: id, date: asOf, amountWan: Number(r.fundsAll) });
  }
  return { projects, funds };
}

/** Given projects as they were on record at the end of the day (ids not on record then are left out). */
export function loadProjectsAsOf(db: Db, asOf: LocalDate, rules: Rules, ids: readonly number[]): Promise<ListedProject[]> {
  if (!ids.length) return Promise.resolve([]);
  return projectsWhere(db, asOf, rules, sql`1 = 1`, false, sql`pr."id" IN (${join(ids.map((id) => sql`${id}`), ", ")})`);
}

/** Projects with a 督办 item (open or not), as of the day: the names its list shows. */
export function loadSupervisedProjects(db: Db, asOf: LocalDate, rules: Rules): Promise<ListedProject[]> {
  // Narrowed before the replay: only a few projects carry an item.
  return projectsWhere(db, asOf, rules, sql`1 = 1`, false, sql`pr."id" IN (SELECT "projectId" FROM "SupervisionItem")`);
}

/** Fund entries dated between two days (inclusive), by project and day. */
export async function loadFundsBetween(db: Db, from: LocalDate, to: LocalDate): Promise<FundEntry[]> {
  const rows = await db.fundEntry.findMany({ where: { date: { gte: from, lte: to } }, orderBy: [{ projectId: "asc" }, { date: "asc" }, { id: "asc" }] });
  return rows.map((f) => ({ id: f.id, projectId: f.projectId, date: f.date, amountWan: f.amountWan, note: f.note }));
}

/** Supervision items open at the end of the day (listed by then, not yet closed). */
export async function loadOpenSupervision(db: Db, asOf: LocalDate, rules: Rules): Promise<SupervisionItem[]> {
  // As the item stood that day: a later 延期 does not move a past day's deadline.
  return supervisionItemsOn(db, asOf, rules.timeZone, { openOnly: true });
}

/** Projects at 签约 or 注册 on the day and not dropped by it (签约未开工; their age is domain/unstarted.ts's). */
export function loadUnstartedProjects(db: Db, asOf: LocalDate, rules: Rules): Promise<ListedProject[]> {
  return projectsWhere(db, asOf, rules, sql`f."stageOn" IN ('SIGNED', 'REGISTERED') AND f."dropped" = 0`, false);
}
