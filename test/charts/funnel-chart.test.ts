import { describe, expect, it } from "vitest";
import { STAGE_FUNNEL_SIZE, stageFunnelOption, stageFunnelPng, type StageFunnelInput } from "../../src/charts/funnel-chart.ts";
import { renderChartSvg } from "../../src/charts/render-png.ts";
import { countPixels, decode, keep } from "./png.ts";
import { axisNames, labelOf, readSvg } from "./svg.ts";

const STAGES = [
  { label: "线索", count: 186 },
  { label: "洽谈", count: 124 },
  { label: "签约", count: 73 },
  { label: "注册", count: 58 },
  { label: "开工", count: 41 },
  { label: "投产", count: 22 },
  { label: "达产", count: 9 },
  { label: "终止", count: 17 },
];

describe("stageFunnelOption", () => {
  it("keeps the ladder order top-down and puts 终止 apart after a gap", () => {
    const yAxis = stageFunnelOption({ title: "t", stages: STAGES }).yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual(["线索", "洽谈", "签约", "注册", "开工", "投产", "达产", "", "终止"]);
  });

  it("labels every count and centres the bars", () => {
    const series = stageFunnelOption({ title: "t", stages: STAGES }).series as Array<{ data: unknown[] }>;
    expect(series[0]!.data[0]).toBe(0);
    expect(series[0]!.data[6]).toBe((186 - 9) / 2);
    expect(series[1]!.data[6]).toMatchObject({ value: 9, label: { formatter: "9 个" } });
    expect(series[1]!.data[8]).toMatchObject({ value: 17, label: { formatter: expect.stringContaining("终止") } });
  });
});

/** What the funnel draws, read from its SVG before rasterising. */
const drawn = (input: StageFunnelInput) => readSvg(renderChartSvg(stageFunnelOption(input), STAGE_FUNNEL_SIZE));
/** Rough advance of a label in px: CJK glyphs are square, digits and spaces about half as wide. */
const roughWidth = (text: string, size: number) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.6 : 1) * size, 0);

describe("the drawn funnel", () => {
  const chart = drawn({ title: "全区招商项目阶段分布（2026年）", stages: STAGES });
  const bars = [...chart.bars].sort((a, b) => a.middle - b.middle);
  const centre = (b: { left: number; right: number }) => (b.left + b.right) / 2;

  it("names the stages top-down in ladder order, 终止 last", () => {
    expect(axisNames(chart)).toEqual(["线索", "洽谈", "签约", "注册", "开工", "投产", "达产", "终止"]);
  });

  it("draws one visible bar per stage, centred on one line, as long as its count", () => {
    expect(bars).toHaveLength(8);
    for (const b of bars) expect(Math.abs(centre(b) - centre(bars[0]!))).toBeLessThan(1);
    const perProject = bars[0]!.width / 186;
    expect(bars.map((b) => Math.round(b.width / perProject))).toEqual([186, 124, 73, 58, 41, 22, 9, 17]);
  });

  it("labels each bar with its count, 终止 saying it is outside the funnel, every label inside the picture", () => {
    expect(bars.map((b) => labelOf(chart, b))).toEqual(["186 个", "124 个", "73 个", "58 个", "41 个", "22 个", "9 个", "17 个（已终止，未列入漏斗）"]);
    for (const t of chart.texts.filter((t) => t.text.includes("个"))) expect(t.x + roughWidth(t.text, t.fontSize)).toBeLessThanOrEqual(STAGE_FUNNEL_SIZE.width);
  });

  it("draws 终止 grey and apart: an empty row between it and 达产", () => {
    const [atCapacity, dropped] = [bars[6]!, bars[7]!];
    expect(new Set(bars.slice(0, 7).map((b) => b.fill)).has(dropped.fill)).toBe(false);
    expect(dropped.fill).toBe("#b0b4ba");
    const pitch = bars[1]!.middle - bars[0]!.middle;
    expect(dropped.middle - atCapacity.middle).toBeCloseTo(2 * pitch, 0);
  });

  it("draws no bar when every count is zero, and still names every stage with 0 个", () => {
    const empty = drawn({ title: "空", stages: STAGES.slice(0, 7).map((s) => ({ ...s, count: 0 })) });
    expect(empty.bars.filter((b) => b.width > 0)).toEqual([]);
    expect(axisNames(empty)).toEqual(["线索", "洽谈", "签约", "注册", "开工", "投产", "达产"]);
    expect(empty.texts.filter((t) => t.text === "0 个")).toHaveLength(7);
  });
});

describe("stageFunnelPng", () => {
  it("renders at 960×720 (480×360 in Slack's preview)", () => {
    const png = stageFunnelPng({ title: "全区招商项目阶段分布（2026年）", stages: STAGES });
    keep("stage-funnel.png", png);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([960, 720]);
    expect(countPixels(img, 250)).toBeGreaterThan(50_000);
  });

  it("copes with all-zero counts and no 终止", () => {
    const img = decode(stageFunnelPng({ title: "空", stages: STAGES.slice(0, 7).map((s) => ({ ...s, count: 0 })) }));
    expect([img.width, img.height]).toEqual([960, 720]);
  });
});
