// Layout needs text widths before rendering (for the y-axis margin). With the
// bundled Noto Sans SC, CJK ideographs and full-width punctuation are exactly
// 1 em wide; Latin letters and digits average a bit over half an em. This
// matches what echarts itself assumes on the server (no canvas to measure
// with), so our margins and its label layout agree.

const FULL_WIDTH = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F]/u;

/** Approximate rendered width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += FULL_WIDTH.test(ch) ? 1 : 0.62;
  return em * fontSize;
}
