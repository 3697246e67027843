import { toLocalDate } from "../domain/local-day.ts";
import type { Group, Project } from "../domain/types.ts";
import { dueSoonReminder, type Health } from "../domain/health.ts";
import { reportContext } from "../reports/report-context.ts";
import { resolvePeriod } from "../reports/report-period.ts";
import type { RankingEntry } from "../reports/ranking-report.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";
import { loadSnapshot } from "../store/snapshot.ts";
import { buildReport } from "./report-service.ts";
import { loadHomeAccountability, type HomeAccountability } from "./home-accountability.ts";

/** What a user's App Home shows: their projects by urgency, their overdue items, their group's rank. */
export interface HomeData {
  userId: string;
  asOf: string;
  projects: Array<{ project: Project; health: Health; groupName: string }>;
  overdue: Array<{ project: Project; text: string }>;
  /** Next steps due soon: reminders, not lights ("下一步“…”将于12月4日到期"). */
  reminders: Array<{ project: Project; text: string }>;
  groups: Array<{ group: Group; rank: RankingEntry | null; total: number }>;
  weekLabel: string;
  /** 督办 waiting on this user, and their 包联 projects (home-accountability.ts). */
  accountability?: HomeAccountability;
}

const URGENCY = { RED: 0, YELLOW: 1, GREEN: 2 } as const;

export async function loadHomeData(db: Db, userId: string, now: Date, admins: readonly string[] = []): Promise<HomeData> {
  const rules = await loadRules(db);
  const today = toLocalDate(now, rules.timeZone);
  const period = resolvePeriod({}, today);
  const current = await loadSnapshot(db, today, rules);
  const ctx = reportContext(current);
  const myGroups = current.groups.filter((g) => g.memberUserIds.includes(userId));
  const mine = current.projects.filter((p) => p.responsibleUserIds.includes(userId) || myGroups.some((g) => g.id === p.groupId));
  const projects = mine
    .map((project) => ({ project, health: ctx.healthOf(project), groupName: ctx.groupName(project.groupId) }))
    .filter((x) => x.health.light !== null)
    .sort((a, b) => URGENCY[a.health.light!] - URGENCY[b.health.light!] || b.health.reasons.length - a.health.reasons.length || a.project.id - b.project.id);
  const overdue = projects.flatMap(({ project, health }) =>
    health.reasons.filter((r) => r.code === "NEXT_STEP_OVERDUE" || r.code === "SUPERVISION_OVERDUE").map((r) => ({ project, text: r.text })),
  );
  const reminders = projects.flatMap(({ project }) => {
    const text = dueSoonReminder(project, today, rules);
    return text ? [{ project, text }] : [];
  });
  const report = myGroups.length ? await buildReport(db, { kind: "ranking", by: "group", now }, rules) : null;
  const ranking = report?.kind === "ranking" ? report : null;
  return {
    userId,
    asOf: today,
    projects,
    overdue,
    reminders,
    groups: myGroups.map((group) => ({ group, rank: ranking?.entries.find((e) => e.id === group.id) ?? null, total: ranking?.entries.length ?? 0 })),
    weekLabel: period.label,
    accountability: await loadHomeAccountability(db, userId, ctx, admins),
  };
}
