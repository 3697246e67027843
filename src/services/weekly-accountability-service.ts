import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import { supervisionRows } from "../reports/supervision-list.ts";
import { buildUnstartedReport } from "../reports/unstarted-report.ts";
import { weeklySupervision, weeklyUnstarted, type WeeklySupervision, type WeeklyUnstarted } from "../reports/weekly-accountability.ts";
import type { Db } from "../store/client.ts";
import { listGroups, listUnits } from "../store/directory.ts";
import { loadFundSumsOf, loadSupervisedProjects, loadUnstartedCandidates } from "../store/report-rows.ts";
import { loadSupervisionItems } from "../store/supervision.ts";

// The weekly summary's 签约未开工 and 督办 sections, as the store knew them at
// the week's end. Only the projects these sections can name are read (the
// weekly post must not replay the whole ledger for two short lists).

export async function weeklyAccountability(db: Db, week: { start: LocalDate; asOf: LocalDate }, rules: Rules): Promise<{ unstarted: WeeklyUnstarted; supervision: WeeklySupervision }> {
  const [groups, units] = [await listGroups(db), await listUnits(db)];
  const candidates = (await loadUnstartedCandidates(db, week.asOf, rules)).map((l) => l.project);
  const funds = await loadFundSumsOf(db, candidates.map((p) => p.id), week.asOf);
  const unstarted = buildUnstartedReport({ asOf: week.asOf, rules, projects: candidates, funds, groups, units });
  const names = new Map((await loadSupervisedProjects(db, week.asOf, rules)).map(({ project: p }) => [p.id, { name: p.name, groupId: p.groupId }]));
  const items = (await loadSupervisionItems(db, rules.timeZone)).filter((i) => names.has(i.projectId));
  const rows = supervisionRows({ asOf: week.asOf, items, projects: names, groups });
  return { unstarted: weeklyUnstarted(unstarted), supervision: weeklySupervision(rows, week) };
}
