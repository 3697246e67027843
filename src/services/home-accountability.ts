import { isOpen, slackIdOf, supervisionStateOn, type SupervisionState } from "../domain/supervision.ts";
import { buildLeadersReport, type LeaderEntry } from "../reports/leaders-report.ts";
import type { ReportContext } from "../reports/report-context.ts";
import { supervisionRows } from "../reports/supervision-list.ts";
import type { Db } from "../store/client.ts";
import { loadSupervisionItems } from "../store/supervision.ts";
import { loadSupervisors } from "./supervision-service.ts";

// What App Home adds for accountability: a 督办员 sees what waits for 复核 and
// the proposals to confirm; a 责任人 sees their open items; a 包联领导 sees
// their projects (the same entry as their weekly digest).

export interface HomeItem {
  id: number;
  projectId: number;
  projectName: string;
  state: SupervisionState;
}

export interface HomeAccountability {
  isSupervisor: boolean;
  waitingReview: HomeItem[];
  proposals: HomeItem[];
  myItems: HomeItem[];
  leader: LeaderEntry | null;
}

export async function loadHomeAccountability(db: Db, userId: string, ctx: ReportContext, admins: readonly string[]): Promise<HomeAccountability> {
  const { rules, asOf } = ctx.snapshot;
  const supervisor = (await loadSupervisors({ db, admins })).includes(userId);
  const items = await loadSupervisionItems(db, rules.timeZone, { statuses: ["PROPOSED", "OPEN", "REVIEW"] });
  const view = (i: { id: number; projectId: number; steps: Parameters<typeof supervisionStateOn>[0] }): HomeItem => ({ id: i.id, projectId: i.projectId, projectName: ctx.projectById.get(i.projectId)?.name ?? `项目${i.projectId}`, state: supervisionStateOn(i.steps)! });
  const all = items.map(view);
  const byUrgency = (a: HomeItem, b: HomeItem) => a.state.deadline.localeCompare(b.state.deadline) || a.id - b.id;
  let leader: LeaderEntry | null = null;
  if (ctx.snapshot.projects.some((p) => p.leaderSlackId === userId)) {
    const listed = await loadSupervisionItems(db, rules.timeZone, { statuses: ["OPEN", "REVIEW"] });
    const names = new Map(ctx.snapshot.projects.filter((p) => p.leaderSlackId === userId).map((p) => [p.id, { name: p.name, groupId: p.groupId }]));
    const rows = supervisionRows({ asOf, items: listed.filter((i) => names.has(i.projectId)), projects: names, groups: ctx.snapshot.groups });
    leader = buildLeadersReport({ ...ctx, snapshot: { ...ctx.snapshot, projects: ctx.snapshot.projects.filter((p) => p.leaderSlackId === userId) } }, rows).leaders[0] ?? null;
  }
  return {
    isSupervisor: supervisor,
    waitingReview: supervisor ? all.filter((i) => i.state.status === "REVIEW" && i.state.requestedBy !== userId).sort(byUrgency) : [],
    proposals: supervisor ? all.filter((i) => i.state.status === "PROPOSED").sort(byUrgency) : [],
    myItems: all.filter((i) => isOpen(i.state) && slackIdOf(i.state.owner) === userId).sort(byUrgency),
    leader,
  };
}
