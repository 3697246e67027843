import { yearOf } from "../domain/periods.ts";
import { tallyGroups, tallyUnits, emptyTally } from "../domain/counting.ts";
import { compositeScore, rankChange, rankWithTies, type Metric } from "../domain/ranking.ts";
import { yearShareElapsed } from "../domain/targets.ts";
import type { Target } from "../domain/types.ts";
import type { ReportContext } from "./report-context.ts";
import type { ReportPeriod } from "./report-period.ts";
import { metricOf, type MetricValues } from "./weekly-summary.ts";

// Rankings of groups or units on target completion, with the change since the
// previous period's ranking (↑2, ↓1). Ties share a rank (1, 1, 3).

export type RankBy = "group" | "unit";

export interface RankingEntry {
  rank: number | null;
  change: { delta: number | null; label: string };
  id: number;
  name: string;
  /** GROUP, PARK or DEPARTMENT. */
  kind: string;
  score: number | null;
  achieved: MetricValues<number>;
  target: MetricValues<number> | null;
  completion: Record<Metric, number | null>;
  /** Agreed-money completion below the share of the year passed. */
  behindPace: boolean;
}

export interface RankingReport {
  kind: "ranking";
  by: RankBy;
  period: ReportPeriod;
  year: number;
  yearShareElapsed: number;
  entries: RankingEntry[];
}

function rank(ctx: ReportContext, by: RankBy) {
  const { snapshot } = ctx;
  const { asOf, rules } = snapshot;
  const year = yearOf(asOf);
  const input = { projects: snapshot.projects, funds: snapshot.funds, year, asOf, rules, classOf: ctx.classOf };
  const tallies = by === "group" ? tallyGroups(input) : tallyUnits(input);
  const targetOf = (id: number): Target | undefined =>
    snapshot.targets.find((t) => t.year === year && (by === "group" ? t.groupId === id : t.unitId === id));
  const subjects =
    by === "group" ? snapshot.groups.map((g) => ({ id: g.id, name: g.name, kind: "GROUP" })) : snapshot.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  const scored = subjects.map((s) => {
    const tally = tallies.get(s.id) ?? emptyTally();
    const target = targetOf(s.id);
    return { ...s, tally, target, ...compositeScore(tally, target, rules) };
  });
  return { year, ranked: rankWithTies(scored, (s) => s.score) };
}

export function buildRanking(ctx: ReportContext, previous: ReportContext | null, by: RankBy, period: ReportPeriod): RankingReport {
  const { year, ranked } = rank(ctx, by);
  const before = previous ? new Map(rank(previous, by).ranked.map((r) => [r.item.id, r.rank])) : new Map<number, number | null>();
  const share = yearShareElapsed(ctx.snapshot.asOf);
  return {
    kind: "ranking",
    by,
    period,
    year,
    yearShareElapsed: share,
    entries: ranked.map(({ item, rank }) => ({
      rank,
      change: rankChange(rank, before.get(item.id) ?? null),
      id: item.id,
      name: item.name,
      kind: item.kind,
      score: item.score,
      achieved: metricOf(item.tally),
      target: item.target ? metricOf({ ...item.target, signedCount: 0 }) : null,
      completion: item.parts,
      behindPace: item.parts.agreed !== null && item.parts.agreed < share,
    })),
  };
}
