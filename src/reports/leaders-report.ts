import { formatMoney, TERMS } from "../domain/glossary.ts";
import type { HealthReason } from "../domain/health.ts";
import { leaderLabel } from "../domain/leaders.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { HealthLight, LocalDate, Stage } from "../domain/types.ts";
import { unstartedAge, type UnstartedBand } from "../domain/unstarted.ts";
import type { ReportContext } from "./report-context.ts";
import type { SupervisionRow } from "./supervision-list.ts";

// 领导包联 (沙坪坝: "一个项目、一名领导…一抓到底"): per 包联领导, their projects
// with lights, the 签约未开工 ones and the overdue 督办 items. Shared by
// `dispatch report leaders`, a leader's App Home and the weekly leader digest.

export interface LeaderProject {
  projectId: number;
  name: string;
  group: string;
  stage: Stage;
  stageLabel: string;
  light: HealthLight | null;
  reasons: HealthReason[];
  agreedWan: number;
  unstarted: { daysSinceSigned: number | null; ageBand: UnstartedBand } | null;
  nextStep: string;
}

export interface LeaderEntry {
  leader: string;
  slackId: string | null;
  counts: { projects: number; red: number; yellow: number; unstarted: number; overdueSupervision: number };
  agreedWan: number;
  projects: LeaderProject[];
  overdueSupervision: Array<{ id: number; projectId: number; project: string; issue: string; owner: string; deadline: LocalDate; daysOverdue: number }>;
}

export interface LeadersReport {
  kind: "leaders";
  asOf: LocalDate;
  leaders: LeaderEntry[];
  /** Active projects with no 包联领导 on record (a gap the 双包联全覆盖 rule asks to close). */
  withoutLeader: number;
}

const key = (p: { leaderSlackId: string | null; leaderName: string }) => (p.leaderSlackId ? `id:${p.leaderSlackId}` : p.leaderName.trim() ? `name:${p.leaderName.trim()}` : null);

export function buildLeadersReport(ctx: ReportContext, supervision: SupervisionRow[]): LeadersReport {
  const { asOf, rules } = ctx.snapshot;
  const byLeader = new Map<string, LeaderEntry>();
  let withoutLeader = 0;
  const lightOrder = { RED: 0, YELLOW: 1, GREEN: 2 } as const;
  for (const p of ctx.snapshot.projects) {
    const stage = ctx.stageOf(p);
    if (stage === "DROPPED") continue;
    const k = key(p);
    if (!k) {
      withoutLeader += 1;
      continue;
    }
    let e = byLeader.get(k);
    if (!e) byLeader.set(k, (e = { leader: leaderLabel(p), slackId: p.leaderSlackId, counts: { projects: 0, red: 0, yellow: 0, unstarted: 0, overdueSupervision: 0 }, agreedWan: 0, projects: [], overdueSupervision: [] }));
    if (!e.leader && p.leaderName) e.leader = p.leaderName;
    const health = ctx.healthOf(p);
    const age = unstartedAge(p, asOf, rules);
    e.projects.push({
      projectId: p.id,
      name: p.name,
      group: ctx.groupName(p.groupId),
      stage,
      stageLabel: STAGE_LABELS[stage],
      light: health.light,
      reasons: health.reasons,
      agreedWan: p.agreedWan,
      unstarted: age ? { daysSinceSigned: age.daysSinceSigned, ageBand: age.band } : null,
      nextStep: p.nextStep,
    });
    e.counts.projects += 1;
    e.agreedWan += p.agreedWan;
    if (health.light === "RED") e.counts.red += 1;
    if (health.light === "YELLOW") e.counts.yellow += 1;
    if (age) e.counts.unstarted += 1;
  }
  const leaderOfProject = new Map<number, string>();
  for (const p of ctx.snapshot.projects) {
    const k = key(p);
    if (k) leaderOfProject.set(p.id, k);
  }
  for (const s of supervision) {
    if (s.daysOverdue <= 0) continue;
    const e = byLeader.get(leaderOfProject.get(s.projectId) ?? "");
    if (!e) continue;
    e.overdueSupervision.push({ id: s.id, projectId: s.projectId, project: s.project, issue: s.issue, owner: s.owner, deadline: s.deadline, daysOverdue: s.daysOverdue });
    e.counts.overdueSupervision += 1;
  }
  const leaders = [...byLeader.values()];
  for (const e of leaders) {
    e.projects.sort((a, b) => (a.light ? lightOrder[a.light] : 3) - (b.light ? lightOrder[b.light] : 3) || a.projectId - b.projectId);
    e.overdueSupervision.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id);
  }
  leaders.sort((a, b) => b.counts.red - a.counts.red || b.counts.projects - a.counts.projects || a.leader.localeCompare(b.leader, "zh"));
  return { kind: "leaders", asOf, leaders, withoutLeader };
}

export function leaderSummaryLine(e: LeaderEntry): string {
  return `${TERMS.leader} ${e.leader}：包联项目 ${e.counts.projects} 个（${TERMS.agreed} ${formatMoney(e.agreedWan)}），红灯 ${e.counts.red} 个、黄灯 ${e.counts.yellow} 个，${TERMS.unstarted} ${e.counts.unstarted} 个，超期${TERMS.supervision} ${e.counts.overdueSupervision} 项`;
}

export function leadersText(r: LeadersReport): string {
  const lines = [`领导包联项目情况（${TERMS.asOf} ${r.asOf}）`, ""];
  for (const e of r.leaders) {
    lines.push(leaderSummaryLine(e));
    for (const p of e.projects) {
      const light = p.light === "RED" ? "红灯" : p.light === "YELLOW" ? "黄灯" : p.light === "GREEN" ? "绿灯" : "不评价";
      lines.push(`  #${p.projectId} ${p.name}（${p.group}，${p.stageLabel}，${light}${p.unstarted?.daysSinceSigned != null ? `，签约已${p.unstarted.daysSinceSigned}天未开工` : ""}）`);
    }
    for (const s of e.overdueSupervision) lines.push(`  督办${s.id} #${s.projectId} ${s.issue}：超期${s.daysOverdue}天未销号`);
    lines.push("");
  }
  if (r.withoutLeader) lines.push(`另有 ${r.withoutLeader} 个项目未明确${TERMS.leader}。`);
  return lines.join("\n");
}
