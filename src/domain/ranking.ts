import type { Tally } from "./counting.ts";
import type { Rules } from "./rules.ts";
import { completion } from "./targets.ts";
import type { Target } from "./types.ts";

// Rankings (SPEC "Rankings"): composite of target completions with configured
// weights, ties share a rank, and the change since the previous ranking.

export type Metric = "agreed" | "arrived" | "major" | "large" | "key";
export const METRICS: readonly Metric[] = ["agreed", "arrived", "major", "large", "key"];

export interface CompositeScore {
  /** Weighted mean of the completions that have a target; null if none has. */
  score: number | null;
  /** Completion ratio per metric, null where the target is 0 (not counted). */
  parts: Record<Metric, number | null>;
}

/**
 * Completions are not capped: over-achievement raises the score. Weights are
 * renormalised over metrics with a target, so a unit without a 重大 target is
 * not penalised for it.
 */
export function compositeScore(tally: Tally, target: Target | undefined, rules: Rules): CompositeScore {
  const parts: Record<Metric, number | null> = {
    agreed: target ? completion(tally.agreedWan, target.agreedWan) : null,
    arrived: target ? completion(tally.arrivedWan, target.arrivedWan) : null,
    major: target ? completion(tally.majorCount, target.majorCount) : null,
    large: target ? completion(tally.largeCount, target.largeCount) : null,
    key: target ? completion(tally.keyCount, target.keyCount) : null,
  };
  let sum = 0;
  let weights = 0;
  for (const m of METRICS) {
    const c = parts[m];
    if (c === null) continue;
    sum += c * rules.rankingWeights[m];
    weights += rules.rankingWeights[m];
  }
  return { score: weights > 0 ? sum / weights : null, parts };
}

/** Scores this close are the same score (float noise from weighted sums must not break a tie). */
const TIE_EPSILON = 1e-9;

/**
 * Standard competition ranking (1, 1, 3), highest score first; equal scores
 * keep input order. Items without a score come last with rank null.
 */
export function rankWithTies<T>(items: T[], score: (t: T) => number | null): Array<{ item: T; rank: number | null }> {
  const scored = items.map((item, i) => ({ item, i, s: score(item) }));
  const ranked = scored.filter((x): x is { item: T; i: number; s: number } => x.s !== null && !Number.isNaN(x.s));
  ranked.sort((a, b) => (Math.abs(b.s - a.s) <= TIE_EPSILON ? a.i - b.i : b.s - a.s));
  const out: Array<{ item: T; rank: number | null }> = [];
  ranked.forEach((x, pos) => {
    const prev = ranked[pos - 1];
    const rank = prev && Math.abs(prev.s - x.s) <= TIE_EPSILON ? out[pos - 1]!.rank : pos + 1;
    out.push({ item: x.item, rank });
  });
  for (const x of scored) if (x.s === null || Number.isNaN(x.s)) out.push({ item: x.item, rank: null });
  return out;
}

/** Places moved since the previous ranking: "↑2", "↓1", "—" unchanged (or unranked now), "新" if unranked before. */
export function rankChange(current: number | null, previous: number | null): { delta: number | null; label: string } {
  if (current === null) return { delta: null, label: "—" };
  if (previous === null) return { delta: null, label: "新" };
  const delta = previous - current;
  return { delta, label: delta > 0 ? `↑${delta}` : delta < 0 ? `↓${-delta}` : "—" };
}
