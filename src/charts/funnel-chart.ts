import type { EChartsOption } from "echarts";
import { STAGE_LABELS } from "../domain/stages.ts";
import { renderChartPng, previewFont, type ChartSize, DEFAULT_CHART_SIZE } from "./render-png.ts";
import { textWidth } from "./text-width.ts";

// Project counts per stage, 线索 → … → 达产, drawn as centred bars so the
// narrowing reads as a funnel. echarts' own funnel series re-sorts and
// stretches shapes, which misleads when counts do not shrink stage by stage,
// so a bar per stage keeps widths honest. 终止 is not a step of the ladder: it
// gets its own grey bar below a gap.

export interface StageFunnelInput {
  title: string;
  /** In ladder order; an entry labelled 终止 is drawn apart. */
  stages: Array<{ label: string; count: number }>;
}

// Sized for Slack's preview (render-png.ts): fonts are given as the px they read at there.
const LABEL_FONT = previewFont(13);
const COUNT_FONT = previewFont(12);
const TITLE_FONT = previewFont(17);
const DROPPED = STAGE_LABELS.DROPPED;
const GAP = ""; // empty category between the ladder and 终止
const PALETTE = ["#1d4fb8", "#2c62cc", "#3b76dd", "#4f8ae6", "#66a0ee", "#80b4f3", "#9cc7f7"];
const GREY = "#b0b4ba";

export const STAGE_FUNNEL_SIZE: ChartSize = DEFAULT_CHART_SIZE;
const LABEL_GAP = 10; // bar end to its count label
const EDGE = 24; // count label to the picture's edge

function countLabel(s: { label: string; count: number }): string {
  return s.label === DROPPED ? `${s.count} 个（已终止，未列入漏斗）` : `${s.count} 个`;
}

/**
 * Right margin so that every count label fits: a centred bar leaves
 * f = (max - count) / 2max of the plot width free on its right, and its label
 * must fit in that plus the margin. Solving for the margin per row:
 * right >= (need - f·(W - left)) / (1 - f).
 */
function rightMargin(rows: Array<{ label: string; count: number }>, max: number, left: number): number {
  const span = STAGE_FUNNEL_SIZE.width - left;
  return Math.ceil(
    Math.max(
      40,
      ...rows.map((s) => {
        const need = textWidth(countLabel(s), COUNT_FONT) + LABEL_GAP + EDGE;
        const f = (max - s.count) / (2 * max);
        return (need - f * span) / (1 - f);
      }),
    ),
  );
}

export function stageFunnelOption(input: StageFunnelInput): EChartsOption {
  const ladder = input.stages.filter((s) => s.label !== DROPPED);
  const dropped = input.stages.filter((s) => s.label === DROPPED);
  const rows = dropped.length > 0 ? [...ladder, null, ...dropped] : ladder;

  const max = Math.max(1, ...input.stages.map((s) => s.count));
  const nameWidth = Math.ceil(Math.max(0, ...input.stages.map((s) => textWidth(s.label, LABEL_FONT))));
  const left = 60 + nameWidth + 20;

  // Stacked pair per row: an invisible spacer of (max - count) / 2, then the
  // count, which centres each bar on the max / 2 line.
  const spacer = rows.map((s) => (s === null ? null : (max - s.count) / 2));
  const counts = rows.map((s, i) => {
    if (s === null) return null;
    const isDropped = s.label === DROPPED;
    return {
      value: s.count,
      itemStyle: { color: isDropped ? GREY : PALETTE[Math.min(i, PALETTE.length - 1)] },
      label: { formatter: countLabel(s) },
    };
  });

  return {
    backgroundColor: "#ffffff",
    title: {
      text: input.title,
      left: 40,
      top: 24,
      textStyle: { fontSize: TITLE_FONT, fontWeight: "bold", color: "#1f2329" },
    },
    grid: { left, right: rightMargin(input.stages, max, left), top: previewFont(50), bottom: 30 },
    xAxis: { type: "value", min: 0, max, show: false },
    yAxis: {
      type: "category",
      inverse: true, // 线索 on top
      data: rows.map((s) => (s === null ? GAP : s.label)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { fontSize: LABEL_FONT, color: "#1f2329", margin: 20 },
    },
    series: [
      {
        type: "bar",
        stack: "funnel",
        data: spacer,
        itemStyle: { color: "transparent" },
        silent: true,
      },
      {
        type: "bar",
        stack: "funnel",
        data: counts,
        barCategoryGap: "22%",
        itemStyle: { borderRadius: 4 },
        label: { show: true, position: "right", fontSize: COUNT_FONT, color: "#1f2329", distance: LABEL_GAP },
      },
    ],
  };
}

export function stageFunnelPng(input: StageFunnelInput): Buffer {
  return renderChartPng(stageFunnelOption(input), STAGE_FUNNEL_SIZE);
}
