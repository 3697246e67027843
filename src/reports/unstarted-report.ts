import { dayInProse, formatMoney, formatPercent, TERMS, unstartedBandLabel } from "../domain/glossary.ts";
import { leaderLabel } from "../domain/leaders.ts";
import type { Rules } from "../domain/rules.ts";
import type { Group, LocalDate, Project, Unit } from "../domain/types.ts";
import { buildUnstartedList, UNSTARTED_BANDS, type FundArrival, type UnstartedBand, type UnstartedList } from "../domain/unstarted.ts";
import { directoryNames } from "./directory-names.ts";

// 签约未开工项目清单 (`dispatch report unstarted`, `/project 未开工`, and a
// section of the weekly summary): every project at 签约/注册 with no 开工 date,
// longest-waiting first, with its 包联领导, group, lead unit, money and what is
// holding it up.

export interface UnstartedRow {
  projectId: number;
  name: string;
  group: string;
  leadUnit: string;
  leader: string;
  leaderSlackId: string | null;
  signedOn: LocalDate | null;
  daysSinceSigned: number | null;
  ageBand: UnstartedBand;
  agreedWan: number;
  weightedWan: number;
  fundsWan: number;
  nextStep: string;
  blockers: string;
}

export interface UnstartedReport {
  kind: "unstarted";
  asOf: LocalDate;
  /** Band limits in days (the rules' 签约未开工 yellow and red thresholds). */
  bands: Array<{ band: UnstartedBand; label: string; count: number; agreedWan: number }>;
  total: { count: number; agreedWan: number; weightedWan: number; fundsWan: number };
  /** Projects signed this year (not dropped) and the share of them still not started. */
  yearSigned: number;
  yearUnstarted: number;
  shareOfYearSignings: number | null;
  projects: UnstartedRow[];
  /** Group names, for filters. */
  groups: string[];
}

export function buildUnstartedReport(input: { asOf: LocalDate; rules: Rules; projects: Project[]; funds: readonly FundArrival[]; groups: Group[]; units: Unit[] }): UnstartedReport {
  return unstartedReportOf(buildUnstartedList(input.projects, input.funds, input.asOf, input.rules), input);
}

/** The report of a list already built; its rows are the list's entries (the weekly summary passes only the longest-waiting, with their full projects). */
export function unstartedReportOf(list: UnstartedList, input: { asOf: LocalDate; rules: Rules; groups: Group[]; units: Unit[] }): UnstartedReport {
  const { asOf, rules } = input;
  const names = directoryNames(input.groups, input.units);
  const h = rules.health;
  return {
    kind: "unstarted",
    asOf,
    bands: UNSTARTED_BANDS.map((band) => ({ band, label: unstartedBandLabel(band, h.yellowSignedNotStartedDays, h.redSignedNotStartedDays), ...list.byBand[band] })),
    total: { ...list.total, weightedWan: Math.round(list.total.weightedWan) },
    yearSigned: list.yearSigned,
    yearUnstarted: list.yearUnstarted,
    shareOfYearSignings: list.yearSigned ? list.yearUnstarted / list.yearSigned : null,
    projects: list.entries.map((e) => ({
      projectId: e.project.id,
      name: e.project.name,
      group: names.groupName(e.project.groupId),
      leadUnit: names.unitName(e.project.leadUnitId),
      leader: leaderLabel(e.project),
      leaderSlackId: e.project.leaderSlackId,
      signedOn: e.signedOn,
      daysSinceSigned: e.daysSinceSigned,
      ageBand: e.band,
      agreedWan: e.agreedWan,
      weightedWan: Math.round(e.weightedWan),
      fundsWan: e.fundsWan,
      nextStep: e.project.nextStep,
      blockers: e.project.blockers,
    })),
    groups: input.groups.map((g) => g.name),
  };
}

/** The report narrowed to one group (for `/project 未开工 工作组=…`): rows and totals recounted. */
export function unstartedForGroup(r: UnstartedReport, group: string): UnstartedReport {
  const projects = r.projects.filter((p) => p.group === group);
  const sum = (f: (p: UnstartedRow) => number) => projects.reduce((a, p) => a + f(p), 0);
  return {
    ...r,
    projects,
    bands: r.bands.map((b) => ({ ...b, count: projects.filter((p) => p.ageBand === b.band).length, agreedWan: projects.filter((p) => p.ageBand === b.band).reduce((a, p) => a + p.agreedWan, 0) })),
    total: { count: projects.length, agreedWan: sum((p) => p.agreedWan), weightedWan: sum((p) => p.weightedWan), fundsWan: sum((p) => p.fundsWan) },
  };
}

/** "签约未开工 12 个，协议资金 35.6亿元；90天以内 4 个…；占今年签约项目的 30.0%". */
export function unstartedSummaryLine(r: UnstartedReport): string {
  const bands = r.bands.filter((b) => b.count > 0).map((b) => `${b.label} ${b.count} 个`).join("，");
  const share = r.shareOfYearSignings === null ? "" : `；今年签约项目中 ${r.yearUnstarted} 个尚未开工，占 ${formatPercent(r.shareOfYearSignings)}`;
  return `${TERMS.unstarted} ${r.total.count} 个，${TERMS.agreed} ${formatMoney(r.total.agreedWan)}（${TERMS.weighted} ${formatMoney(r.total.weightedWan)}），已到位 ${formatMoney(r.total.fundsWan)}${bands ? `；其中${bands}` : ""}${share}。`;
}

export function unstartedRowLine(p: UnstartedRow): string {
  const since = p.signedOn ? `${dayInProse(p.signedOn, true)}签约，已 ${p.daysSinceSigned} 天` : "签约日期未填";
  const extra = [p.leader ? `${TERMS.leader} ${p.leader}` : null, p.nextStep ? `下一步：${p.nextStep}` : null, p.blockers ? `问题：${p.blockers}` : null].filter(Boolean).join("；");
  return `#${p.projectId} ${p.name}（${p.group}，${since}，${TERMS.agreed} ${formatMoney(p.agreedWan)}，已到位 ${formatMoney(p.fundsWan)}）${extra ? `${extra}` : ""}`;
}

export function unstartedText(r: UnstartedReport): string {
  const lines = [`${TERMS.unstarted}项目清单（${TERMS.asOf} ${dayInProse(r.asOf, true)}）`, unstartedSummaryLine(r), ""];
  for (const b of r.bands) {
    const rows = r.projects.filter((p) => p.ageBand === b.band);
    if (!rows.length) continue;
    lines.push(`【${b.label}】${rows.length} 个，${TERMS.agreed} ${formatMoney(b.agreedWan)}`);
    for (const p of rows) lines.push(`  ${unstartedRowLine(p)}`);
    lines.push("");
  }
  if (!r.projects.length) lines.push("目前没有签约未开工的项目。");
  return lines.join("\n");
}
