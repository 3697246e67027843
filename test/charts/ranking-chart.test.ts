import { describe, expect, it } from "vitest";
import { rankingChartOption, rankingChartPng, rankingChartSize, type RankingChartEntry, type RankingChartInput } from "../../src/charts/ranking-chart.ts";
import { renderChartSvg } from "../../src/charts/render-png.ts";
import { DEMO_GROUPS, DEMO_UNITS } from "../../src/demo/fuling-directory.ts";
import { countPixels, decode, keep } from "./png.ts";
import { axisNames, labelOf, readSvg, type SvgBar } from "./svg.ts";

// Made-up but plausible completions: a spread around the year's pace, one
// over target, and one entry with no targets (null).
function sample(names: string[]): RankingChartEntry[] {
  const entries = names.map((name, i) => ({
    name,
    agreedCompletion: i === 3 ? null : Math.max(0.05, 1.18 - i * 0.09),
    arrivedCompletion: i === 3 ? null : Math.max(0.02, 0.95 - i * 0.07 + (i % 3) * 0.05),
    rank: 0,
  }));
  // Rank on agreed completion; no target = unranked. Shuffle the input order.
  const ranked = [...entries].filter((e) => e.agreedCompletion !== null).sort((a, b) => b.agreedCompletion! - a.agreedCompletion!);
  return entries.map((e) => ({ ...e, rank: e.agreedCompletion === null ? null : ranked.indexOf(e) + 1 })).reverse();
}

const YEAR_SHARE = 0.89;

describe("rankingChartOption", () => {
  const option = rankingChartOption({ title: "t", entries: sample(DEMO_GROUPS.map((g) => g.name)), yearShare: YEAR_SHARE });
  const yAxis = option.yAxis as { data: string[]; inverse: boolean };
  const series = option.series as Array<{ data: Array<{ value: number; label: { formatter: string } }>; markLine?: unknown }>;

  it("lists entries best first from the top, unranked last", () => {
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data[0]).toMatch(/^1 {2}/);
    expect(yAxis.data[10]).toMatch(/^11 {2}/);
    expect(yAxis.data[11]).toMatch(/^— {2}/);
  });

  it("shows percent values, and 未设目标 on an empty bar for no target", () => {
    expect(series[0]!.data[0]).toMatchObject({ value: 118, label: { formatter: "118.0%" } });
    expect(series[0]!.data[11]).toMatchObject({ value: 0, label: { formatter: "未设目标" } });
    expect(series[1]!.data[11]).toMatchObject({ value: 0, label: { formatter: "未设目标" } });
  });

  it("marks the share of the year passed", () => {
    expect(JSON.stringify(series[0]!.markLine)).toContain("序时进度 89%");
  });
});

/** What the ranking chart draws, read from its SVG before rasterising. */
const drawn = (input: RankingChartInput) => readSvg(renderChartSvg(rankingChartOption(input), rankingChartSize(input.entries.length)));
const COLORS = { agreed: "#3b6fd8", arrived: "#2fa37a" };
const byRow = (bars: SvgBar[]) => [...bars].sort((a, b) => a.middle - b.middle);

describe("the drawn ranking", () => {
  // In input order: second, unranked, first. 甲组 is exactly on the year's pace (50%).
  const input: RankingChartInput = {
    title: "专项招商工作组目标完成情况排名",
    entries: [
      { name: "甲组", agreedCompletion: 0.5, arrivedCompletion: 0.2, rank: 2 },
      { name: "丙组", agreedCompletion: null, arrivedCompletion: null, rank: null },
      { name: "乙组", agreedCompletion: 1.1, arrivedCompletion: 0.7, rank: 1 },
    ],
    yearShare: 0.5,
  };
  const chart = drawn(input);
  const agreed = byRow(chart.bars.filter((b) => b.fill === COLORS.agreed));
  const arrived = byRow(chart.bars.filter((b) => b.fill === COLORS.arrived));

  it("names the rows best first from the top, unranked last", () => {
    expect(axisNames(chart)).toEqual(["1  乙组", "2  甲组", "—  丙组"]);
  });

  it("draws two bars per row, 协议资金 above 到位资金, next to the row's name", () => {
    expect([agreed.length, arrived.length]).toEqual([3, 3]);
    const names = chart.texts.filter((t) => t.anchor === "end").sort((a, b) => a.y - b.y);
    for (let i = 0; i < 3; i++) {
      expect(agreed[i]!.middle).toBeLessThan(arrived[i]!.middle);
      expect(names[i]!.y).toBeGreaterThan(agreed[i]!.top);
      expect(names[i]!.y).toBeLessThan(arrived[i]!.bottom);
    }
  });

  it("draws bar lengths in proportion to completion, labelled in percent", () => {
    expect(agreed[0]!.width / agreed[1]!.width).toBeCloseTo(1.1 / 0.5, 1);
    expect(arrived[0]!.width / arrived[1]!.width).toBeCloseTo(0.7 / 0.2, 1);
    expect(agreed.map((b) => labelOf(chart, b))).toEqual(["110.0%", "50.0%", "未设目标"]);
    expect(arrived.map((b) => labelOf(chart, b))).toEqual(["70.0%", "20.0%", "未设目标"]);
  });

  it("draws no bar at all for a row without targets, and greys its 未设目标", () => {
    expect([agreed[2]!.width, arrived[2]!.width]).toEqual([0, 0]);
    expect(chart.texts.filter((t) => t.text === "未设目标").map((t) => t.fill)).toEqual(["#999999", "#999999"]);
  });

  it("draws the pace as a dashed line where a bar on pace ends, with its label", () => {
    const pace = chart.lines.filter((l) => l.dashed);
    expect(pace).toHaveLength(1);
    expect(pace[0]!.x1).toBe(pace[0]!.x2); // vertical
    expect(Math.abs(pace[0]!.x1 - agreed[1]!.right)).toBeLessThan(1.5); // 甲组's 50% bar ends on the 50% pace
    expect(chart.texts.map((t) => t.text)).toContain("序时进度 50%");
  });

  it("draws the title and the legend", () => {
    const texts = chart.texts.map((t) => t.text);
    expect(texts).toContain("专项招商工作组目标完成情况排名");
    expect(texts).toEqual(expect.arrayContaining(["协议资金完成率", "到位资金完成率"]));
  });

  it("draws all 12 demo groups: 24 bars, ranks 1 to 11 in order, the group without targets last", () => {
    const many = drawn({ title: "t", entries: sample(DEMO_GROUPS.map((g) => g.name)), yearShare: YEAR_SHARE });
    expect(many.bars.filter((b) => b.fill === COLORS.agreed)).toHaveLength(12);
    expect(many.bars.filter((b) => b.fill === COLORS.arrived)).toHaveLength(12);
    // A long name wraps onto a second line (sized for Slack's preview): ranks are on the first lines.
    const ranks = axisNames(many).filter((n) => /^(\d+|—) {2}/.test(n)).map((n) => n.split("  ")[0]);
    expect(ranks).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "—"]);
    // Best first means longest 协议资金 bar first.
    const widths = byRow(many.bars.filter((b) => b.fill === COLORS.agreed)).map((b) => b.width);
    expect(widths.slice(0, 11)).toEqual([...widths.slice(0, 11)].sort((a, b) => b - a));
  });
});

describe("rankingChartPng", () => {
  it("renders the 12 groups at 960 wide (480 in Slack's preview), about square", () => {
    const png = rankingChartPng({
      title: "专项招商工作组目标完成情况排名",
      subtitle: "2026年1月1日—11月22日 · 按协议资金完成率排序",
      entries: sample(DEMO_GROUPS.map((g) => g.name)),
      yearShare: YEAR_SHARE,
    });
    keep("ranking-12-groups.png", png);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([960, 1000]);
    expect(countPixels(img, 250)).toBeGreaterThan(50_000);
  });

  it("renders 22 units taller so the rows stay readable, and reports the time taken", () => {
    const names = DEMO_UNITS.map((u) => u.name);
    names[5] = "生物医药、医疗器械产业招商组"; // the longest name in use
    const input = { title: "责任单位目标完成情况排名", subtitle: "截至2026年11月22日", entries: sample(names), yearShare: YEAR_SHARE };
    const started = performance.now();
    const png = rankingChartPng(input);
    console.log(`ranking chart, 22 units: ${Math.round(performance.now() - started)} ms`);
    keep("ranking-22-units.png", png);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([960, 1640]);
    expect(countPixels(img, 250)).toBeGreaterThan(50_000);
  });
});

describe("the axis fits the data", () => {
  const axis = (entries: RankingChartEntry[]) => (rankingChartOption({ title: "t", entries, yearShare: 0.5 }).xAxis as { max: number; interval?: number });
  const entry = (agreed: number | null): RankingChartEntry => ({ name: "组", agreedCompletion: agreed, arrivedCompletion: 0.1, rank: 1 });

  it("shows 100% when everyone is below target, and leaves the ticks to echarts", () => {
    expect(axis([entry(0.3), entry(0.8)])).toMatchObject({ max: 100 });
    expect(axis([entry(0.3)]).interval).toBeUndefined();
  });

  it("grows to a round number above 100%", () => {
    expect(axis([entry(1.18)]).max).toBe(125);
    expect(axis([entry(1.62)]).max).toBe(200);
  });

  it("stops at 200% for an outlier, whose bar ends at the edge with its true value", () => {
    const option = rankingChartOption({ title: "t", entries: [entry(56.44), entry(0.4)], yearShare: 0.5 });
    expect((option.xAxis as { max: number }).max).toBe(200);
    const bars = (option.series as Array<{ data: Array<{ value: number; label: { formatter: string } }> }>)[0]!.data;
    expect(bars[0]).toMatchObject({ value: 200, label: { formatter: "5644.0% ▶" } });
  });
});
