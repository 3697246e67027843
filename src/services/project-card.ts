import { countedWan, countsMoney, originWeight, unitShares } from "../domain/counting.ts";
import { assessHealth, dueSoonReminder, type Health } from "../domain/health.ts";
import { toLocalDate } from "../domain/local-day.ts";
import { classifyProject } from "../domain/project-class.ts";
import type { LocalDate, Project, ProjectClass, SupervisionItem } from "../domain/types.ts";
import type { Db } from "../store/client.ts";
import { listGroups, listUnits } from "../store/directory.ts";
import { listFunds } from "../store/funds.ts";
import { getProject, listProjectsFollowingOn, projectHistory } from "../store/projects.ts";
import { loadRules } from "../store/settings.ts";
import { listSupervision, loadSupervisionItems, toSupervisionItem } from "../store/supervision.ts";
import { supervisionStateOn, type SupervisionState } from "../domain/supervision.ts";

/** Everything a project card shows, as plain data (the Block Kit is built from it elsewhere). */
export interface ProjectCardData {
  project: Project;
  asOf: LocalDate;
  /** The district's time zone, to show history instants as its days. */
  timeZone: string;
  /** "下一步“…”将于12月4日到期" when the next step is due soon (a reminder, not a light). */
  reminder: string | null;
  groupName: string;
  leadUnitName: string;
  coUnitNames: string[];
  landingUnitName: string;
  projectClass: ProjectClass;
  health: Health;
  arrivedWan: number;
  /** 协议/到位 counted toward targets: origin weight, and per unit for joint projects. */
  weighted: { agreedWan: number; arrivedWan: number; perUnit: Array<{ unit: string; share: number; agreedWan: number; arrivedWan: number }> };
  openSupervision: SupervisionItem[];
  /** Items still in play (proposed, open, awaiting 复核), with their steps, for the card's 督办 buttons. */
  supervisionItems: Array<{ id: number; projectId: number; projectName: string; state: SupervisionState }>;
  recentUpdates: Array<{ at: Date; author: string; field: string; oldValue: string | null; newValue: string | null }>;
  /** 未来订单: the producing project this one follows on from, and this one's own follow-on projects. */
  followOn: { parent: Pick<Project, "id" | "name"> | null; children: Array<Pick<Project, "id" | "name" | "followOnKind" | "agreedWan" | "stage">> };
}

export async function loadProjectCard(db: Db, projectId: number, now: Date): Promise<ProjectCardData | null> {
  const project = await getProject(db, projectId);
  if (!project) return null;
  const rules = await loadRules(db);
  const asOf = toLocalDate(now, rules.timeZone);
  const [groups, units, funds, supervisionRows, history, inPlay, parent, children] = await Promise.all([
    listGroups(db),
    listUnits(db),
    listFunds(db, { projectId }),
    listSupervision(db, projectId),
    projectHistory(db, projectId, 30),
    loadSupervisionItems(db, rules.timeZone, { projectIds: [projectId], statuses: ["PROPOSED", "OPEN", "REVIEW"] }),
    project.followOnOf != null ? getProject(db, project.followOnOf) : null,
    listProjectsFollowingOn(db, projectId),
  ]);
  const unitName = (id: number | null) => units.find((u) => u.id === id)?.name ?? "";
  const supervision = supervisionRows.map((s) => toSupervisionItem(s, (d) => toLocalDate(d, rules.timeZone)));
  const lastUpdateOn = history.length ? toLocalDate(history[0].at, rules.timeZone) : null;
  const arrivedWan = funds.reduce((sum, f) => sum + f.amountWan, 0);
  // 未达统计标准 money counts only when the rules say so: its 折算额 is then 0.
  const projectClass = classifyProject(project, rules);
  const counted = countsMoney(projectClass, rules);
  const weight = counted ? originWeight(project.origin, rules) : 0;
  // Five user actions, not five field rows: rows of one batch belong together.
  const batches = [...new Set(history.map((h) => h.batch))].slice(0, 5);
  return {
    project,
    asOf,
    timeZone: rules.timeZone,
    reminder: dueSoonReminder(project, asOf, rules),
    groupName: groups.find((g) => g.id === project.groupId)?.name ?? "未分组",
    leadUnitName: unitName(project.leadUnitId),
    coUnitNames: project.coUnitIds.map(unitName),
    landingUnitName: unitName(project.landingUnitId),
    projectClass,
    health: assessHealth(project, { asOf, lastUpdateOn, supervision }, rules),
    arrivedWan,
    weighted: {
      agreedWan: project.agreedWan * weight,
      arrivedWan: arrivedWan * weight,
      perUnit: unitShares(project, rules).map((s) => ({
        unit: unitName(s.unitId),
        share: s.share,
        agreedWan: counted ? countedWan(project.agreedWan, project, rules, s.unitId) : 0,
        arrivedWan: counted ? countedWan(arrivedWan, project, rules, s.unitId) : 0,
      })),
    },
    openSupervision: supervision.filter((s) => s.closedOn === null),
    supervisionItems: inPlay.map((i) => ({ id: i.id, projectId, projectName: project.name, state: supervisionStateOn(i.steps)! })),
    recentUpdates: history.filter((h) => batches.includes(h.batch)).map(({ at, author, field, oldValue, newValue }) => ({ at, author, field, oldValue, newValue })),
    followOn: {
      parent: parent && { id: parent.id, name: parent.name },
      children: children.map(({ id, name, followOnKind, agreedWan, stage }) => ({ id, name, followOnKind, agreedWan, stage })),
    },
  };
}
