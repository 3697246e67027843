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

/** 星期二: the day of the week of a calendar day, as a meeting notice writes it. */
export const weekdayInProse = (day: LocalDate): string => `星期${"日一二三四五六"[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;

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
export const compositeScoreText = (fraction: number) => `综合得分 ${pointsText(Math.round(fraction * 1000) / 10)}`;
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

/** Direct messages of the 督办 loop, to whoever must act next (the item named as “督办12（#5 项目名）：事项”). */
export const SUPERVISION_DM = {
  closeRequested: (item: string, owner: string, note: string) => `📮 ${item}\n责任人 ${owner} 已申请销号${note ? `，说明：${note}` : ""}。请复核：同意销号，或写明理由退回。`,
  /** Said to whoever took the step when the message could not be delivered. */
  notDelivered: (who: string, error: string) => `⚠️ 未能私信 ${who}（Slack：${error}），请另行告知。`,
  returned: (item: string, by: string, reason: string) => `↩️ ${item}\n销号申请已被督办员 ${by} 退回，理由：${reason}。请继续办理，办结后再次申请销号。`,
} as const;

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

/** A project field (or history row) as people name it: history, confirmations, refusals. */
export const FIELD_LABELS: Record<string, string> = {
  name: "名称", investor: "投资方", industryChain: "产业链", groupId: "工作组", leadUnitId: "牵头单位", landingUnitId: "落地单位",
  coUnitIds: "配合单位", responsibleUserIds: "责任人", origin: "来源", sector: "产业类别", agreedWan: "协议资金", outputWan: "年产值",
  stage: "阶段", leadAt: "线索日期", negotiatingAt: "洽谈日期", signedAt: "签约日期", registeredAt: "注册日期", startedAt: "开工日期",
  producingAt: "投产日期", atCapacityAt: "达产日期", droppedAt: "终止日期", landAt: "拿地日期", followOnOfId: "源自项目", followOnKind: "未来订单类型", dropReason: "终止原因", leaderName: "包联领导", leaderSlackId: "包联领导（Slack）",
  nextStep: "下一步", nextStepDue: "下一步截止", blockers: "问题堵点", blockerKind: "堵点类型", blockerUnit: "堵点责任单位", CREATED: "新建", PROGRESS: "进展", FUNDS: "到位资金", SUPERVISION: "督办",
};

/** A form filled in on a version others changed since, where both changed the same field. */
export const formOverlap = (projectId: number, field: string, by: string) =>
  `项目 #${projectId} 的“${field}”在你打开表单后已被${by}修改，本次修改未保存。请查看最新内容后重新填写。`;

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

/**
 * A direct message Slack would not deliver, said as what it is (not as a
 * channel problem): whom, Slack's reason, and what to fix.
 */
export function dmNotDelivered(who: string, userId: string, error: string): string {
  const fix =
    error === "cannot_dm_bot" ? "该 ID 是机器人账号，不能私信：请改为本人的 Slack ID"
    : error === "user_disabled" || error === "account_inactive" ? "该账号已停用：请在名录中更换人员或更新其 Slack ID"
    : error === "channel_not_found" || error === "user_not_found" ? "Slack 中找不到该用户：请核对名录中的 Slack ID"
    : "请核对名录中的 Slack ID，或稍后重试";
  return `无法私信${who} ${userId}：${error}（${fix}）`;
}

/** The bot cannot open its store at start: one line, the store named without its password. */
export function storeUnreachableAtStart(redactedUrl: string, e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  if (/DATABASE_URL/.test(message)) return message.split("\n")[0]!;
  return `无法连接数据库 ${redactedUrl}：请确认数据库已启动、地址和账号正确、网络可达（DATABASE_URL），然后重新启动。`;
}

/** The sandbox's time travel: what it does to the data, said on the page (one wording for banner, panel and answers). */
export const TIME_TRAVEL = {
  rule: "时间旅行在沙盒数据的临时副本上进行：出发前保存当前数据，回到今天时旅行期间的项目改动、进展记录和推送全部撤销，不留下未来日期的记录。",
  away: (day: string) => `正在时间旅行（沙盒时间 ${day}）：此间的改动回到今天时撤销。`,
  returnHome: "回到今天",
  returned: "已回到今天，时间旅行期间的改动已撤销。",
} as const;

/** Points out of 100, one decimal: 56.5 → "56.5 分". */
export const pointsText = (points: number) => `${points.toFixed(1)} 分`;

/** A list of names as a 通报 writes it: "甲、乙和丙". */
export function namesInProse(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join("、")}和${names.at(-1)}`;
}

/** 季通报 and 年考核 (seed 003: "任务完成情况实行季通报、年考核"). */
export const ASSESSMENT_TEXTS = {
  bulletinTitle: (periodLabel: string) => `${periodInProse(periodLabel)}招商引资目标任务完成情况通报`,
  reviewTitle: (year: number) => `${year}年度招商引资目标任务考核结果`,
  subjects: { group: "各专项招商工作组", unit: "各责任单位" } as const,
  advanced: "先进",
  lagging: "后进",
  /** "协议资金完成率位列前三的是" (with "（含并列）" when ties name more). */
  topPhrase: (what: string, named: number, tied: string) => `${what}位列前${chineseNumeral(named)}${tied}的是`,
  bottomPhrase: (tied: string) => `排名靠后${tied}的是`,
  tied: "（含并列）",
  overall: "综合得分",
  noTargets: "均未设年度目标",
  /** "甲、乙协议资金完成率分别低于序时进度 12.3、8 个百分点，予以通报". */
  behindPace: (names: readonly string[], points: readonly number[]) =>
    `${namesInProse(names)}${TERMS.agreed}完成率${names.length > 1 ? "分别" : ""}低于${TERMS.pace} ${points.map((p) => Math.abs(p)).join("、")} 个百分点，予以通报`,
  allOnPace: (subjects: string) => `${subjects}${TERMS.agreed}完成率均基本符合或高于${TERMS.pace}`,
  noTarget: "未设目标",
  unstartedOverLimit: (days: number) => `${TERMS.unstarted}超过${days}天`,
  deduction: "扣分",
  baseScore: "综合得分（扣分前）",
  finalScore: "考核得分",
  yearNotOver: "年度尚未结束，以上为测算结果",
  deductionRule: (per: number, cap: number | null, days: number) =>
    per > 0 ? `${TERMS.unstarted}超过${days}天的项目每个扣 ${per} 分${cap === null ? "" : `，最多扣 ${cap} 分`}` : "未设扣分项",
} as const;

/**
 * What the 调度会 says in Slack, the jobs and the services: /project 决定 and
 * 散会, the decision form and its buttons, the agenda post and the 纪要 post.
 * Values passed in are already escaped for Slack where they go to Slack.
 */
export const MEETING_TEXTS = {
  decideExample: '/project 决定 #7 事项="协调解决土地指标" 责任单位=区规划自然资源局 责任人=@王小峡 期限=12-31',
  decideProjectHint: "例如 /project 决定 #7 事项=… 责任单位=… 责任人=@… 期限=12-31",
  generalMatter: "综合事项",
  /** First line of the answer to a recorded decision. */
  decisionRecorded: (meetingTitle: string, meetingDate: LocalDate, decisionId: number, supervisionId: number | null) =>
    `✅ 已记入${meetingTitle}（${dayInProse(meetingDate)}）决定事项 ${decisionId}${supervisionId !== null ? `，已挂牌督办（督办${supervisionId}）` : ""}`,
  decisionDuty: (unit: string, owner: string, deadline: LocalDate) => `责任单位：${unit}　责任人：${owner}　时限：${dayInProse(deadline)}`,
  decisionRecordedShort: (decisionId: number) => `已记录会议决定 ${decisionId}`,
  adjourned: (closedNow: boolean, meetingTitle: string, meetingDate: LocalDate) => `${closedNow ? "✅ 已散会" : "该会议此前已散会"}：${meetingTitle}（${dayInProse(meetingDate)}）。`,
  adjournedShort: (closedNow: boolean) => (closedNow ? "已散会" : "此前已散会"),
  minutesPosted: {
    posted: "会议纪要已发到汇总频道。",
    already: "会议纪要此前已发布。",
    no_channel: "未配置汇总频道，会议纪要未发布；可用 dispatch meeting minutes 生成。",
    open: "",
  },
  minutesPostTitle: (meetingTitle: string, meetingDate: LocalDate) => `${meetingTitle}${TERMS.minutes}（${dayInProse(meetingDate, true)}）`,
  minutesPostSummary: (count: number) => `本次会议议定事项 ${count} 项，均已挂牌督办（综合事项除外），下次调度会逐项报告落实情况。`,
  minutesAttached: "会议纪要见附件（Word）",
  minutesFileName: (meetingDate: LocalDate) => `${meetingDate}-${TERMS.minutes}.docx`,
  agendaPostText: (meetingTitle: string, meetingDate: LocalDate) => `${meetingTitle}${TERMS.agenda}（${meetingDate}）`,
  agendaTimePlace: (date: LocalDate, time: string, place: string, host: string, asOf: LocalDate) =>
    `会议时间：${dayInProse(date, true)} ${time}${place ? `　地点：${place}` : ""}${host ? `　${TERMS.host}：${host}` : ""}　${TERMS.asOf} ${dayInProse(asOf)}`,
  agendaSectionCount: (n: number) => `（${n} 项）`,
  agendaFollowUpCounts: (done: number, inProgress: number, overdue: number) => `已落实 ${done} 项　推进中 ${inProgress} 项　逾期 ${overdue} 项`,
  /** The weekly summary's line on the decisions of earlier meetings. */
  decisionTally: (done: number, inProgress: number, overdue: number) => `*${TERMS.decision}*：已落实 ${done} 项，推进中 ${inProgress} 项，逾期 ${overdue} 项`,
  agendaByKind: (groups: string[]) => `按要素类别：${groups.join("；")}`,
  agendaNone: "无",
  agendaMore: (n: number) => `另有 ${n} 项未列出；完整议程：dispatch meeting agenda --format docx`,
  agendaHowToDecide: "会上可点“记录决定”，或发送 /project 决定 #编号 事项=… 责任单位=… 责任人=@… 期限=…；会后发送 /project 散会 生成会议纪要。",
  noSummaryChannel: "未配置汇总频道（SUMMARY_CHANNEL_ID 或 dispatch jobs configure）",
  decideButton: "记录决定",
  decideButtonNumbered: (n: number) => `记录决定 ${n}`,
  projectGone: (projectId: number) => `项目 #${projectId} 已不存在。`,
  projectGoneShort: "项目不存在",
  projectNumbered: (projectId: number) => `项目 #${projectId}`,
  blockersLine: (text: string) => `问题堵点：${text}`,
  form: {
    title: "记录会议决定",
    submit: "记录",
    cancel: "取消",
    matter: "决定事项",
    matterExample: "例如：由区规划自然资源局牵头协调解决土地指标",
    unit: "责任单位",
    owner: "责任人",
    deadline: "完成时限",
    needMatter: "请写明决定事项，例如：由区规划自然资源局牵头协调解决土地指标",
    needUnit: "请写明责任单位，例如：区规划自然资源局",
    needOwner: "请选择责任人",
    needDeadline: "请选择完成时限",
  },
  /** The 会前议程 as a printed document (src/reports/agenda-docx.ts). */
  doc: {
    title: (meetingTitle: string, ordinal: number | null | undefined) => `${ordinal ? `第${chineseNumeral(ordinal)}次` : ""}${meetingTitle}议程`,
    asOf: (day: LocalDate) => `（${TERMS.asOf}${dayInProse(day, true)}）`,
    time: (date: LocalDate, time: string) => `时　　间：${dayInProse(date, true)}（${weekdayInProse(date)}）${time ? ` ${time}` : ""}`,
    place: (place: string) => `地　　点：${place || "—"}`,
    host: (host: string) => `${TERMS.host}　　：${host || "—"}`,
    attendees: (units: string[]) => `${TERMS.attendees}：${units.join("、") || "—"}`,
    sectionHeading: (n: number, title: string) => `${chineseNumeral(n)}、${title}`,
    columns: { no: "序号", project: "项目", group: "工作组", matter: "决定事项", blockers: "堵点及进展", status: "落实情况", unit: TERMS.responsibleUnit, deadline: TERMS.timeLimit },
    none: "无。",
    byKind: (groups: string[]) => `按要素类别：${groups.join("；")}。`,
    followUpCounts: (done: number, inProgress: number, overdue: number) => `已落实${done}项，推进中${inProgress}项，逾期${overdue}项。`,
    empty: "—",
    deadlineBefore: (day: LocalDate) => `${dayInProse(day)}前`,
    /** Around the page number in the footer: — 1 —. */
    pageNumberAround: ["— ", " —"] as const,
  },
  /** The 督办 item a decision opens. */
  supervisionNote: "调度会决定",
  supervisionIssue: (matter: string) => `调度会决定：${matter}`,
  refusals: {
    incomplete: (example: string) => `决定事项需要写明事项、责任单位、责任人和期限，例如：${example}`,
    pastDeadline: (deadline: LocalDate) => `期限 ${deadline} 已过，请给一个今天或以后的日期，例如 期限=12-31`,
    noProject: (projectId: number) => `项目 #${projectId} 不存在。不针对项目的决定请不写编号，例如：/project 决定 事项="梳理闲置厂房" 责任单位=区经济信息委 责任人=李科长 期限=12-31`,
    notOnProject: (projectId: number, who: string) => `你不能为项目 #${projectId} 记录会议决定。可操作的人：${who}。`,
    generalNeedsAdmin: "不针对项目的综合事项只能由管理员（会议记录人）记录；针对项目的决定请写项目编号，例如 /project 决定 #7 …",
    noMeeting: (meetingId: number) => `会议 ${meetingId} 不存在。`,
    meetingClosed: (meetingTitle: string, meetingDate: LocalDate) => `${meetingTitle}（${meetingDate}）已散会，不能再记录决定；请在下一次会议上记录。`,
    closeGeneralNeedsAdmin: "综合事项只能由管理员（会议记录人）销号。",
    noDecision: (decisionId: number) => `决定事项 ${decisionId} 不存在。`,
    decisionSupervised: (decisionId: number, supervisionId: number) => `决定事项 ${decisionId} 已挂牌督办，请通过督办销号：/project 销号 督办${supervisionId}`,
    decisionClosed: (decisionId: number) => `决定事项 ${decisionId} 已于此前销号。`,
    adjournNeedsAdmin: "散会只能由管理员（会议记录人）操作。",
    noOpenMeeting: "今天没有进行中的调度会。先记录决定（/project 决定 …）或用 dispatch meeting new 建会。",
  },
} as const;

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
