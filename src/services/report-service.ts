import { toLocalDate } from "../domain/local-day.ts";
import type { Rules } from "../domain/rules.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";
import { loadSnapshot, loadSnapshots, loadUpdatedProjectIds } from "../store/snapshot.ts";
import { reportContext } from "../reports/report-context.ts";
import { resolvePeriod, type PeriodOptions } from "../reports/report-period.ts";
import { buildRanking, type RankBy, type RankingReport } from "../reports/ranking-report.ts";
import { buildStalledList, type StalledList } from "../reports/stalled-list.ts";
import { buildWeeklySummary, type WeeklySummary } from "../reports/weekly-summary.ts";

// Loads what a report needs from the store and hands it to the pure builders.
// Shared by the CLI, the Slack commands and the scheduled posts.

export type Report = WeeklySummary | StalledList | RankingReport;
export type ReportKind = Report["kind"];

export interface ReportRequest extends PeriodOptions {
  kind: ReportKind;
  by?: RankBy;
  /** The present instant; reports never read the clock themselves. */
  now: Date;
}

/** `rules`: the caller's rules when it has them (the bot applies its TZ setting); else the stored ones. */
export async function buildReport(db: Db, req: ReportRequest, rules?: Rules): Promise<Report> {
  rules ??= await loadRules(db);
  const today = toLocalDate(req.now, rules.timeZone);
  const period = resolvePeriod(req, today);
  if (req.kind === "ranking") {
    const [now, before] = await loadSnapshots(db, [period.asOf, period.previousAsOf], rules);
    return buildRanking(reportContext(now), reportContext(before), req.by ?? "group", period);
  }
  if (req.kind === "stalled") {
    // The stalled list is about a day, not a week: today unless a day or period is named.
    const namedPeriod = req.week || req.quarter || req.year;
    return buildStalledList(reportContext(await loadSnapshot(db, namedPeriod ? period.asOf : (req.asOf ?? today), rules)));
  }
  const ctx = reportContext(await loadSnapshot(db, period.asOf, rules));
  const updated = await loadUpdatedProjectIds(db, period.start, period.asOf, rules.timeZone);
  return buildWeeklySummary(ctx, updated, period);
}
