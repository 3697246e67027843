import { emptyTally, type Tally } from "../domain/counting.ts";
import { dayEnd, dayStart } from "../domain/local-day.ts";
import { ratio, type Rates } from "../domain/rates.ts";
import type { Rules } from "../domain/rules.ts";
import type { LocalDate, Stage } from "../domain/types.ts";
import type { Db } from "./client.ts";
import { creditsCte, type CreditSubject } from "./report-credits-sql.ts";
import { factsCte } from "./report-facts-sql.ts";
import { dialectOf, raw, sql, type Dialect, type Sql } from "./sql-dialect.ts";

// The figures of the reports, computed where the data is: one aggregate
// query per report day, returning a few dozen numbers however large the
// ledger. Rows a report lists are read by report-rows.ts.

type Row = { k: string; key: string | null; v1: unknown; v2: unknown; v3: unknown; v4: unknown; v5: unknown; v6: unknown; v7: unknown };

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const D = (e: Sql) => sql`CAST(${e} AS DOUBLE PRECISION)`;

/** Sums of the credited money and class counts per subject, toward the as-of year (tallyUnits / tallyGroups); rows marked `tally:<by>`. */
function tallySelect(by: CreditSubject): Sql {
  const counted = sql`f."counts" = 1 AND c."countsClass" = 1 AND f."cls" <> 'NONE'`;
  const money = sql`f."counts" = 1 AND f."cm" = 1`;
  return sql`SELECT ${raw(`'tally:${by}'`)} AS "k", CAST(c."subject" AS TEXT) AS "key",
      ${D(sql`SUM(CASE WHEN ${money} THEN f."agreedWan" * f."w" * c."share" ELSE 0 END)`)} AS "v1",
      ${D(sql`SUM(CASE WHEN ${counted} THEN 1 ELSE 0 END)`)} AS "v2",
      ${D(sql`SUM(CASE WHEN ${counted} AND f."cls" = 'MAJOR' THEN 1 ELSE 0 END)`)} AS "v3",
      ${D(sql`SUM(CASE WHEN ${counted} AND f."cls" = 'LARGE' THEN 1 ELSE 0 END)`)} AS "v4",
      ${D(sql`SUM(CASE WHEN ${counted} AND f."cls" = 'KEY' THEN 1 ELSE 0 END)`)} AS "v5",
      ${D(sql`SUM(f."fundsYear" * f."w" * c."share" * f."cm")`)} AS "v6",
      ${D(sql`SUM(CASE WHEN ${money} AND f."sector" = 'SERVICE' THEN f."agreedWan" * f."w" * c."share" ELSE 0 END)`)} AS "v7"
    FROM ${raw(`credits_${by}`)} c JOIN f ON f."id" = c."projectId" GROUP BY c."subject"`;
}

/** Both subjects' credits and their tallies, after factsCte: the facts are computed once for groups and units. */
function talliesOfBoth(dialect: Dialect, rules: Rules): { ctes: Sql; select: Sql } {
  return { ctes: sql`${creditsCte(dialect, "group", rules)}${creditsCte(dialect, "unit", rules)}`, select: sql`${tallySelect("group")} UNION ALL ${tallySelect("unit")}` };
}

export type Tallies = Record<CreditSubject, Map<number, Tally>>;

function tallies(rows: Row[]): Tallies {
  const out: Tallies = { group: new Map(), unit: new Map() };
  for (const r of rows) {
    if (r.k !== "tally:group" && r.k !== "tally:unit") continue;
    const m = out[r.k === "tally:group" ? "group" : "unit"];
    const t = m.get(Number(r.key)) ?? m.set(Number(r.key), emptyTally()).get(Number(r.key))!;
    t.agreedWan += num(r.v1);
    t.signedCount += num(r.v2);
    t.majorCount += num(r.v3);
    t.largeCount += num(r.v4);
    t.keyCount += num(r.v5);
    t.arrivedWan += num(r.v6);
    t.nonIndustryAgreedWan += num(r.v7);
  }
  return out;
}

/** Each group's and each unit's tally toward the as-of year, as of the end of `asOf` (one query); subjects credited nothing are absent. */
export async function loadTallies(db: Db, asOf: LocalDate, rules: Rules): Promise<Tallies> {
  const dialect = dialectOf(db);
  const both = talliesOfBoth(dialect, rules);
  return tallies(await db.$queryRaw<Row[]>(sql`${factsCte(dialect, { asOf, rules, health: false })}${both.ctes} ${both.select}`));
}

export interface WeeklyFigures {
  /** The district's year to date: every unit's tally summed. */
  achieved: Tally;
  /** Each group's and each unit's tally (subjects credited nothing are absent). */
  tallies: Tallies;
  /** Projects per stage on the day. */
  funnel: Map<Stage, number>;
  /** 未来订单 on record by the day and not dropped by then (followOnTotals, domain/follow-on.ts). */
  followOn: { count: number; agreedWan: number };
  health: { red: number; yellow: number; green: number; notRated: number };
  rates: Rates;
  /** Groups with a rated project on the day, and groups with a project updated in [from, asOf]. */
  activeGroupIds: Set<number>;
  updatedGroupIds: Set<number>;
}

/** Every figure of the weekly summary as of the end of `asOf`; "updated" counts history rows from the start of `from`. */
export async function loadWeeklyFigures(db: Db, asOf: LocalDate, from: LocalDate, rules: Rules): Promise<WeeklyFigures> {
  const dialect = dialectOf(db);
  const zero = D(sql`0`);
  const updatedSince = dayStart(from, rules.timeZone);
  const cutoff = dayEnd(asOf, rules.timeZone);
  const both = talliesOfBoth(dialect, rules);
  const query = sql`${factsCte(dialect, { asOf, rules, health: true })}${both.ctes}
    ${both.select}
    UNION ALL
    SELECT 'stage', f."stageOn", ${D(sql`COUNT(*)`)}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero} FROM f GROUP BY f."stageOn"
    UNION ALL
    SELECT 'followon', NULL, ${D(sql`COUNT(*)`)}, ${D(sql`COALESCE(SUM(f."agreedWan"), 0)`)}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero} FROM f WHERE f."followOnOfId" IS NOT NULL AND f."dropped" = 0
    UNION ALL
    SELECT 'level', CAST(f."level" AS TEXT), ${D(sql`COUNT(*)`)}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero} FROM f GROUP BY f."level"
    UNION ALL
    SELECT 'rates', NULL,
      ${D(sql`SUM(f."counts")`)},
      ${D(sql`SUM(CASE WHEN f."counts" = 1 AND f."started" = 1 THEN 1 ELSE 0 END)`)},
      ${D(sql`SUM(CASE WHEN f."counts" = 1 THEN f."agreedWan" ELSE 0 END)`)},
      ${D(sql`SUM(CASE WHEN f."started" = 1 AND f."dropped" = 0 THEN 1 ELSE 0 END)`)},
      ${D(sql`SUM(CASE WHEN f."started" = 1 AND f."dropped" = 0 AND f."producing" = 1 THEN 1 ELSE 0 END)`)},
      ${D(sql`SUM(CASE WHEN f."counts" = 1 THEN f."fundsAll" ELSE 0 END)`)},
      ${zero}
    FROM f
    UNION ALL
    SELECT DISTINCT 'active', CAST(f."groupId" AS TEXT), ${zero}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero} FROM f WHERE f."level" IS NOT NULL AND f."groupId" IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'updated', CAST(f."groupId" AS TEXT), ${zero}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}, ${zero} FROM f
    WHERE f."groupId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Update" u WHERE u."projectId" = f."id" AND u."at" >= ${updatedSince} AND u."at" <= ${cutoff})`;
  const rows = await db.$queryRaw<Row[]>(query);

  const byBoth = tallies(rows);
  const achieved = emptyTally();
  for (const t of byBoth.unit.values()) for (const k of Object.keys(achieved) as (keyof Tally)[]) achieved[k] += t[k];
  const funnel = new Map<Stage, number>();
  let followOn = { count: 0, agreedWan: 0 };
  const health = { red: 0, yellow: 0, green: 0, notRated: 0 };
  const activeGroupIds = new Set<number>();
  const updatedGroupIds = new Set<number>();
  let rates: Rates = { conversion: ratio(0, 0), fundsArrival: ratio(0, 0), productionRate: ratio(0, 0) };
  for (const r of rows) {
    if (r.k === "stage") funnel.set(r.key as Stage, num(r.v1));
    else if (r.k === "followon") followOn = { count: num(r.v1), agreedWan: num(r.v2) };
    else if (r.k === "level") {
      const n = num(r.v1);
      if (r.key === null) health.notRated += n;
      else if (Number(r.key) === 2) health.red += n;
      else if (Number(r.key) === 1) health.yellow += n;
      else health.green += n;
    } else if (r.k === "rates") {
      rates = { conversion: ratio(num(r.v2), num(r.v1)), fundsArrival: ratio(num(r.v6), num(r.v3)), productionRate: ratio(num(r.v5), num(r.v4)) };
    } else if (r.k === "active") activeGroupIds.add(Number(r.key));
    else if (r.k === "updated") updatedGroupIds.add(Number(r.key));
  }
  return { achieved, tallies: byBoth, funnel, followOn, health, rates, activeGroupIds, updatedGroupIds };
}
