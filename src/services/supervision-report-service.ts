import { toLocalDate } from "../domain/local-day.ts";
import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import { buildSupervisionList, type SupervisionFilter, type SupervisionList } from "../reports/supervision-list.ts";
import type { Db } from "../store/client.ts";
import { listGroups } from "../store/directory.ts";
import { loadRules } from "../store/settings.ts";
import { loadSupervisionItems, projectNamesOf } from "../store/supervision.ts";

// Loads every 督办 item with its steps and the names a list shows.

export async function buildSupervisionReport(db: Db, req: { now: Date; asOf?: LocalDate; status?: SupervisionFilter | null }, rules?: Rules): Promise<SupervisionList> {
  rules ??= await loadRules(db);
  const asOf = req.asOf ?? toLocalDate(req.now, rules.timeZone);
  const items = await loadSupervisionItems(db, rules.timeZone);
  const ids = [...new Set(items.map((i) => i.projectId))];
  const projects = await projectNamesOf(db, ids);
  return buildSupervisionList({ asOf, items, projects, groups: await listGroups(db), filter: req.status ?? null });
}
