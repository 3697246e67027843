import { compositeScoreText, dayRangeInProse, formatMoney, formatPercent, paceText, periodInProse, weeklyTitle, yearOnYearText } from "../domain/glossary.ts";
import type { PaceMark } from "./target-progress.ts";
import type { ReportPeriod } from "./report-period.ts";

// The glossary's formats as the report renderings (text, xlsx, Slack) use
// them, with "—" where there is nothing to show.

/** Money in 亿元/万元 with at most two decimals. */
export function money(amountWan: number): string {
  return formatMoney(amountWan);
}

export function percent(ratio: number | null): string {
  return ratio === null ? "—" : formatPercent(ratio);
}

/** "低于序时进度 6.2 个百分点" only beyond the tolerance; "—" without a target. */
export function paceCell(mark: PaceMark | null): string {
  return mark === null ? "—" : paceText(mark.points, mark.status !== "ON_PACE");
}

/** A composite score as points out of 100: "56.5 分". */
export function scoreCell(s: number | null): string {
  return s === null ? "未设目标" : compositeScoreText(s).replace("综合得分 ", "");
}

/** 同期 beside a year-to-date figure; "—" when last year is not known. */
export function yoyCell(now: number, then: number | null | undefined, isMoney: boolean): string {
  return then === null || then === undefined ? "—" : yearOnYearText(now, then, isMoney);
}

/** "招商引资工作周调度（2026年第48周，11月23日—29日）"; a quarter or year reads "招商引资工作调度（2026年第4季度，10月1日—12月31日）". */
export function weeklyHeading(period: ReportPeriod): string {
  const w = /^(\d{4})-W(\d{2})$/.exec(period.label);
  if (w) return weeklyTitle(Number(w[1]), Number(w[2]), period.start, period.end);
  return `招商引资工作调度（${periodInProse(period.label)}，${dayRangeInProse(period.start, period.end)}）`;
}
