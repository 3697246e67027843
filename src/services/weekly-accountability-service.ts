import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import { supervisionRows } from "../reports/supervision-list.ts";
import { buildUnstartedReport } from "../reports/unstarted-report.ts";
import { weeklySupervision, weeklyUnstarted, type WeeklySupervision, type WeeklyUnstarted } from "../reports/weekly-accountability.ts";
import type { Db } from "../store/client.ts";
import { loadSnapshot } from "../store/snapshot.ts";
import { loadSupervisionItems } from "../store/supervision.ts";

// The weekly summary's 签约未开工 and 督办 sections, as the store knew them at the week's end.

export async function weeklyAccountability(db: Db, week: { start: LocalDate; asOf: LocalDate }, rules: Rules): Promise<{ unstarted: WeeklyUnstarted; supervision: WeeklySupervision }> {
  const s = await loadSnapshot(db, week.asOf, rules);
  const unstarted = buildUnstartedReport({ asOf: week.asOf, rules, projects: s.projects, funds: s.funds, groups: s.groups, units: s.units });
  const names = new Map(s.projects.map((p) => [p.id, { name: p.name, groupId: p.groupId }]));
  const items = (await loadSupervisionItems(db, rules.timeZone)).filter((i) => names.has(i.projectId));
  const rows = supervisionRows({ asOf: week.asOf, items, projects: names, groups: s.groups });
  return { unstarted: weeklyUnstarted(unstarted), supervision: weeklySupervision(rows, week) };
}
