import { calendarWarning } from "../domain/calendar.ts";
import { signedOn, tallyUnits, emptyTally, type Tally } from "../domain/counting.ts";
import { inRange, yearOf } from "../domain/periods.ts";
import { METRICS, type Metric } from "../domain/ranking.ts";
import { computeRates, type Rates } from "../domain/rates.ts";
import { STAGE_LABELS, stageIndex } from "../domain/stages.ts";
import { STAGES } from "../domain/types.ts";
import { completion, paceStatus, yearShareElapsed, type Pace } from "../domain/targets.ts";
import type { LocalDate, Stage } from "../domain/types.ts";
import type { ReportContext } from "./report-context.ts";
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
}

export function metricOf(t: Tally): MetricValues<number> {
  return { agreed: t.agreedWan, arrived: t.arrivedWan, major: t.majorCount, large: t.largeCount, key: t.keyCount };
}

/**
 * `updatedProjectIds`: projects with any recorded update in the period (for
 * "groups with no update"). Signings and stage moves come from the stage
 * dates, so a ledger imported today still shows last week's moves.
 */
export function buildWeeklySummary(ctx: ReportContext, updatedProjectIds: Set<number>, period: ReportPeriod): WeeklySummary {
  const { snapshot } = ctx;
  const { asOf, rules } = snapshot;
  const year = yearOf(asOf);
  const range = { start: period.start, end: period.asOf };
  const line = (projectId: number): ProjectLine => {
    const p = ctx.projectById.get(projectId)!;
    return { projectId, name: p.name, investor: p.investor, group: ctx.groupName(p.groupId), leadUnit: ctx.unitName(p.leadUnitId), projectClass: ctx.classOf(p) };
  };

  const signings: SigningLine[] = [];
  for (const p of snapshot.projects) {
    const d = signedOn(p);
    if (d && inRange(d, range)) signings.push({ ...line(p.id), signedOn: d, agreedWan: p.agreedWan, weightedWan: ctx.weighted(p.agreedWan, p) });
  }
  signings.sort((a, b) => b.agreedWan - a.agreedWan || a.projectId - b.projectId);

  const stageMoves: StageMoveLine[] = [];
  for (const p of snapshot.projects) {
    let from: Stage | null = null;
    const dated = ([...STAGES, "DROPPED"] as Stage[])
      .filter((st) => p.stageDates[st])
      .sort((a, b) => p.stageDates[a]!.localeCompare(p.stageDates[b]!));
    for (const to of dated) {
      const on = p.stageDates[to]!;
      if (inRange(on, range)) stageMoves.push({ ...line(p.id), from, to, on });
      from = to;
    }
  }
  stageMoves.sort((a, b) => a.on.localeCompare(b.on) || a.projectId - b.projectId);

  const fundsArrived: FundLine[] = snapshot.funds
    .filter((f) => inRange(f.date, range))
    .map((f) => ({ ...line(f.projectId), date: f.date, amountWan: f.amountWan, weightedWan: ctx.weighted(f.amountWan, ctx.projectById.get(f.projectId)!) }))
    .sort((a, b) => b.amountWan - a.amountWan || a.date.localeCompare(b.date));

  // Year to date: what counts toward the units' targets, summed over the district.
  const achievedTally = emptyTally();
  for (const t of tallyUnits({ projects: snapshot.projects, funds: snapshot.funds, year, asOf, rules, classOf: ctx.classOf }).values()) {
    for (const k of Object.keys(achievedTally) as (keyof Tally)[]) achievedTally[k] += t[k];
  }
  const achieved = metricOf(achievedTally);
  const target: MetricValues<number> = { agreed: 0, arrived: 0, major: 0, large: 0, key: 0 };
  for (const t of snapshot.targets) {
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

  const funnelCounts = new Map<Stage, number>();
  const health = { red: 0, yellow: 0, green: 0, notRated: 0 };
  for (const p of snapshot.projects) {
    const s = ctx.stageOf(p);
    funnelCounts.set(s, (funnelCounts.get(s) ?? 0) + 1);
    const light = ctx.healthOf(p).light;
    if (light === "RED") health.red++;
    else if (light === "YELLOW") health.yellow++;
    else if (light === "GREEN") health.green++;
    else health.notRated++;
  }
  const funnel = [...STAGES, "DROPPED" as const].map((stage) => ({ stage, label: STAGE_LABELS[stage], count: funnelCounts.get(stage) ?? 0 }));

  const activeGroups = new Set(snapshot.projects.filter((p) => ctx.healthOf(p).light !== null).map((p) => p.groupId));
  const updatedGroups = new Set([...updatedProjectIds].map((id) => ctx.projectById.get(id)?.groupId));
  const groupsWithoutUpdate = snapshot.groups
    .filter((g) => activeGroups.has(g.id) && !updatedGroups.has(g.id))
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
    .map(([id, v]) => ({ ...line(id), ...v }));

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
    health,
    rates: computeRates({ projects: snapshot.projects, funds: snapshot.funds, year, asOf }),
    groupsWithoutUpdate,
    topMovers,
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
