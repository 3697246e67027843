import type { WeeklySupervision, WeeklyUnstarted } from "./weekly-accountability.ts";
import { calendarWarning } from "../domain/calendar.ts";
import { originWeight, signedOn, type Tally } from "../domain/counting.ts";
import { inRange, yearOf } from "../domain/periods.ts";
import { classifyProject } from "../domain/project-class.ts";
import { METRICS, type Metric } from "../domain/ranking.ts";
import type { Rates } from "../domain/rates.ts";
import type { Rules } from "../domain/rules.ts";
import { STAGE_LABELS, stageIndex } from "../domain/stages.ts";
import { STAGES } from "../domain/types.ts";
import { completion, paceStatus, yearShareElapsed, type Pace } from "../domain/targets.ts";
import type { FundEntry, Group, LocalDate, Project, Stage, Target, Unit } from "../domain/types.ts";
import type { WeeklyFigures } from "../store/report-figures.ts";
import { directoryNames } from "./directory-names.ts";
import type { ReportPeriod } from "./report-period.ts";

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

export type MetricValues<T> = Record<Metric, T>;

export interface WeeklySummary {
  kind: "weekly";
  period: ReportPeriod;
  year: number;
  yearShareElapsed: number;
  calendarWarning: string | null;
  signings: SigningLine[];
  stageMoves: StageMoveLine[];
  fundsArrived: FundLine[];
  totals: { signedCount: number; signedAgreedWan: number; signedWeightedWan: number; fundsWan: number; fundsWeightedWan: number };
  yearToDate: {
    achieved: MetricValues<number>;
    target: MetricValues<number>;
    completion: MetricValues<number | null>;
    pace: MetricValues<Pace | null>;
  };
  funnel: Array<{ stage: Stage; label: string; count: number }>;
  health: { red: number; yellow: number; green: number; notRated: number };
  rates: Rates;
  groupsWithoutUpdate: Array<{ groupId: number; name: string }>;
  topMovers: Array<ProjectLine & { stagesAdvanced: number; fundsWan: number }>;
  /** 签约未开工 and 督办 sections (weekly-accountability.ts), added by the report service. */
  unstarted?: WeeklyUnstarted;
  supervision?: WeeklySupervision;
}

export function metricOf(t: Tally): MetricValues<number> {
  return { agreed: t.agreedWan, arrived: t.arrivedWan, major: t.majorCount, large: t.largeCount, key: t.keyCount };
}

/** What the weekly summary is built from: the district's figures, and the rows it lists. */
export interface WeeklyInput {
  period: ReportPeriod;
  rules: Rules;
  figures: WeeklyFigures;
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
      if (inRange(on, range)) stageMoves.push({ ...line(p), from, to, on });
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
  const achieved = metricOf(figures.achieved);
  const target: MetricValues<number> = { agreed: 0, arrived: 0, major: 0, large: 0, key: 0 };
  for (const t of input.targets) {
    if (t.year !== year || t.unitId === null) continue;
    target.agreed += t.agreedWan;
    target.arrived += t.arrivedWan;
    target.major += t.majorCount;
    target.large += t.largeCount;
    target.key += t.keyCount;
  }
  const share = yearShareElapsed(asOf);
  const completionOf = {} as MetricValues<number | null>;
  const pace = {} as MetricValues<Pace | null>;
  for (const m of METRICS) {
    completionOf[m] = completion(achieved[m], target[m]);
    pace[m] = completionOf[m] === null ? null : paceStatus(completionOf[m]!, share);
  }

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
    yearShareElapsed: share,
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
    yearToDate: { achieved, target, completion: completionOf, pace },
    funnel,
    health: { ...figures.health },
    rates: figures.rates,
    groupsWithoutUpdate,
    topMovers,
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
