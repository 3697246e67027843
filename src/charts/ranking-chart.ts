import type { EChartsOption } from "echarts";
import { DEFAULT_CHART_SIZE, MIN_PREVIEW_FONT, previewFont, renderChartPng, type ChartSize } from "./render-png.ts";
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

// Sized for Slack's preview (render-png.ts): fonts are given as the px they read at there.
const WIDTH = DEFAULT_CHART_SIZE.width;
const font = (previewPx: number) => previewFont(previewPx, WIDTH);
const LABEL_FONT = font(13);
const BAR_LABEL_FONT = font(MIN_PREVIEW_FONT);
const TITLE_FONT = font(17);
const SMALL_FONT = font(MIN_PREVIEW_FONT);
const TOP = font(86); // title, subtitle and legend, one under the other
const BOTTOM = font(30); // x-axis labels
const ROW = font(32); // px per entry at minimum: two bars and their labels
/** Beyond this the y-axis names wrap instead of squeezing the bars. */
const MAX_NAME_WIDTH = Math.round(WIDTH * 0.4);
const COLORS = { agreed: "#3b6fd8", arrived: "#2fa37a", pace: "#d9363e", none: "#999999" };
/**
 * The axis ends at the largest completion, but never beyond 200%: one unit at
 * 5644% would otherwise squeeze every other bar to a sliver (and draw ~300
 * axis labels). Longer bars stop at the edge; their labels keep the true value.
 */
export const AXIS_CAP_PERCENT = 200;

/** 960×720, taller when there are many entries so each keeps its row (32 px in the preview). */
export function rankingChartSize(entryCount: number): ChartSize {
  return { width: WIDTH, height: Math.max(DEFAULT_CHART_SIZE.height, TOP + BOTTOM + ROW * entryCount) };
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
    barMaxWidth: font(14),
    label: { show: true, position: "right" as const, fontSize: BAR_LABEL_FONT, color: "#333" },
  });

  return {
    backgroundColor: "#ffffff",
    title: {
      text: input.title,
      subtext: input.subtitle ?? "",
      left: 40,
      top: 24,
      textStyle: { fontSize: TITLE_FONT, fontWeight: "bold", color: "#1f2329" },
      subtextStyle: { fontSize: SMALL_FONT, color: "#646a73" },
      itemGap: 8,
    },
    // Under the title, not beside it: at this width the two would overlap.
    legend: {
      top: TOP - font(26),
      left: 40,
      itemWidth: font(14),
      itemHeight: font(8),
      textStyle: { fontSize: SMALL_FONT, color: "#333" },
      data: ["协议资金完成率", "到位资金完成率"],
    },
    grid: { left: 40 + nameWidth + 16, right: font(60), top: TOP, bottom: BOTTOM },
    xAxis: {
      type: "value",
      min: 0,
      max: xMax,
      // echarts picks the tick interval for the range (about five ticks).
      splitNumber: 5,
      axisLabel: { formatter: "{value}%", fontSize: SMALL_FONT, color: "#646a73" },
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
            fontSize: SMALL_FONT,
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
