import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import { supervisionRows } from "../reports/supervision-list.ts";
import { buildUnstartedList } from "../domain/unstarted.ts";
import { unstartedReportOf } from "../reports/unstarted-report.ts";
import { weeklySupervision, weeklyUnstarted, type WeeklySupervision, type WeeklyUnstarted } from "../reports/weekly-accountability.ts";
import type { Db } from "../store/client.ts";
import { listGroups, listUnits } from "../store/directory.ts";
import { loadProjectsAsOf, loadSupervisedProjects, loadUnstartedFacts } from "../store/report-rows.ts";
import { loadSupervisionItems } from "../store/supervision.ts";

// The weekly summary's 签约未开工 and 督办 sections, as the store knew them at
// the week's end. Only the projects these sections can name are read (the
// weekly post must not replay the whole ledger for two short lists).

/** How many of the longest-waiting 签约未开工 projects the summary names. */
const LONGEST_WAITING = 5;

export async function weeklyAccountability(db: Db, week: { start: LocalDate; asOf: LocalDate }, rules: Rules): Promise<{ unstarted: WeeklyUnstarted; supervision: WeeklySupervision }> {
  const [groups, units] = [await listGroups(db), await listUnits(db)];
  // Totals and bands from the facts of every candidate; whole projects only for the longest-waiting it names.
  const facts = await loadUnstartedFacts(db, week.asOf, rules);
  const list = buildUnstartedList(facts.projects, facts.funds, week.asOf, rules);
  const named = list.entries.filter((e) => e.daysSinceSigned !== null).slice(0, LONGEST_WAITING);
  const full = new Map((await loadProjectsAsOf(db, week.asOf, rules, named.map((e) => e.project.id))).map((l) => [l.project.id, l.project]));
  const unstarted = unstartedReportOf({ ...list, entries: named.map((e) => ({ ...e, project: full.get(e.project.id)! })) }, { asOf: week.asOf, rules, groups, units });
  const names = new Map((await loadSupervisedProjects(db, week.asOf, rules)).map(({ project: p }) => [p.id, { name: p.name, groupId: p.groupId }]));
  const items = (await loadSupervisionItems(db, rules.timeZone)).filter((i) => names.has(i.projectId));
  const rows = supervisionRows({ asOf: week.asOf, items, projects: names, groups });
  return { unstarted: weeklyUnstarted(unstarted, LONGEST_WAITING), supervision: weeklySupervision(rows, week) };
}
