import type { WeeklySupervision, WeeklyUnstarted } from "./weekly-accountability.ts";
import { calendarWarning } from "../domain/calendar.ts";
import { originWeight, signedOn, type Tally } from "../domain/counting.ts";
import { inRange, yearOf } from "../domain/periods.ts";
import { classifyProject } from "../domain/project-class.ts";
import type { Rates } from "../domain/rates.ts";
import type { Rules } from "../domain/rules.ts";
import { STAGE_LABELS, stageIndex } from "../domain/stages.ts";
import { STAGES } from "../domain/types.ts";
import { paceShare as paceShareOn, sameDayLastYear } from "../domain/targets.ts";
import type { FundEntry, Group, LocalDate, Project, Stage, Target, Unit } from "../domain/types.ts";
import type { WeeklyFigures } from "../store/report-figures.ts";
import { directoryNames } from "./directory-names.ts";
import type { ReportPeriod } from "./report-period.ts";
import { districtTarget, progressOf, subjectRows, sumTallies, type Progress, type SubjectProgress } from "./target-progress.ts";

export { metricOf, type MetricValues } from "./target-progress.ts";

// The weekly 调度 summary as plain data: the JSON output, the text table, the
// .xlsx and (later) the Slack post are all renderings of this one object.

export interface ProjectLine {
  projectId: number;
  name: string;
  investor: string;
  group: string;
  leadUnit: string;
  projectClass: string;
}

export interface SigningLine extends ProjectLine {
  signedOn: LocalDate;
  agreedWan: number;
  weightedWan: number;
}
export interface StageMoveLine extends ProjectLine {
  from: Stage | null;
  to: Stage | null;
  on: LocalDate;
}
export interface FundLine extends ProjectLine {
  date: LocalDate;
  amountWan: number;
  weightedWan: number;
}

export interface WeeklySummary {
  kind: "weekly";
  period: ReportPeriod;
  year: number;
  /** 序时进度 on the as-of day (linear, or between the rules' checkpoints). */
  paceShare: number;
  /** The as-of day's counterpart last year (同期). */
  sameDayLastYear: LocalDate;
  calendarWarning: string | null;
  signings: SigningLine[];
  stageMoves: StageMoveLine[];
  fundsArrived: FundLine[];
  totals: { signedCount: number; signedAgreedWan: number; signedWeightedWan: number; fundsWan: number; fundsWeightedWan: number };
  /** The district against its own target ("district"), or the sum of its units' ("units") when it has none. */
  yearToDate: Progress & { targetSource: "district" | "units" | "none" };
  byGroup: SubjectProgress[];
  byUnit: SubjectProgress[];
  funnel: Array<{ stage: Stage; label: string; count: number }>;
  /** 未来订单 (seed 000's last node): follow-on projects of producing ones, not dropped, with their 协议资金. */
  followOn: { count: number; agreedWan: number };
  health: { red: number; yellow: number; green: number; notRated: number };
  rates: Rates;
  groupsWithoutUpdate: Array<{ groupId: number; name: string }>;
  topMovers: Array<ProjectLine & { stagesAdvanced: number; fundsWan: number }>;
  /** 签约未开工 and 督办 sections (weekly-accountability.ts), added by the report service. */
  unstarted?: WeeklyUnstarted;
  supervision?: WeeklySupervision;
}

/** What the weekly summary is built from: the district's figures, and the rows it lists. */
export interface WeeklyInput {
  period: ReportPeriod;
  rules: Rules;
  figures: WeeklyFigures;
  /** Each group's tally now; each unit's comes with the figures. */
  groupTallies: Map<number, Tally>;
  /** Tallies as the store knew them on the same day last year (同期). */
  lastYear: { groups: Map<number, Tally>; units: Map<number, Tally> };
  /** Projects (as of period.asOf) with a stage reached or funds arrived in the period; others may be included. */
  projects: Project[];
  /** Fund entries dated in the period (entries of projects not in `projects` are left out). */
  funds: FundEntry[];
  groups: Group[];
  units: Unit[];
  targets: Target[];
}

/**
 * Signings and stage moves come from the stage dates, so a ledger imported
 * today still shows last week's moves. Figures come computed; what is listed
 * is decided here by the domain rules.
 */
export function buildWeeklySummary(input: WeeklyInput): WeeklySummary {
  const { period, rules, figures } = input;
  const asOf = period.asOf;
  const year = yearOf(asOf);
  const range = { start: period.start, end: asOf };
  const names = directoryNames(input.groups, input.units);
  const byId = new Map(input.projects.map((p) => [p.id, p]));
  const weighted = (amountWan: number, p: Project) => amountWan * originWeight(p.origin, rules);
  const line = (p: Project): ProjectLine => ({
    projectId: p.id,
    name: p.name,
    investor: p.investor,
    group: names.groupName(p.groupId),
    leadUnit: names.unitName(p.leadUnitId),
    projectClass: classifyProject(p, rules),
  });

  const signings: SigningLine[] = [];
  const stageMoves: StageMoveLine[] = [];
  for (const p of input.projects) {
    const d = signedOn(p);
    if (d && inRange(d, range)) signings.push({ ...line(p), signedOn: d, agreedWan: p.agreedWan, weightedWan: weighted(p.agreedWan, p) });
    let from: Stage | null = null;
    const dated = ([...STAGES, "DROPPED"] as Stage[])
      .filter((st) => p.stageDates[st])
      .sort((a, b) => p.stageDates[a]!.localeCompare(p.stageDates[b]!));
    for (const to of dated) {
      const on = p.stageDates[to]!;
      // A project's first dated stage is its creation (a new lead, or a signing listed above), not a move.
      if (from !== null && inRange(on, range)) stageMoves.push({ ...line(p), from, to, on });
      from = to;
    }
  }
  signings.sort((a, b) => b.agreedWan - a.agreedWan || a.projectId - b.projectId);
  stageMoves.sort((a, b) => a.on.localeCompare(b.on) || a.projectId - b.projectId);

  const fundsArrived: FundLine[] = input.funds
    .filter((f) => inRange(f.date, range) && byId.has(f.projectId))
    .map((f) => {
      const p = byId.get(f.projectId)!;
      return { ...line(p), date: f.date, amountWan: f.amountWan, weightedWan: weighted(f.amountWan, p) };
    })
    .sort((a, b) => b.amountWan - a.amountWan || a.date.localeCompare(b.date));

  // Year to date: what counts toward the units' targets, summed over the district.
  const share = paceShareOn(asOf, rules.pace.checkpoints);
  const goal = districtTarget(input.targets, year);
  const yearToDate = {
    ...progressOf(figures.achieved, goal.target, sumTallies(input.lastYear.units.values()), share, rules),
    targetSource: goal.source,
  };
  const targetOf = (by: "group" | "unit") => (id: number) =>
    input.targets.find((t) => t.year === year && (by === "group" ? t.groupId === id : t.unitId === id));
  const byGroup = subjectRows(input.groups.map((g) => ({ id: g.id, name: g.name, kind: "GROUP" })), input.groupTallies, input.lastYear.groups, targetOf("group"), share, rules);
  const byUnit = subjectRows(input.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })), figures.tallies.unit, input.lastYear.units, targetOf("unit"), share, rules);

  const funnel = [...STAGES, "DROPPED" as const].map((stage) => ({ stage, label: STAGE_LABELS[stage], count: figures.funnel.get(stage) ?? 0 }));
  const groupsWithoutUpdate = input.groups
    .filter((g) => figures.activeGroupIds.has(g.id) && !figures.updatedGroupIds.has(g.id))
    .map((g) => ({ groupId: g.id, name: g.name }));

  const movement = new Map<number, { stagesAdvanced: number; fundsWan: number }>();
  const bump = (id: number) => movement.get(id) ?? movement.set(id, { stagesAdvanced: 0, fundsWan: 0 }).get(id)!;
  for (const m of stageMoves) {
    if (m.from && m.to && m.to !== "DROPPED" && m.from !== "DROPPED") bump(m.projectId).stagesAdvanced += Math.max(0, stageIndex(m.to) - stageIndex(m.from));
  }
  for (const f of fundsArrived) bump(f.projectId).fundsWan += f.amountWan;
  const topMovers = [...movement.entries()]
    .filter(([, v]) => v.stagesAdvanced > 0 || v.fundsWan > 0)
    .sort(([a, x], [b, y]) => y.stagesAdvanced - x.stagesAdvanced || y.fundsWan - x.fundsWan || a - b)
    .slice(0, 5)
    .map(([id, v]) => ({ ...line(byId.get(id)!), ...v }));

  return {
    kind: "weekly",
    period,
    year,
    paceShare: share,
    sameDayLastYear: sameDayLastYear(asOf),
    calendarWarning: calendarWarning(asOf),
    signings,
    stageMoves,
    fundsArrived,
    totals: {
      signedCount: signings.length,
      signedAgreedWan: sum(signings.map((s) => s.agreedWan)),
      signedWeightedWan: sum(signings.map((s) => s.weightedWan)),
      fundsWan: sum(fundsArrived.map((f) => f.amountWan)),
      fundsWeightedWan: sum(fundsArrived.map((f) => f.weightedWan)),
    },
    yearToDate,
    byGroup,
    byUnit,
    funnel,
    followOn: { ...figures.followOn },
    health: { ...figures.health },
    rates: figures.rates,
    groupsWithoutUpdate,
    topMovers,
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
