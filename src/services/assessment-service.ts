import { toLocalDate } from "../domain/local-day.ts";
import { formatQuarter, previousQuarter, quarterOf, yearOf } from "../domain/periods.ts";
import type { Rules } from "../domain/rules.ts";
import { signedNotStarted } from "../domain/unstarted.ts";
import { unstartedLimitDays } from "../domain/annual-review.ts";
import { buildAnnualReview, type AnnualReviewReport } from "../reports/annual-review-report.ts";
import { buildBulletin, type QuarterlyBulletin } from "../reports/quarterly-bulletin.ts";
import { resolvePeriod } from "../reports/report-period.ts";
import type { Db } from "../store/client.ts";
import { listGroups, listTargets, listUnits } from "../store/directory.ts";
import { loadTallies } from "../store/report-figures.ts";
import { loadUnstartedProjects } from "../store/report-rows.ts";
import { loadRules } from "../store/settings.ts";
import { buildReport } from "./report-service.ts";

// 季通报 and 年考核 from the store: the same tallies as the rankings (computed
// by the database as of the day), and the 签约未开工 projects of that day.

/** The bulletin of `quarter` (default: the last quarter ended by today). */
export async function buildQuarterlyBulletin(db: Db, req: { quarter?: string; now: Date; asOf?: string }, rules?: Rules): Promise<QuarterlyBulletin> {
  rules ??= await loadRules(db);
  const quarter = req.quarter ?? formatQuarter(previousQuarter(quarterOf(toLocalDate(req.now, rules.timeZone))));
  const groups = await buildReport(db, { kind: "ranking", by: "group", quarter, asOf: req.asOf, now: req.now }, rules);
  const units = await buildReport(db, { kind: "ranking", by: "unit", quarter, asOf: req.asOf, now: req.now }, rules);
  if (groups.kind !== "ranking" || units.kind !== "ranking") throw new Error("unexpected report kind");
  return buildBulletin(groups, units, rules.bulletin.named);
}

/** The year's assessment (default: last year) as of 12月31日 (or `asOf`/today if earlier). */
export async function buildAnnualReviewReport(db: Db, req: { year?: string; now: Date; asOf?: string }, rules?: Rules): Promise<AnnualReviewReport> {
  rules ??= await loadRules(db);
  const today = toLocalDate(req.now, rules.timeZone);
  const period = resolvePeriod({ year: req.year ?? String(yearOf(today) - 1), asOf: req.asOf }, today);
  const limit = unstartedLimitDays(rules);
  const over = signedNotStarted((await loadUnstartedProjects(db, period.asOf, rules)).map((l) => l.project), period.asOf, limit);
  const count = (key: (p: (typeof over)[number]["project"]) => number | null) => {
    const m = new Map<number, number>();
    for (const { project } of over) {
      const id = key(project);
      if (id !== null) m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  };
  const tallies = await loadTallies(db, period.asOf, rules);
  return buildAnnualReview({
    period,
    rules,
    groups: await listGroups(db),
    units: await listUnits(db),
    targets: await listTargets(db, Number(period.label)),
    tallies,
    // Like class counts, a 签约未开工 project is the lead unit's (and its group's).
    unstartedOverLimit: { group: count((p) => p.groupId), unit: count((p) => p.leadUnitId) },
  });
}
