// Shared by the chart tests: what echarts drew, read from the SVG it renders
// before rasterising (src/charts/render-png.ts renderChartSvg): every text
// with its position, and every bar with its extent. echarts' server-side SVG
// is flat and regular (one element per line of output, attributes quoted),
// so a small reader is enough.

export interface SvgText {
  text: string;
  x: number;
  y: number;
  fontSize: number;
  fill: string;
  /** text-anchor: "end" for y-axis names, "start" for bar labels. */
  anchor: string;
}

export interface SvgBar {
  series: number;
  index: number;
  fill: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Horizontal length in px. */
  width: number;
  /** Vertical centre, to match a bar with its row's axis label. */
  middle: number;
}

export interface SvgLine {
  stroke: string;
  dashed: boolean;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DrawnChart {
  texts: SvgText[];
  bars: SvgBar[];
  lines: SvgLine[];
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function translate(a: Record<string, string>): [number, number] {
  const m = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(a.transform ?? "");
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

/** The points a path's `d` passes through (M, L, H, V and arc end points, absolute or relative): enough for bars and lines. */
function points(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let [x, y] = [0, 0];
  for (const m of d.matchAll(/([MLHVAmlhva])([^MLHVAZmlhvaz]*)/g)) {
    const cmd = m[1]!;
    const n = m[2]!.trim().split(/[ ,]+/).filter(Boolean).map(Number);
    const rel = cmd === cmd.toLowerCase();
    const c = cmd.toUpperCase();
    if (c === "H") x = (rel ? x : 0) + n[0]!;
    else if (c === "V") y = (rel ? y : 0) + n[0]!;
    else if (n.length >= 2) {
      // For an arc only its end point (the last two numbers) matters here.
      const [dx, dy] = [n[n.length - 2]!, n[n.length - 1]!];
      [x, y] = rel ? [x + dx, y + dy] : [dx, dy];
    } else continue;
    out.push([x, y]);
  }
  return out;
}

export function readSvg(svg: string): DrawnChart {
  const texts: SvgText[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const a = attributes(m[1]!);
    const [tx, ty] = translate(a);
    const size = /font-size:([\d.]+)px/.exec(a.style ?? "");
    texts.push({ text: unescape(m[2]!), x: tx + Number(a.x ?? 0), y: ty + Number(a.y ?? 0), fontSize: size ? Number(size[1]) : 0, fill: a.fill ?? "", anchor: a["text-anchor"] ?? "start" });
  }
  const bars: SvgBar[] = [];
  const lines: SvgLine[] = [];
  for (const m of svg.matchAll(/<path([^>]*)>/g)) {
    const a = attributes(m[1]!);
    const p = points(a.d ?? "");
    if (!p.length) continue;
    if (a.ecmeta_ssr_type === "chart" && a.fill && a.fill !== "none" && a.fill !== "transparent" && a.stroke === undefined) {
      const xs = p.map(([x]) => x);
      const ys = p.map(([, y]) => y);
      const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      bars.push({ series: Number(a.ecmeta_series_index), index: Number(a.ecmeta_data_index), fill: a.fill, left, right, top, bottom, width: right - left, middle: (top + bottom) / 2 });
    } else if (a.stroke && (a.fill === "none" || a.fill === undefined) && p.length === 2) {
      lines.push({ stroke: a.stroke, dashed: a["stroke-dasharray"] !== undefined, x1: p[0]![0], y1: p[0]![1], x2: p[1]![0], y2: p[1]![1] });
    }
  }
  return { texts, bars, lines };
}

/** The category axis' names, top to bottom: the texts right-aligned against the axis. */
export function axisNames(chart: DrawnChart): string[] {
  return chart.texts
    .filter((t) => t.anchor === "end")
    .sort((a, b) => a.y - b.y)
    .map((t) => t.text);
}

/** The label drawn just right of a bar, on its row. */
export function labelOf(chart: DrawnChart, bar: SvgBar): string | undefined {
  return chart.texts.find((t) => t.anchor === "start" && t.y >= bar.top && t.y <= bar.bottom && t.x >= bar.right && t.x - bar.right < 40)?.text;
}
