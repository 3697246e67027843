import { toLocalDate } from "../domain/local-day.ts";
import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import { buildLeadersReport, type LeadersReport } from "../reports/leaders-report.ts";
import { reportContext } from "../reports/report-context.ts";
import { supervisionRows } from "../reports/supervision-list.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";
import { loadSnapshot } from "../store/snapshot.ts";
import { loadSupervisionItems } from "../store/supervision.ts";

// 领导包联: every leader's projects as of a day (today unless asked).

export async function buildLeaders(db: Db, req: { now: Date; asOf?: LocalDate }, rules?: Rules): Promise<LeadersReport> {
  rules ??= await loadRules(db);
  const asOf = req.asOf ?? toLocalDate(req.now, rules.timeZone);
  const snapshot = await loadSnapshot(db, asOf, rules);
  const ctx = reportContext(snapshot);
  const items = await loadSupervisionItems(db, rules.timeZone, { statuses: ["OPEN", "REVIEW", "CLOSED"] });
  const names = new Map(snapshot.projects.map((p) => [p.id, { name: p.name, groupId: p.groupId }]));
  const rows = supervisionRows({ asOf, items: items.filter((i) => names.has(i.projectId)), projects: names, groups: snapshot.groups });
  return buildLeadersReport(ctx, rows);
}
