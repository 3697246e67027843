import { describe, expect, it } from "vitest";
import { startChartThread } from "../../src/charts/chart-thread.ts";
import { stageFunnelPng } from "../../src/charts/funnel-chart.ts";
import { rankingChartPng } from "../../src/charts/ranking-chart.ts";
import { DEMO_GROUPS } from "../../src/demo/fuling-directory.ts";

// The weekly post draws its ranking chart on a thread of its own: the thread
// must give the very PNG drawing it here gives, and go away when closed.

const ranking = {
  title: "专项招商工作组完成率 2026-W47",
  subtitle: "截至2026年11月22日　序时进度 89%",
  entries: DEMO_GROUPS.slice(0, 6).map((g, i) => ({ name: g.name, agreedCompletion: 1.2 - i * 0.2, arrivedCompletion: 0.9 - i * 0.1, rank: i + 1 })),
  yearShare: 0.89,
};

describe("a chart thread", () => {
  it("draws the ranking chart byte for byte as drawing it here does", async () => {
    const thread = startChartThread();
    try {
      expect(Buffer.compare(await thread.draw({ kind: "ranking", input: ranking }), rankingChartPng(ranking))).toBe(0);
    } finally {
      await thread.close();
    }
  });

  it("draws several charts asked for at once, each answered with its own", async () => {
    const funnel = { title: "项目阶段分布（截至 2026-11-22）", stages: [{ label: "在谈", count: 12 }, { label: "签约", count: 7 }] };
    const thread = startChartThread();
    try {
      const [a, b] = await Promise.all([thread.draw({ kind: "funnel", input: funnel }), thread.draw({ kind: "ranking", input: ranking })]);
      expect(Buffer.compare(a, stageFunnelPng(funnel))).toBe(0);
      expect(Buffer.compare(b, rankingChartPng(ranking))).toBe(0);
    } finally {
      await thread.close();
    }
  });

  it("closed before drawing (the post failed earlier), it stops without an error", async () => {
    await expect(startChartThread().close()).resolves.toBeUndefined();
  });

  it("closed while drawing, the chart waited for fails instead of hanging", async () => {
    const thread = startChartThread();
    const png = thread.draw({ kind: "ranking", input: ranking });
    await thread.close();
    await expect(png).rejects.toThrow(/chart thread exited/);
  });

  it("a chart it cannot draw is an error for the post, not a hang; the thread draws the next one", async () => {
    const thread = startChartThread();
    try {
      await expect(thread.draw({ kind: "ranking", input: { ...ranking, entries: null } as never })).rejects.toThrow();
      expect(Buffer.compare(await thread.draw({ kind: "ranking", input: ranking }), rankingChartPng(ranking))).toBe(0);
    } finally {
      await thread.close();
    }
  });
});
