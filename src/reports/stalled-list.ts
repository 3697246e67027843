import type { HealthReason } from "../domain/health.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { HealthLight, LocalDate, Stage } from "../domain/types.ts";
import type { ReportContext } from "./report-context.ts";

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

export function buildStalledList(ctx: ReportContext): StalledList {
  const byGroup = new Map<number | null, StalledProject[]>();
  for (const p of ctx.snapshot.projects) {
    const { light, reasons } = ctx.healthOf(p);
    if (light !== "RED" && light !== "YELLOW") continue;
    const stage = ctx.stageOf(p);
    const list = byGroup.get(p.groupId) ?? [];
    list.push({
      projectId: p.id,
      name: p.name,
      investor: p.investor,
      leadUnit: ctx.unitName(p.leadUnitId),
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
    return { groupId, name: ctx.groupName(groupId), red, yellow: projects.length - red, projects };
  });
  groups.sort((a, b) => b.red - a.red || b.yellow - a.yellow || (a.groupId ?? Infinity) - (b.groupId ?? Infinity));
  return {
    kind: "stalled",
    asOf: ctx.snapshot.asOf,
    counts: { red: groups.reduce((n, g) => n + g.red, 0), yellow: groups.reduce((n, g) => n + g.yellow, 0) },
    groups,
  };
}
