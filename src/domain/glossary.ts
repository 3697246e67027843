import type { SupervisionStatus, SupervisionStepKind } from "./supervision.ts";
import type { LocalDate } from "./types.ts";
import type { UnstartedBand } from "./unstarted.ts";

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

/** 督办 states and steps, as a 督办通报 names them. */
export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatus, string> = {
  PROPOSED: "待确认挂牌",
  OPEN: "办理中",
  REVIEW: "待复核",
  CLOSED: "已销号",
  DECLINED: "未予挂牌",
};

export const SUPERVISION_STEP_LABELS: Record<SupervisionStepKind, string> = {
  PROPOSE: "提出督办建议",
  LIST: "挂牌督办",
  CONFIRM: "确认挂牌",
  DECLINE: "不予挂牌",
  FEEDBACK: "报送反馈",
  REQUEST_CLOSE: "申请销号",
  APPROVE: "同意销号",
  RETURN: "退回",
  EXTEND: "延期",
};

/** 签约未开工 age bands (thresholds from the rules' 签约未开工 days). */
export function unstartedBandLabel(band: UnstartedBand, yellowDays: number, redDays: number): string {
  switch (band) {
    case "WITHIN_YELLOW": return `${yellowDays}天以内`;
    case "WITHIN_RED": return `${yellowDays + 1}—${redDays}天`;
    case "OVER_RED": return `超过${redDays}天（${TERMS.drawerAgreement}风险）`;
    case "UNDATED": return "签约日期未填";
  }
}
export const daysSinceSigned = (days: number) => `签约已${days}天`;
export const supervisionOverdueBy = (days: number) => `超期${days}天未销号`;

/**
 * Money as a user would type it back, exact and with at most two decimals:
 * 亿元 when that is exact to two decimals, else 万元 (78720 → "78,720万元",
 * 25000 → "2.5亿元"). For form prefills, which are read back by the parser.
 */
export function moneyInput(wan: number): string {
  if (wan >= 10_000 && wan % 100 === 0) return formatMoney(wan);
  return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(wan)}万元`;
}

/** Names of the target metrics, as the seeds' tables head them. */
export const METRIC_NAMES = {
  agreed: "协议资金",
  arrived: "到位资金",
  major: "重大项目",
  large: "较大项目",
  key: "重点项目",
  nonIndustry: "其中：非工业",
} as const;

/** 项目等级 (SPEC "Project class"); below 一般项目 the project is 未达统计标准. */
export const CLASS_NAMES = { MAJOR: "重大项目", LARGE: "较大项目", KEY: "重点项目", GENERAL: "一般项目", NONE: TERMS.belowStandard } as const;
/** 产业类别. */
export const SECTOR_NAMES = { INDUSTRY: "工业", SERVICE: "服务业" } as const;
export const ORIGIN_NAMES = { OUTSIDE_CITY: "市外", IN_CITY_OUTSIDE_DISTRICT: "区外市内", IN_DISTRICT: "区内" } as const;
export const LIGHT_NAMES = { RED: "红灯", YELLOW: "黄灯", GREEN: "绿灯" } as const;

/** "数据截至2026年11月29日". */
export const asOfText = (day: LocalDate) => `${TERMS.asOf}${dayInProse(day, true)}`;

/** A count of projects: "3个". */
export const countText = (n: number) => `${n}个`;

/**
 * Completion against 序时进度 as a 通报 says it, given the points ahead (+) or
 * behind (−) and whether that is beyond the tolerance: "低于序时进度 6.2 个百分点",
 * "高于序时进度 3 个百分点", within the tolerance "基本符合序时进度".
 */
export function paceText(points: number, beyondTolerance: boolean): string {
  return beyondTolerance ? againstPace(points) : `基本符合${TERMS.pace}`;
}

/** Beside a year-to-date figure: "同期 3.2亿元，同比增加 1.1亿元" (money) or "同期 4个，同比增加 1个" (counts). */
export function yearOnYearText(now: number, then: number, money: boolean): string {
  const show = money ? formatMoney : countText;
  const diff = now - then;
  const change = Math.abs(diff) < (money ? 0.005 : 0.5) ? "与同期持平" : `同比${diff > 0 ? "增加" : "减少"} ${show(Math.abs(diff))}`;
  return `${TERMS.yearOnYear} ${show(then)}，${change}`;
}

/** ISO week header: "招商引资工作周调度（2026年第48周，11月23日—29日）". */
export function weeklyTitle(isoYear: number, week: number, start: LocalDate, end: LocalDate): string {
  return `招商引资工作周调度（${isoYear}年第${week}周，${dayRangeInProse(start, end)}）`;
}

/** Title of a period's bulletin: "2026年第4季度", "2026年". */
export function periodInProse(label: string): string {
  const w = /^(\d{4})-W(\d{2})$/.exec(label);
  if (w) return `${w[1]}年第${Number(w[2])}周`;
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return `${q[1]}年第${q[2]}季度`;
  return `${label}年`;
}

/** A rank change since last time, in words a 通报 uses: "上升2位", "下降1位", "持平", "新上榜". */
export function rankChangeText(delta: number | null, wasRanked: boolean): string {
  if (!wasRanked) return "—";
  if (delta === null || delta === 0) return "持平";
  return delta > 0 ? `上升${delta}位` : `下降${-delta}位`;
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

/** The bot cannot open its store at start: one line, the store named without its password. */
export function storeUnreachableAtStart(redactedUrl: string, e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  if (/DATABASE_URL/.test(message)) return message.split("\n")[0]!;
  return `无法连接数据库 ${redactedUrl}：请确认数据库已启动、地址和账号正确、网络可达（DATABASE_URL），然后重新启动。`;
}

/** The lifecycle's words beyond the stage ladder (seed 000's 开工拿地 and 未来订单 nodes). */
export const LIFECYCLE_TERMS = {
  land: "拿地",
  followOn: "未来订单",
} as const;

/** 未来订单 kinds as seed 000 names them. */
export const FOLLOW_ON_KIND_NAMES = { EXPANSION: "增资扩产", PHASE_TWO: "二期", REFERRAL: "以商引商" } as const;

/** The card's line of a follow-on project: "未来订单：源自 #5 年产5万吨锂电材料项目（增资扩产）". */
export const followOnFromText = (parentId: number, parentName: string, kind: keyof typeof FOLLOW_ON_KIND_NAMES) =>
  `${LIFECYCLE_TERMS.followOn}：源自 #${parentId} ${parentName}（${FOLLOW_ON_KIND_NAMES[kind]}）`;

/** The card's line of a producing project's follow-ons: "未来订单：#201 年产5万吨锂电材料二期项目（二期，5亿元）". */
export const followOnChildrenText = (children: Array<{ id: number; name: string; kind: keyof typeof FOLLOW_ON_KIND_NAMES | null; agreedWan: number }>) =>
  `${LIFECYCLE_TERMS.followOn}：${children.map((c) => `#${c.id} ${c.name}（${c.kind ? `${FOLLOW_ON_KIND_NAMES[c.kind]}，` : ""}${formatMoney(c.agreedWan)}）`).join("；")}`;

/** The funnel's figure: "未来订单 3个，协议资金 12.5亿元". */
export const followOnFunnelText = (count: number, agreedWan: number) =>
  `${LIFECYCLE_TERMS.followOn} ${countText(count)}，${TERMS.agreed} ${formatMoney(agreedWan)}`;
