import type { LocalDate } from "./types.ts";

// The one glossary of words and number formats a user sees (SPEC "Wording"):
// posts, cards, forms, CLI tables and workbooks say a thing the same way
// because they all take it from here. Texts read like a government 通报.

/** Terms of the trade, as the seeds and SPEC write them. */
export const TERMS = {
  pace: "序时进度",
  weighted: "折算额",
  belowStandard: "未达统计标准",
  projectClass: "项目等级",
  sector: "产业类别",
  agreed: "协议资金",
  arrived: "到位资金",
  unstarted: "签约未开工",
  drawerAgreement: "抽屉协议",
  supervision: "督办",
  leader: "包联领导",
  meeting: "调度会",
  minutes: "会议纪要",
  agenda: "会前议程",
  blocker: "要素制约",
  asOf: "数据截至",
  yearOnYear: "同期",
  decision: "会议决定事项",
  followUp: "上次会议决定事项落实情况",
  redProjects: "红灯项目逐一研究",
  unstartedOverLimit: "签约未开工项目",
  overdueSupervision: "逾期督办事项",
  behindPaceGroups: "低于序时进度的工作组",
  responsibleUnit: "责任单位",
  responsiblePerson: "责任人",
  timeLimit: "时限",
  host: "主持",
  attendees: "参会单位",
  generalTask: "综合事项",
} as const;

/** 一 … 十: agenda and minutes number their parts as a 通报 does. */
export const chineseNumeral = (n: number): string => {
  const digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n <= 10) return n === 10 ? "十" : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ""}`;
};

const twoDecimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * Money for people: from 1亿 up in 亿元, below in 万元, at most two decimals,
 * always with 元 (25000 → "2.5亿元", 78720 → "7.87亿元", 3000 → "3,000万元").
 */
export function formatMoney(wan: number): string {
  if (wan < 0) return `-${formatMoney(-wan)}`;
  if (wan >= 10_000) return `${twoDecimals.format(wan / 10_000)}亿元`;
  return `${twoDecimals.format(wan)}万元`;
}

/** A share as a percentage with one decimal: 0.2345 → "23.5%". */
export function formatPercent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** A calendar day in prose: "2026-12-04" → "12月4日" (with the year when asked: "2026年12月4日"). */
export function dayInProse(day: LocalDate, withYear = false): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${withYear ? `${y}年` : ""}${m}月${d}日`;
}

/** "11月23日—29日" within a month, "11月30日—12月6日" across two. */
export function dayRangeInProse(start: LocalDate, end: LocalDate): string {
  const [, m1] = start.split("-").map(Number);
  const [, m2, d2] = end.split("-").map(Number);
  return `${dayInProse(start)}—${m1 === m2 ? `${d2}日` : dayInProse(end)}`;
}

export const noProgressFor = (days: number) => `连续${days}天未报送进展`;
export const dueOn = (day: LocalDate) => `将于${dayInProse(day)}到期`;
export const overdueBy = (days: number) => `已逾期${days}天`;
/** A composite score kept as a fraction (0.565) reads as points out of 100: "综合得分 56.5 分". */
export const compositeScoreText = (fraction: number) => `综合得分 ${(Math.round(fraction * 1000) / 10).toFixed(1)} 分`;
/** Completion measured against 序时进度, in percentage points (positive: ahead). */
export function againstPace(pointsAhead: number): string {
  const p = Math.round(Math.abs(pointsAhead) * 10) / 10;
  if (p === 0) return `与${TERMS.pace}持平`;
  return pointsAhead < 0 ? `低于${TERMS.pace} ${p} 个百分点` : `高于${TERMS.pace} ${p} 个百分点`;
}
