import { toLocalDate } from "../domain/local-day.ts";
import { yearOf } from "../domain/periods.ts";
import { sameDayLastYear } from "../domain/targets.ts";
import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import type { Db } from "../store/client.ts";
import { listGroups, listTargets, listUnits } from "../store/directory.ts";
import { loadTallies as readTallies, loadWeeklyFigures, type Tallies } from "../store/report-figures.ts";
import { loadFundsBetween, loadOpenSupervision, loadProjectsActiveBetween, loadStalledProjects } from "../store/report-rows.ts";
import { loadRules } from "../store/settings.ts";
import { resolvePeriod, type PeriodOptions } from "../reports/report-period.ts";
import { buildRanking, type RankBy, type RankingReport } from "../reports/ranking-report.ts";
import { buildStalledList, type StalledList } from "../reports/stalled-list.ts";
import { buildWeeklySummary, type WeeklySummary } from "../reports/weekly-summary.ts";
import { weeklyAccountability } from "./weekly-accountability-service.ts";

// Loads what a report needs from the store and hands it to the pure builders.
// Shared by the CLI, the Slack commands and the scheduled posts. Figures are
// aggregated by the database (report-figures.ts); only the rows a report
// lists are read (report-rows.ts), so the cost follows the report, not the
// size of the ledger.

export type Report = WeeklySummary | StalledList | RankingReport;
export type ReportKind = Report["kind"];

export interface ReportRequest extends PeriodOptions {
  kind: ReportKind;
  by?: RankBy;
  /** The present instant; reports never read the clock themselves. */
  now: Date;
}

/** Tallies already read, by day, for reports built together (the weekly post builds the summary and the ranking of one week). */
export type TallyMemo = Map<LocalDate, Promise<Tallies>>;

/**
 * `rules`: the caller's rules when it has them (the bot applies its TZ setting); else the stored ones.
 * `memo`: shared by reports of the same store state, so each day's tallies are read once.
 */
export async function buildReport(db: Db, req: ReportRequest, rules?: Rules, memo: TallyMemo = new Map()): Promise<Report> {
  rules ??= await loadRules(db);
  const r = rules;
  const loadTallies = async (day: LocalDate, by: RankBy) => {
    if (!memo.has(day)) memo.set(day, readTallies(db, day, r));
    return (await memo.get(day)!)[by];
  };
  const today = toLocalDate(req.now, rules.timeZone);
  const period = resolvePeriod(req, today);
  const groups = await listGroups(db);
  const units = await listUnits(db);
  if (req.kind === "ranking") {
    const by = req.by ?? "group";
    // Independent reads, asked for together: PostgreSQL runs them side by side on the pool (SQLite one after another).
    const [tallies, previousTallies, lastYearTallies, targets] = await Promise.all([
      loadTallies(period.asOf, by),
      loadTallies(period.previousAsOf, by),
      loadTallies(sameDayLastYear(period.asOf), by),
      listTargets(db),
    ]);
    return buildRanking({ by, period, rules, groups, units, targets, tallies, previousTallies, lastYearTallies });
  }
  if (req.kind === "stalled") {
    // The stalled list is about a day, not a week: today unless a day or period is named.
    const namedPeriod = req.week || req.quarter || req.year;
    const asOf = namedPeriod ? period.asOf : (req.asOf ?? today);
    const projects = await loadStalledProjects(db, asOf, rules);
    return buildStalledList({ asOf, rules, projects, supervision: await loadOpenSupervision(db, asOf, rules), groups, units });
  }
  // 同期: the same day last year, as the store's history knew it then.
  const lastYearDay = sameDayLastYear(period.asOf);
  // Independent reads, asked for together (see above).
  const [figures, lastYearGroups, lastYearUnits, listed, funds, targets, accountability] = await Promise.all([
    loadWeeklyFigures(db, period.asOf, period.start, rules),
    loadTallies(lastYearDay, "group"),
    loadTallies(lastYearDay, "unit"),
    loadProjectsActiveBetween(db, period.start, period.asOf, rules),
    loadFundsBetween(db, period.start, period.asOf),
    listTargets(db, yearOf(period.asOf)),
    weeklyAccountability(db, { start: period.start, asOf: period.asOf }, rules),
  ]);
  // The figures carry the day's tallies: a ranking built with this memo reads them from here.
  if (!memo.has(period.asOf)) memo.set(period.asOf, Promise.resolve(figures.tallies));
  const lastYear = { groups: lastYearGroups, units: lastYearUnits };
  const summary = buildWeeklySummary({ period, rules, figures, groupTallies: figures.tallies.group, lastYear, projects: listed.map((l) => l.project), funds, groups, units, targets });
  return { ...summary, ...accountability };
}
