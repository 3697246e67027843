import { yearOf } from "../domain/periods.ts";
import { emptyTally, type Tally } from "../domain/counting.ts";
import { compositeScore, rankChange, rankWithTies } from "../domain/ranking.ts";
import type { Rules } from "../domain/rules.ts";
import { paceShare as paceShareOn } from "../domain/targets.ts";
import type { Group, LocalDate, Target, Unit } from "../domain/types.ts";
import type { ReportPeriod } from "./report-period.ts";
import { progressOf, type Progress } from "./target-progress.ts";

// Rankings of groups or units on target completion, with the change since the
// previous period's ranking (↑2, ↓1). Ties share a rank (1, 1, 3).

export type RankBy = "group" | "unit";

export interface RankingEntry extends Progress {
  rank: number | null;
  change: { delta: number | null; label: string };
  id: number;
  name: string;
  /** GROUP, PARK or DEPARTMENT. */
  kind: string;
  score: number | null;
  /** 协议资金 completion more than the rules' tolerance below 序时进度. */
  behindPace: boolean;
}

export interface RankingReport {
  kind: "ranking";
  by: RankBy;
  period: ReportPeriod;
  year: number;
  /** 序时进度 on the as-of day. */
  paceShare: number;
  /** Percentage points below 序时进度 beyond which a row is behind. */
  tolerancePoints: number;
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
  /** Tallies as of the same day last year (同期); null when not loaded. */
  lastYearTallies?: Map<number, Tally> | null;
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
  const { period, by, rules } = input;
  const { year, ranked } = rank(input, period.asOf, input.tallies);
  const before = input.previousTallies
    ? new Map(rank(input, period.previousAsOf, input.previousTallies).ranked.map((r) => [r.item.id, r.rank]))
    : new Map<number, number | null>();
  const share = paceShareOn(period.asOf, rules.pace.checkpoints);
  return {
    kind: "ranking",
    by,
    period,
    year,
    paceShare: share,
    tolerancePoints: rules.pace.tolerancePoints,
    entries: ranked.map(({ item, rank }) => {
      const lastYear = input.lastYearTallies ? (input.lastYearTallies.get(item.id) ?? emptyTally()) : null;
      const progress = progressOf(item.tally, item.target, lastYear, share, rules);
      return {
        ...progress,
        rank,
        change: rankChange(rank, before.get(item.id) ?? null),
        id: item.id,
        name: item.name,
        kind: item.kind,
        score: item.score,
        behindPace: progress.pace.agreed?.status === "BEHIND",
      };
    }),
  };
}
