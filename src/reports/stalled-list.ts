import { assessHealth, stageOn, type HealthReason } from "../domain/health.ts";
import type { Rules } from "../domain/rules.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { Group, HealthLight, LocalDate, Project, Stage, SupervisionItem, Unit } from "../domain/types.ts";
import { directoryNames } from "./directory-names.ts";

// 滞后项目清单: red and yellow projects grouped by group, red first, each with
// the reasons a leader needs to ask about in the meeting.

export interface StalledProject {
  projectId: number;
  name: string;
  investor: string;
  leadUnit: string;
  light: Exclude<HealthLight, "GREEN">;
  stage: Stage;
  stageLabel: string;
  reasons: HealthReason[];
  nextStep: string;
  nextStepDue: LocalDate | null;
  leaderName: string;
  responsibleUserIds: string[];
}

export interface StalledList {
  kind: "stalled";
  asOf: LocalDate;
  counts: { red: number; yellow: number };
  groups: Array<{ groupId: number | null; name: string; red: number; yellow: number; projects: StalledProject[] }>;
}

/** What the stalled list is built from: the projects that may be red or yellow on the day, with what their health needs. */
export interface StalledInput {
  asOf: LocalDate;
  rules: Rules;
  /** Candidates as of asOf (others may be included: assessHealth decides), each with its last update day. */
  projects: Array<{ project: Project; lastUpdateOn: LocalDate | null }>;
  /** Supervision items (of any project) as known on asOf. */
  supervision: SupervisionItem[];
  groups: Group[];
  units: Unit[];
}

export function buildStalledList(input: StalledInput): StalledList {
  const { asOf, rules } = input;
  const names = directoryNames(input.groups, input.units);
  const supervisionOf = new Map<number, SupervisionItem[]>();
  for (const s of input.supervision) {
    const list = supervisionOf.get(s.projectId) ?? supervisionOf.set(s.projectId, []).get(s.projectId)!;
    list.push(s);
  }
  const byGroup = new Map<number | null, StalledProject[]>();
  for (const { project: p, lastUpdateOn } of input.projects) {
    const { light, reasons } = assessHealth(p, { asOf, lastUpdateOn, supervision: supervisionOf.get(p.id) ?? [] }, rules);
    if (light !== "RED" && light !== "YELLOW") continue;
    const stage = stageOn(p, asOf);
    const list = byGroup.get(p.groupId) ?? [];
    list.push({
      projectId: p.id,
      name: p.name,
      investor: p.investor,
      leadUnit: names.unitName(p.leadUnitId),
      light,
      stage,
      stageLabel: STAGE_LABELS[stage],
      reasons,
      nextStep: p.nextStep,
      nextStepDue: p.nextStepDue,
      leaderName: p.leaderName,
      responsibleUserIds: p.responsibleUserIds,
    });
    byGroup.set(p.groupId, list);
  }
  const groups = [...byGroup.entries()].map(([groupId, projects]) => {
    projects.sort((a, b) => Number(b.light === "RED") - Number(a.light === "RED") || b.reasons.length - a.reasons.length || a.projectId - b.projectId);
    const red = projects.filter((p) => p.light === "RED").length;
    return { groupId, name: names.groupName(groupId), red, yellow: projects.length - red, projects };
  });
  groups.sort((a, b) => b.red - a.red || b.yellow - a.yellow || (a.groupId ?? Infinity) - (b.groupId ?? Infinity));
  return {
    kind: "stalled",
    asOf,
    counts: { red: groups.reduce((n, g) => n + g.red, 0), yellow: groups.reduce((n, g) => n + g.yellow, 0) },
    groups,
  };
}
