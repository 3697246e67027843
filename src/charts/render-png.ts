import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { EChartsOption } from "echarts";
import { CHART_FONT_FAMILY, chartFontFiles } from "./font.ts";

// One pipeline for every chart: echarts draws to an SVG string on the server
// (no DOM, no canvas), then resvg rasterises it to PNG with only the bundled
// CJK font. Rendering is synchronous and takes a few hundred ms, mostly resvg
// loading the ~10 MB font files.

// echarts' single CommonJS bundle: its ES module entry is hundreds of files,
// several times slower to load and (under tsx) to transform.
const echarts = createRequire(import.meta.url)("echarts") as typeof import("echarts");

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Slack shows an image inside a message at about 360–500 px wide (a phone
 * nearer 360), and it is read there, seldom opened. Charts are drawn at twice
 * 480 px, 4:3, so the preview is sharp and about 480×360.
 */
export const SLACK_PREVIEW_WIDTH = 480;
export const DEFAULT_CHART_SIZE: ChartSize = { width: 960, height: 720 };

/** Image pixels of a text that reads at `previewPx` in Slack's preview of an image `width` wide. */
export const previewFont = (previewPx: number, width: number = DEFAULT_CHART_SIZE.width): number => Math.round((previewPx * width) / SLACK_PREVIEW_WIDTH);

/** The smallest text in any chart reads as 11 px in the preview (the size of Slack's own small print). */
export const MIN_PREVIEW_FONT = 11;

/**
 * The chart as an SVG string. Animation is off (a server render would
 * otherwise capture the first frame) and every text uses the bundled font.
 */
export function renderChartSvg(option: EChartsOption, size: ChartSize = DEFAULT_CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    const textStyle = Array.isArray(option.textStyle) ? option.textStyle[0] : option.textStyle;
    chart.setOption({ ...option, animation: false, textStyle: { ...textStyle, fontFamily: CHART_FONT_FAMILY } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterise an SVG with the bundled font as the only font: system fonts are
 * not loaded, so the result is the same on every machine, and any family name
 * (including the generic "sans-serif") falls back to Noto Sans SC.
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: chartFontFiles(),
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    fitTo: { mode: "original" },
    background: "white",
  });
  return resvg.render().asPng();
}

/** PNG bytes of the chart at exactly `size` pixels. */
export function renderChartPng(option: EChartsOption, size: ChartSize = DEFAULT_CHART_SIZE): Buffer {
  return svgToPng(renderChartSvg(option, size));
}
