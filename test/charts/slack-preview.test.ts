import { describe, expect, it } from "vitest";
import { STAGE_FUNNEL_SIZE, stageFunnelOption } from "../../src/charts/funnel-chart.ts";
import { rankingChartOption, rankingChartSize } from "../../src/charts/ranking-chart.ts";
import { MIN_PREVIEW_FONT, renderChartSvg, SLACK_PREVIEW_WIDTH } from "../../src/charts/render-png.ts";
import { DEMO_GROUPS } from "../../src/demo/fuling-directory.ts";
import { readSvg } from "./svg.ts";

// Charts are read in Slack's preview (about 480 px wide, 360 on a phone),
// seldom opened full size: every text must read at 11 px or more there, and
// the picture must not be so tall that the preview shrinks it further.

const ranking = () => {
  const entries = DEMO_GROUPS.map((g, i) => ({ rank: i + 1, name: g.name, agreedCompletion: 1 - i * 0.07, arrivedCompletion: 0.8 - i * 0.05 }));
  const size = rankingChartSize(entries.length);
  return { size, svg: readSvg(renderChartSvg(rankingChartOption({ title: "专项招商工作组目标完成情况排名", subtitle: "截至2026年11月22日", entries, yearShare: 0.89 }), size)) };
};
const funnel = () => {
  const stages = ["线索", "洽谈", "签约", "注册", "开工", "投产", "达产", "终止"].map((label, i) => ({ label, count: 100 - i * 12 }));
  return { size: STAGE_FUNNEL_SIZE, svg: readSvg(renderChartSvg(stageFunnelOption({ title: "全区招商项目阶段分布（2026年）", stages }), STAGE_FUNNEL_SIZE)) };
};

describe.each([
  ["the ranking chart of the 12 groups", ranking],
  ["the stage funnel", funnel],
])("%s in Slack's preview", (_name, draw) => {
  const { size, svg } = draw();
  const scale = SLACK_PREVIEW_WIDTH / size.width;

  it("is drawn at twice the preview width, no taller than about square", () => {
    expect(size.width).toBe(2 * SLACK_PREVIEW_WIDTH);
    expect(size.height / size.width).toBeLessThanOrEqual(1.05);
  });

  it("has every text at 11 px or more once scaled to the preview", () => {
    expect(svg.texts.length).toBeGreaterThan(10);
    const smallest = Math.min(...svg.texts.filter((t) => t.text.trim()).map((t) => t.fontSize));
    expect(smallest * scale).toBeGreaterThanOrEqual(MIN_PREVIEW_FONT);
  });
});
