import { describe, expect, it } from "vitest";
import { rankingChartOption, rankingChartPng, type RankingChartEntry } from "../../src/charts/ranking-chart.ts";
import { DEMO_GROUPS, DEMO_UNITS } from "../../src/demo/fuling-directory.ts";
import { countPixels, decode, keep } from "./png.ts";

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
    expect(JSON.stringify(series[0]!.markLine)).toContain("时间进度 89%");
  });
});

describe("rankingChartPng", () => {
  it("renders the 12 groups at 1600×960", () => {
    const png = rankingChartPng({
      title: "专项招商工作组目标完成情况排名",
      subtitle: "2026年1月1日—11月22日 · 按协议资金完成率排序",
      entries: sample(DEMO_GROUPS.map((g) => g.name)),
      yearShare: YEAR_SHARE,
    });
    keep("ranking-12-groups.png", png);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([1600, 960]);
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
    expect([img.width, img.height]).toEqual([1600, 1222]);
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
