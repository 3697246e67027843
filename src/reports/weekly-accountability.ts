import { dayInProse, formatMoney, formatPercent, TERMS } from "../domain/glossary.ts";
import { isOpen } from "../domain/supervision.ts";
import type { LocalDate } from "../domain/types.ts";
import { UNSTARTED_BANDS, type UnstartedBand } from "../domain/unstarted.ts";
import type { SupervisionRow } from "./supervision-list.ts";
import type { UnstartedReport, UnstartedRow } from "./unstarted-report.ts";

// Two sections of the weekly 调度 summary: 签约未开工 (counts by age band, the
// longest-waiting projects) and 督办 (opened, 销号 and overdue this week, the
// year's 销号率, the overdue items by group), as known at the week's end.

export interface WeeklyUnstarted {
  total: { count: number; agreedWan: number };
  bands: Array<{ band: UnstartedBand; label: string; count: number; agreedWan: number }>;
  longestWaiting: Array<Pick<UnstartedRow, "projectId" | "name" | "group" | "leader" | "signedOn" | "daysSinceSigned" | "agreedWan">>;
}

export interface WeeklySupervision {
  openedThisWeek: number;
  closedThisWeek: number;
  /** Open and past their deadline at the week's end. */
  overdue: number;
  /** Items listed this year (by the week's end) and how many of them were 销号 by then. */
  listedThisYear: number;
  closedOfThisYear: number;
  closeRate: number | null;
  overdueByGroup: Array<{ group: string; items: Array<{ id: number; projectId: number; project: string; issue: string; owner: string; daysOverdue: number }> }>;
}

export function weeklyUnstarted(r: UnstartedReport, longest = 5): WeeklyUnstarted {
  return {
    total: { count: r.total.count, agreedWan: r.total.agreedWan },
    bands: r.bands.filter((b) => UNSTARTED_BANDS.includes(b.band)),
    longestWaiting: r.projects.filter((p) => p.daysSinceSigned !== null).slice(0, longest).map(({ projectId, name, group, leader, signedOn, daysSinceSigned, agreedWan }) => ({ projectId, name, group, leader, signedOn, daysSinceSigned, agreedWan })),
  };
}

/** `rows`: every item as it stood at `asOf` (supervisionRows). */
export function weeklySupervision(rows: SupervisionRow[], week: { start: LocalDate; asOf: LocalDate }): WeeklySupervision {
  const inWeek = (d: LocalDate | null) => d !== null && d >= week.start && d <= week.asOf;
  const year = week.asOf.slice(0, 4);
  const listedThisYear = rows.filter((r) => r.openedOn !== null && r.openedOn.startsWith(year));
  const closedOfThisYear = listedThisYear.filter((r) => r.status === "CLOSED").length;
  const byGroup = new Map<string, WeeklySupervision["overdueByGroup"][number]["items"]>();
  for (const r of rows) {
    if (!(isOpen(r) && r.daysOverdue > 0)) continue;
    const list = byGroup.get(r.group) ?? byGroup.set(r.group, []).get(r.group)!;
    list.push({ id: r.id, projectId: r.projectId, project: r.project, issue: r.issue, owner: r.owner, daysOverdue: r.daysOverdue });
  }
  return {
    openedThisWeek: rows.filter((r) => inWeek(r.openedOn)).length,
    closedThisWeek: rows.filter((r) => inWeek(r.closedOn)).length,
    overdue: [...byGroup.values()].reduce((a, l) => a + l.length, 0),
    listedThisYear: listedThisYear.length,
    closedOfThisYear,
    closeRate: listedThisYear.length ? closedOfThisYear / listedThisYear.length : null,
    overdueByGroup: [...byGroup.entries()]
      .map(([group, items]) => ({ group, items: items.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id) }))
      .sort((a, b) => b.items.length - a.items.length || a.group.localeCompare(b.group, "zh")),
  };
}

export function weeklyUnstartedLines(u: WeeklyUnstarted): string[] {
  const bands = u.bands.filter((b) => b.count > 0).map((b) => `${b.label} ${b.count} 个`).join("，");
  const lines = [`${TERMS.unstarted} ${u.total.count} 个，${TERMS.agreed} ${formatMoney(u.total.agreedWan)}${bands ? `；其中${bands}` : ""}。`];
  if (u.longestWaiting.length) {
    lines.push("等待最久：");
    for (const p of u.longestWaiting) lines.push(`  #${p.projectId} ${p.name}（${p.group}${p.leader ? `，${TERMS.leader} ${p.leader}` : ""}）${p.signedOn ? `${dayInProse(p.signedOn, true)}签约，` : ""}已 ${p.daysSinceSigned} 天未开工，${TERMS.agreed} ${formatMoney(p.agreedWan)}`);
  }
  return lines;
}

export function weeklySupervisionLines(s: WeeklySupervision): string[] {
  const lines = [
    `本周新挂牌 ${s.openedThisWeek} 项，销号 ${s.closedThisWeek} 项；超期未销号 ${s.overdue} 项。今年挂牌 ${s.listedThisYear} 项，已销号 ${s.closedOfThisYear} 项，销号率 ${s.closeRate === null ? "—" : formatPercent(s.closeRate)}。`,
  ];
  for (const g of s.overdueByGroup) {
    lines.push(`  ${g.group}：${g.items.map((i) => `督办${i.id} #${i.projectId} ${i.issue}（超期${i.daysOverdue}天）`).join("；")}`);
  }
  return lines;
}
