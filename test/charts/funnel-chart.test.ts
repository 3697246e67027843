import { describe, expect, it } from "vitest";
import { stageFunnelOption, stageFunnelPng } from "../../src/charts/funnel-chart.ts";
import { countPixels, decode, keep } from "./png.ts";

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

describe("stageFunnelPng", () => {
  it("renders at 1600×960", () => {
    const png = stageFunnelPng({ title: "全区招商项目阶段分布（2026年）", stages: STAGES });
    keep("stage-funnel.png", png);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([1600, 960]);
    expect(countPixels(img, 250)).toBeGreaterThan(50_000);
  });

  it("copes with all-zero counts and no 终止", () => {
    const img = decode(stageFunnelPng({ title: "空", stages: STAGES.slice(0, 7).map((s) => ({ ...s, count: 0 })) }));
    expect([img.width, img.height]).toEqual([1600, 960]);
  });
});
