import type { EChartsOption } from "echarts";
import { renderChartPng, type ChartSize } from "./render-png.ts";
import { textWidth } from "./text-width.ts";

// Ranking of groups (12) or units (22) on target completion: two bars per
// entry (协议资金 / 到位资金 完成率) against a dashed line at the share of the
// year passed, so "behind schedule" is visible at a glance. Completions are
// fractions as in the domain (0.85 = 85%); the chart shows percent.

export interface RankingChartEntry {
  name: string;
  agreedCompletion: number | null;
  arrivedCompletion: number | null;
  /** 1 = best; null (no target) goes to the bottom. */
  rank: number | null;
}

export interface RankingChartInput {
  title: string;
  subtitle?: string;
  entries: RankingChartEntry[];
  /** Share of the year passed, 0..1. */
  yearShare: number;
}

const WIDTH = 1600;
const LABEL_FONT = 20;
const BAR_LABEL_FONT = 15;
const TOP = 150; // title, subtitle and legend
const BOTTOM = 60; // x-axis labels
const ROW = 46; // px per entry at minimum: two bars and their labels
/** Beyond this the y-axis names wrap instead of squeezing the bars. */
const MAX_NAME_WIDTH = Math.round(WIDTH * 0.34);
const COLORS = { agreed: "#3b6fd8", arrived: "#2fa37a", pace: "#d9363e", none: "#999999" };
/**
 * The axis ends at the largest completion, but never beyond 200%: one unit at
 * 5644% would otherwise squeeze every other bar to a sliver (and draw ~300
 * axis labels). Longer bars stop at the edge; their labels keep the true value.
 */
export const AXIS_CAP_PERCENT = 200;

/** 1600×960, taller when there are many entries so each keeps ~46 px. */
export function rankingChartSize(entryCount: number): ChartSize {
  return { width: WIDTH, height: Math.max(960, TOP + BOTTOM + ROW * entryCount) };
}

/** Best first; unranked (null) last, otherwise in input order. */
function inRankOrder(entries: RankingChartEntry[]): RankingChartEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.rank ?? Infinity) - (b.e.rank ?? Infinity) || a.i - b.i)
    .map(({ e }) => e);
}

function axisName(e: RankingChartEntry): string {
  return `${e.rank ?? "—"}  ${e.name}`;
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** One bar: null is drawn as an empty bar labelled 未设目标, not as 0%; beyond the axis cap it stops at the edge. */
function bar(completion: number | null) {
  if (completion === null) {
    return { value: 0, label: { formatter: "未设目标", color: COLORS.none } };
  }
  const value = Math.round(completion * 1000) / 10;
  return { value: Math.min(value, AXIS_CAP_PERCENT), label: { formatter: value > AXIS_CAP_PERCENT ? `${pct(completion)} ▶` : pct(completion) } };
}

/** Axis end in percent: the data's largest value (at least 100% and the year's pace), rounded up to a round number, capped. */
export function axisMaxPercent(values: number[], yearShare: number): number {
  const top = Math.min(AXIS_CAP_PERCENT, Math.max(100, yearShare * 100, ...values.map((v) => v * 100)));
  const step = top <= 100 ? 20 : top <= 150 ? 25 : 50;
  return Math.ceil(top / step - 1e-9) * step;
}

/** The echarts option, exposed for tests and for callers wanting another size. */
export function rankingChartOption(input: RankingChartInput): EChartsOption {
  const entries = inRankOrder(input.entries);
  const names = entries.map(axisName);
  const longest = Math.max(0, ...names.map((n) => textWidth(n, LABEL_FONT)));
  const nameWidth = Math.min(Math.ceil(longest) + 4, MAX_NAME_WIDTH);
  const sharePct = Math.round(input.yearShare * 100);
  const values = entries.flatMap((e) => [e.agreedCompletion ?? 0, e.arrivedCompletion ?? 0]);
  const xMax = axisMaxPercent(values, input.yearShare);

  const series = (name: string, color: string, data: ReturnType<typeof bar>[]) => ({
    type: "bar" as const,
    name,
    data,
    itemStyle: { color, borderRadius: [0, 3, 3, 0] },
    barMaxWidth: 26,
    label: { show: true, position: "right" as const, fontSize: BAR_LABEL_FONT, color: "#333" },
  });

  return {
    backgroundColor: "#ffffff",
    title: {
      text: input.title,
      subtext: input.subtitle ?? "",
      left: 40,
      top: 24,
      textStyle: { fontSize: 34, fontWeight: "bold", color: "#1f2329" },
      subtextStyle: { fontSize: 22, color: "#646a73" },
      itemGap: 12,
    },
    legend: {
      top: 36,
      right: 60,
      itemWidth: 28,
      itemHeight: 16,
      textStyle: { fontSize: 20, color: "#333" },
      data: ["协议资金完成率", "到位资金完成率"],
    },
    grid: { left: 40 + nameWidth + 16, right: 110, top: TOP, bottom: BOTTOM },
    xAxis: {
      type: "value",
      min: 0,
      max: xMax,
      // echarts picks the tick interval for the range (about five ticks).
      splitNumber: 5,
      axisLabel: { formatter: "{value}%", fontSize: 18, color: "#646a73" },
      splitLine: { lineStyle: { color: "#e5e6eb" } },
    },
    yAxis: {
      type: "category",
      inverse: true, // first category (rank 1) on top
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#c9cdd4" } },
      axisLabel: {
        fontSize: LABEL_FONT,
        color: "#1f2329",
        width: nameWidth,
        overflow: "break",
        lineHeight: LABEL_FONT + 4,
        margin: 14,
      },
    },
    series: [
      {
        ...series("协议资金完成率", COLORS.agreed, entries.map((e) => bar(e.agreedCompletion))),
        barGap: "15%",
        barCategoryGap: "28%",
        markLine: {
          silent: true,
          symbol: "none",
          data: [{ xAxis: input.yearShare * 100 }],
          lineStyle: { color: COLORS.pace, type: "dashed", width: 2 },
          label: {
            formatter: `序时进度 ${sharePct}%`,
            position: "start",
            distance: 8,
            fontSize: 18,
            fontWeight: "bold",
            color: COLORS.pace,
          },
        },
      },
      series("到位资金完成率", COLORS.arrived, entries.map((e) => bar(e.arrivedCompletion))),
    ],
  };
}

/** PNG of the ranking; size from rankingChartSize(entries.length). */
export function rankingChartPng(input: RankingChartInput): Buffer {
  return renderChartPng(rankingChartOption(input), rankingChartSize(input.entries.length));
}
