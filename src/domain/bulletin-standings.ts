import { rankWithTies } from "./ranking.ts";

// 季通报 (seed 003 "任务完成情况实行季通报、年考核"): on each metric the
// bulletin names the 先进 (the first places) and the 后进 (the last places).
// Ties are named together, so the bulletin never singles out one of two equal
// units; a subject without a target on a metric is ranked on neither end.

export interface Standing<T> {
  item: T;
  rank: number;
  value: number;
}

export interface MetricStandings<T> {
  /** Highest first; ties share a rank (1, 1, 3). */
  ranked: Standing<T>[];
  /** Every subject ranked within the first `named` places (all who tie into them). */
  advanced: Standing<T>[];
  /** The last `named` places (and all tied with them), lowest first, never one already named 先进. */
  lagging: Standing<T>[];
}

export function metricStandings<T>(items: readonly T[], value: (t: T) => number | null, named: number): MetricStandings<T> {
  const ranked: Standing<T>[] = [];
  for (const { item, rank } of rankWithTies([...items], value)) if (rank !== null) ranked.push({ item, rank, value: value(item)! });
  const advanced = ranked.filter((s) => s.rank <= named);
  const cut = ranked.length - named;
  // The place `named` from the bottom: everyone ranked there or below (ties included).
  const floor = cut > 0 ? ranked[cut]!.rank : 1;
  const lagging = ranked.filter((s) => s.rank >= floor && s.rank > named).reverse();
  return { ranked, advanced, lagging };
}
