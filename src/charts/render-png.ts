import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { EChartsOption } from "echarts";
import { CHART_FONT_FAMILY } from "./font.ts";
import { subsetChartFonts } from "./font-subset.ts";

// One pipeline for every chart: echarts draws to an SVG string on the server
// (no DOM, no canvas), then resvg rasterises it to PNG with only the bundled
// CJK font. resvg reopens and reads its font file for every glyph it looks
// up (about 18 times per label), and the Noto Sans SC files are 10 MB each:
// a ranking chart read ~3.7 GB and took 0.5-1.5 s. So each chart is drawn
// with a subset of the font holding only the characters it shows (a few
// dozen glyphs, ~15 KB, font-subset.ts); the pixels are the same.

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

/** Every character the SVG draws: its text content, entities decoded. */
export function drawnCharacters(svg: string): string {
  const text = svg
    .replace(/<[^>]*>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name]!);
  return [...new Set(text)].join("");
}

/**
 * Rasterise an SVG with the bundled font as the only font: system fonts are
 * not loaded, so the result is the same on every machine, and any family name
 * (including the generic "sans-serif") falls back to Noto Sans SC.
 */
export function svgToPng(svg: string): Buffer {
  const subsets = subsetChartFonts(drawnCharacters(svg));
  // resvg reads fonts from files (its in-memory route copies each byte through N-API, slower still).
  const dir = mkdtempSync(join(tmpdir(), "dispatch-chart-"));
  try {
    const fontFiles = subsets.map((bytes, i) => {
      const file = join(dir, `${i}.ttf`);
      writeFileSync(file, bytes);
      return file;
    });
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
      fitTo: { mode: "original" },
      background: "white",
    });
    return resvg.render().asPng();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PNG bytes of the chart at exactly `size` pixels. */
export function renderChartPng(option: EChartsOption, size: ChartSize = DEFAULT_CHART_SIZE): Buffer {
  return svgToPng(renderChartSvg(option, size));
}
