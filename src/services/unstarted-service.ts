import { toLocalDate } from "../domain/local-day.ts";
import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import { buildUnstartedReport as build, type UnstartedReport } from "../reports/unstarted-report.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";
import { loadSnapshot } from "../store/snapshot.ts";

// The 签约未开工 list as of a day (today unless asked), from the store as it was known then.

export async function buildUnstartedReport(db: Db, req: { now: Date; asOf?: LocalDate }, rules?: Rules): Promise<UnstartedReport> {
  rules ??= await loadRules(db);
  const asOf = req.asOf ?? toLocalDate(req.now, rules.timeZone);
  const s = await loadSnapshot(db, asOf, rules);
  return build({ asOf, rules, projects: s.projects, funds: s.funds, groups: s.groups, units: s.units });
}
