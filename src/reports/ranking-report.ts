import { yearOf } from "../domain/periods.ts";
import { emptyTally, type Tally } from "../domain/counting.ts";
import { compositeScore, rankChange, rankWithTies, type Metric } from "../domain/ranking.ts";
import type { Rules } from "../domain/rules.ts";
import { yearShareElapsed } from "../domain/targets.ts";
import type { Group, LocalDate, Target, Unit } from "../domain/types.ts";
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

/** What a ranking is built from: each subject's tally (tallyGroups / tallyUnits) now and at the previous ranking. */
export interface RankingInput {
  by: RankBy;
  period: ReportPeriod;
  rules: Rules;
  groups: Group[];
  units: Unit[];
  targets: Target[];
  tallies: Map<number, Tally>;
  /** Tallies as of period.previousAsOf; null when there is nothing to compare with. */
  previousTallies: Map<number, Tally> | null;
}

function rank(input: RankingInput, asOf: LocalDate, tallies: Map<number, Tally>) {
  const year = yearOf(asOf);
  const { by, rules } = input;
  const targetOf = (id: number): Target | undefined =>
    input.targets.find((t) => t.year === year && (by === "group" ? t.groupId === id : t.unitId === id));
  const subjects =
    by === "group" ? input.groups.map((g) => ({ id: g.id, name: g.name, kind: "GROUP" })) : input.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  const scored = subjects.map((s) => {
    const tally = tallies.get(s.id) ?? emptyTally();
    const target = targetOf(s.id);
    return { ...s, tally, target, ...compositeScore(tally, target, rules) };
  });
  return { year, ranked: rankWithTies(scored, (s) => s.score) };
}

export function buildRanking(input: RankingInput): RankingReport {
  const { period, by } = input;
  const { year, ranked } = rank(input, period.asOf, input.tallies);
  const before = input.previousTallies
    ? new Map(rank(input, period.previousAsOf, input.previousTallies).ranked.map((r) => [r.item.id, r.rank]))
    : new Map<number, number | null>();
  const share = yearShareElapsed(period.asOf);
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
