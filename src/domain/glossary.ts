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
} as const;

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

/** What a person is told about the request path itself (the inbox, outages), never with internal keys or stack traces. */
export const REQUEST_TEXTS = {
  storeUnavailable: "数据库暂时不可用，本次操作未受理，未作任何修改。请稍后重试。",
  storeUnavailableForm: "数据库暂时不可用，本次填报尚未保存，表单内容仍在。请稍后再点提交。",
  failed: "处理时出错，本次操作可能未完成。请稍后用 /project 查看 确认，或联系管理员。",
  alreadyDone: "该操作此前已处理，未重复记录。",
  formExpired: "表单需在输入命令后立即打开，本次已超时。请重新输入命令打开表单。",
  lateAnswer: (command: string) => `您此前提交的“${command}”已处理：`,
} as const;

/** The bot cannot open its store at start: one line, the store named without its password. */
export function storeUnreachableAtStart(redactedUrl: string, e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  if (/DATABASE_URL/.test(message)) return message.split("\n")[0]!;
  return `无法连接数据库 ${redactedUrl}：请确认数据库已启动、地址和账号正确、网络可达（DATABASE_URL），然后重新启动。`;
}
