import { Resvg } from "@resvg/resvg-js";
import type { EChartsOption } from "echarts";
import { describe, expect, it } from "vitest";
import { CHART_FONT_FAMILY, chartFontFiles } from "../../src/charts/font.ts";
import { rankingChartOption, rankingChartSize } from "../../src/charts/ranking-chart.ts";
import { drawnCharacters, renderChartPng, renderChartSvg, svgToPng } from "../../src/charts/render-png.ts";
import { countPixels, decode, regionBytes, type Region } from "./png.ts";

// A tiny chart whose only text is a big title in a known place.
const SIZE = { width: 400, height: 160 };
const TITLE_AREA: Region = { x: 0, y: 0, width: 400, height: 80 };
const titled = (text: string): EChartsOption => ({
  title: { text, left: 10, top: 10, textStyle: { fontSize: 40, color: "#000" } },
});

describe("renderChartPng", () => {
  it("gives a PNG of the default size 960×720 with something drawn", () => {
    const img = decode(
      renderChartPng({
        xAxis: { type: "category", data: ["一", "二", "三"] },
        yAxis: { type: "value" },
        series: [{ type: "bar", data: [3, 5, 2] }],
      }),
    );
    expect([img.width, img.height]).toEqual([960, 720]);
    expect(countPixels(img, 250)).toBeGreaterThan(5_000);
  });

  it("honours the requested size exactly", () => {
    const img = decode(renderChartPng(titled("招商"), { width: 333, height: 222 }));
    expect([img.width, img.height]).toEqual([333, 222]);
  });

  it("sets the bundled font family on every text", () => {
    const svg = renderChartSvg(titled("招商调度"), SIZE);
    expect(svg).toContain("Noto Sans SC");
    expect(svg).not.toMatch(/font-family:\s*sans-serif/);
  });

  it("draws Chinese glyphs with the bundled font, not with anything on the machine", () => {
    const svg = renderChartSvg(titled("招商调度"), SIZE);
    const withFont = decode(renderChartPng(titled("招商调度"), SIZE));
    // Same SVG with no font at all: resvg then draws no text, so every dark
    // pixel in the title area above comes from the bundled TTF.
    const noFont = decode(
      new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [] }, background: "white" }).render().asPng(),
    );
    expect(countPixels(withFont, 128, TITLE_AREA)).toBeGreaterThan(500);
    expect(countPixels(noFont, 128, TITLE_AREA)).toBe(0);
  });

  it("draws real, distinct glyphs rather than the same missing-glyph box for each character", () => {
    const a = decode(renderChartPng(titled("招商调度"), SIZE));
    const b = decode(renderChartPng(titled("项目签约"), SIZE));
    expect(regionBytes(a, TITLE_AREA).equals(regionBytes(b, TITLE_AREA))).toBe(false);
  });
});

describe("each chart drawn with a subset of the font", () => {
  it("gives the same pixels as the whole 10 MB font, names with markup characters included", () => {
    const names = ["招商一组", "R&D 中心", "\"双碳\"产业组", "<临港>园区", "It's 组", "鑫淼犇骉组"];
    const option = rankingChartOption({ title: "专项招商工作组完成率 2026-W47", subtitle: "序时进度 89%", entries: names.map((name, i) => ({ name, agreedCompletion: 0.2 * i, arrivedCompletion: i === 2 ? null : 0.1 * i, rank: i + 1 })), yearShare: 0.89 });
    const svg = renderChartSvg(option, rankingChartSize(names.length));
    const whole = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: chartFontFiles(), defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
      fitTo: { mode: "original" },
      background: "white",
    }).render();
    const subset = decode(svgToPng(svg));
    expect([subset.width, subset.height]).toEqual([whole.width, whole.height]);
    expect(Buffer.compare(Buffer.from(subset.data), Buffer.from(whole.pixels))).toBe(0);
  });

  it("keeps every character the SVG draws, entities decoded, each once", () => {
    const svg = renderChartSvg(titled(`R&D "中心" <一> It's 中心`), SIZE);
    const drawn = drawnCharacters(svg);
    for (const c of `R&D"中心<一>It's`) expect(drawn).toContain(c);
    expect([...drawn].length).toBe(new Set(drawn).size);
    expect(drawn).not.toMatch(/[;#]/); // the entities' own spelling is not drawn
  });
});
