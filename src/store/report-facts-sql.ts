import { dayEnd, dayStart } from "../domain/local-day.ts";
import { addDays } from "../domain/periods.ts";
import type { Rules } from "../domain/rules.ts";
import { STAGES, type LocalDate } from "../domain/types.ts";
import { ALL_SCALAR_FIELDS, FIGURE_FIELDS, projectsAsOfCte } from "./projects-as-of-sql.ts";
import { STAGE_DATE_COLUMNS } from "./project-row.ts";
import { col, concat, greatest, leastDate, raw, real, sql, text, type Dialect, type Sql } from "./sql-dialect.ts";

// Per-project facts of the report rules, as SQL over the projects as of a day
// (CTE "f"): stage on the day, signing day, counted toward the year, class,
// origin weight, started/producing, and the health light as a level
// (2 red, 1 yellow, 0 green, NULL not rated). Each expression restates one
// rule of src/domain (named beside it) with the thresholds and weights of
// Rules bound as parameters; test/store/report-sql.property.test.ts checks
// them against the domain functions on random ledgers and days.

const d = (stage: keyof typeof STAGE_DATE_COLUMNS) => col("p", STAGE_DATE_COLUMNS[stage]);

/** stageOn (domain/health.ts): the current stage if reached by the day (or undated), else what the dates say. */
function stageOn(asOf: Sql): Sql {
  const current = sql`CASE p."stage" ${concat((Object.keys(STAGE_DATE_COLUMNS) as (keyof typeof STAGE_DATE_COLUMNS)[]).map((s) => sql`WHEN ${raw(`'${s}'`)} THEN ${d(s)} `))}END`;
  const byDates = [...STAGES].reverse().map((s) => sql`WHEN ${d(s)} <= ${asOf} THEN ${raw(`'${s}'`)} `);
  return sql`CASE WHEN ${current} IS NULL OR ${current} <= ${asOf} THEN p."stage"
    WHEN ${d("DROPPED")} <= ${asOf} THEN 'DROPPED' ${concat(byDates)}ELSE p."stage" END`;
}

/** reachedOn (domain/stages.ts): first day the stage or a later one on the ladder was reached. */
function reachedOn(dialect: Dialect, from: (typeof STAGES)[number]): Sql {
  return leastDate(dialect, STAGES.slice(STAGES.indexOf(from)).map((s) => d(s)));
}

/** classifyProject (domain/project-class.ts); GENERAL is counted as money only, NONE (未达统计标准) not at all. */
function projectClass(rules: Rules): Sql {
  const c = rules.classes;
  return sql`CASE WHEN p."agreedWan" >= ${c.majorInvestWan} OR p."outputWan" >= ${c.majorOutputWan} THEN 'MAJOR'
    WHEN p."agreedWan" >= ${c.largeInvestWan} OR p."outputWan" >= ${c.largeOutputWan} THEN 'LARGE'
    WHEN p."agreedWan" >= ${c.keyInvestWan} THEN 'KEY'
    WHEN p."agreedWan" >= (CASE WHEN p."sector" = 'SERVICE' THEN CAST(${c.generalServiceWan} AS INTEGER) ELSE CAST(${c.generalIndustryWan} AS INTEGER) END) THEN 'GENERAL' ELSE 'NONE' END`;
}

/** originWeight (domain/counting.ts). */
function originWeight(rules: Rules): Sql {
  const w = rules.originWeights;
  return sql`CASE p."origin" WHEN 'OUTSIDE_CITY' THEN ${real(w.OUTSIDE_CITY)} WHEN 'IN_CITY_OUTSIDE_DISTRICT' THEN ${real(w.IN_CITY_OUTSIDE_DISTRICT)}
    WHEN 'IN_DISTRICT' THEN ${real(w.IN_DISTRICT)} ELSE ${real(0)} END`;
}

/**
 * assessHealth (domain/health.ts) as a level. "Over N days" before the day is
 * a date (or, for the last update, the instant that day starts) compared with.
 */
function healthLevel(dialect: Dialect, asOf: LocalDate, cutoff: Date, rules: Rules): Sql {
  const h = rules.health;
  const before = (n: number) => text(addDays(asOf, -n));
  const since = sql`COALESCE(s."signedAt", s."registeredAt")`;
  const signedNotStarted = sql`CASE WHEN s."stageOn" IN ('SIGNED', 'REGISTERED') AND ${since} IS NOT NULL THEN
      CASE WHEN ${since} < ${before(h.redSignedNotStartedDays)} THEN 2 WHEN ${since} < ${before(h.yellowSignedNotStartedDays)} THEN 1 ELSE 0 END
    ELSE 0 END`;
  // Overdue is yellow; due soon only when the rules make it a light (else it is a reminder).
  const yellowFrom = h.dueSoonIsYellow ? addDays(asOf, h.yellowDueWithinDays) : addDays(asOf, -1);
  const nextStep = sql`CASE WHEN s."nextStepDue" IS NULL THEN 0 WHEN s."nextStepDue" < ${before(h.redNextStepOverdueDays)} THEN 2
    WHEN s."nextStepDue" <= ${text(yellowFrom)} THEN 1 ELSE 0 END`;
  const tz = rules.timeZone;
  const noUpdate = sql`CASE WHEN s."lastAt" IS NOT NULL THEN
      CASE WHEN s."lastAt" < ${dayStart(addDays(asOf, -h.redNoUpdateDays), tz)} THEN 2 WHEN s."lastAt" < ${dayStart(addDays(asOf, -h.yellowNoUpdateDays), tz)} THEN 1 ELSE 0 END
    WHEN s."earliest" IS NOT NULL THEN
      CASE WHEN s."earliest" < ${before(h.redNoUpdateDays)} THEN 2 WHEN s."earliest" < ${before(h.yellowNoUpdateDays)} THEN 1 ELSE 0 END
    ELSE 2 END`;
  // The deadline in force that day (supervisionItemOn): the last step by then that set one, so a later 延期 does not clear a past day's red.
  const deadlineOn = sql`COALESCE((SELECT st."deadline" FROM "SupervisionStep" st WHERE st."itemId" = si."id" AND st."deadline" IS NOT NULL AND st."on" <= ${text(asOf)}
      ORDER BY st."id" DESC LIMIT 1), si."deadline")`;
  const supervision = sql`CASE WHEN EXISTS (SELECT 1 FROM "SupervisionItem" si WHERE si."projectId" = s."id" AND si."status" IN ('OPEN', 'REVIEW', 'CLOSED') AND si."openedAt" <= ${cutoff}
      AND (si."closedAt" IS NULL OR si."closedAt" > ${cutoff}) AND ${deadlineOn} < ${text(asOf)}) THEN 2 ELSE 0 END`;
  return sql`CASE WHEN s."stageOn" IN ('DROPPED', 'AT_CAPACITY') THEN NULL ELSE ${greatest(dialect, [signedNotStarted, nextStep, noUpdate, supervision])} END`;
}

export interface FactsOptions {
  asOf: LocalDate;
  rules: Rules;
  /** Compute the health level (reads each project's last update and supervision items). */
  health: boolean;
  /** Every field of the project (to list it), not only those the figures read. */
  allFields?: boolean;
  /** Only the projects whose row (`pr`) meets this condition (see projectsAsOfCte). */
  only?: Sql;
}

/**
 * `WITH ..., s AS (...), f AS (...)`: f has the columns of p (projects as
 * of the day) and stageOn, dropped, counts (toward the as-of year), cls, w,
 * started, producing, fundsYear / fundsAll (arrived by the day: this year,
 * ever), cm (money counts: not 未达统计标准), lastAt / earliest and level (with health). The coUnitIds of p are kept for unit credits.
 */
export function factsCte(dialect: Dialect, opts: FactsOptions): Sql {
  const { asOf, rules } = opts;
  const cutoff = dayEnd(asOf, rules.timeZone);
  const A = text(asOf);
  const yearStart = text(`${asOf.slice(0, 4)}-01-01`);
  const signedOn = reachedOn(dialect, "SIGNED");
  // isDroppedBy (domain/counting.ts): a DROPPED project without a date counts as dropped at any date.
  const dropped = sql`CASE WHEN p."droppedAt" IS NOT NULL THEN (CASE WHEN p."droppedAt" <= ${A} THEN 1 ELSE 0 END) WHEN p."stage" = 'DROPPED' THEN 1 ELSE 0 END`;
  // Each project's last update by the day: PostgreSQL aggregates the history once (10,000 index probes cost it
  // ~200 ms at 10,000 projects); SQLite probes the (projectId, at) index per project, which is cheaper for it.
  const lastAt = dialect === "postgres" ? sql`la."lastAt"` : sql`(SELECT MAX(u."at") FROM "Update" u WHERE u."projectId" = p."id" AND u."at" <= ${cutoff})`;
  const lastUpdates = opts.health && dialect === "postgres" ? sql`LEFT JOIN (SELECT "projectId", MAX("at") AS "lastAt" FROM "Update" WHERE "at" <= ${cutoff} GROUP BY "projectId") la ON la."projectId" = p."id"` : sql``;
  const healthColumns = opts.health ? sql`, ${lastAt} AS "lastAt", ${leastDate(dialect, STAGES.map((s) => d(s)))} AS "earliest"` : sql``;
  // Funds arrived by the day, per project: this year's (toward targets) and all (资金到位率).
  return sql`${projectsAsOfCte(cutoff, opts.allFields ? ALL_SCALAR_FIELDS : FIGURE_FIELDS, opts.allFields ? ["coUnitIds", "responsibleUserIds"] : ["coUnitIds"], opts.only)},
  fp AS MATERIALIZED (
    SELECT "projectId", SUM(CASE WHEN "date" >= ${yearStart} THEN "amountWan" ELSE 0 END) AS "year", SUM("amountWan") AS "all"
    FROM "FundEntry" WHERE "date" <= ${A} GROUP BY "projectId"
  ),
  s AS MATERIALIZED (
    SELECT p.*, COALESCE(fp."year", 0) AS "fundsYear", COALESCE(fp."all", 0) AS "fundsAll",
      ${stageOn(A)} AS "stageOn", ${signedOn} AS "signedOn", ${dropped} AS "dropped",
      ${projectClass(rules)} AS "cls", ${originWeight(rules)} AS "w",
      CASE WHEN ${reachedOn(dialect, "STARTED")} <= ${A} THEN 1 ELSE 0 END AS "started",
      CASE WHEN ${reachedOn(dialect, "PRODUCING")} <= ${A} THEN 1 ELSE 0 END AS "producing"${healthColumns}
    FROM p LEFT JOIN fp ON fp."projectId" = p."id" ${lastUpdates}
  ),
  f AS MATERIALIZED (
    SELECT s.*,
      -- countsTowardYear (domain/counting.ts): signed in the as-of year, by the day, not dropped by then.
      CASE WHEN s."signedOn" >= ${yearStart} AND s."signedOn" <= ${A} AND s."dropped" = 0 THEN 1 ELSE 0 END AS "counts",
      -- countsMoney (domain/counting.ts): 未达统计标准 money only when the rules count it.
      CASE WHEN s."cls" <> 'NONE' OR ${rules.belowStandardMoneyCounts ? 1 : 0} = 1 THEN 1 ELSE 0 END AS "cm",
      ${opts.health ? healthLevel(dialect, asOf, cutoff, rules) : sql`NULL`} AS "level"
    FROM s
  )`;
}
