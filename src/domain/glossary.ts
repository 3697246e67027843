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

/** The bot's name in the workspace (manifest.yml display name), as people type it after @. */
export const BOT_NAME = "招商调度";

/** How a person lets the bot into a channel. */
export const inviteBotIn = (channelName: string) => `在 #${channelName} 输入 /invite @${BOT_NAME}`;

/** Why the bot cannot post in a channel, and what to do about it (doctor, start-up log, answers). */
export const CHANNEL_REACH = {
  notFound: (id: string) => `频道 ${id} 不存在，或是未邀请机器人的私有频道：请核对频道 ID；如是私有频道，请在该频道输入 /invite @${BOT_NAME}`,
  notMember: (name: string) => `机器人不在 #${name}：请${inviteBotIn(name)}`,
  archived: (name: string) => `#${name} 已归档，无法发送：请恢复该频道，或改用其他频道（dispatch jobs configure / 工作组设置）`,
  joined: (name: string) => `已自动加入公开频道 #${name}`,
  cannotShare: (name: string) => `机器人不在 #${name}，无法发到频道。请${inviteBotIn(name)}后重试。`,
} as const;
