import { blockerKindList } from "../domain/blockers.ts";
import { DATE_FORMS } from "./dates.ts";
import { FIELD_TABLES, type FieldDef } from "./fields.ts";
import { SUBCOMMAND_INFO } from "./subcommands.ts";
import { SUBCOMMANDS, type SubcommandName } from "./types.ts";
import { STAGE_CHOICES } from "./values.ts";

// Help as Slack mrkdwn-friendly plain text, with real examples. Field lists
// are generated from the field tables so help cannot drift from the parser.

const WRITING = [
  "*写法*",
  "• 项目：写编号 #12，或名称中的几个字；名称有空格时加引号，如 \"锂电 二期\"",
  '• 字段：字段=值（= 也可写 ＝ 或 ：）；值里有空格时用引号括起来，如 进展="已完成 土地摘牌"，“”「」 也可以',
  "• 金额：3000万、2.5亿、1,200万元；不写单位按万元",
  `• 日期：${DATE_FORMS}`,
  "• 信息不够时（如 /project 更新 #12）会打开表单，已写的内容会预先填好",
].join("\n");

function fieldLines(table: FieldDef[]): string {
  return table
    .map((d) => {
      const en = d.aliases.filter((a) => /^[a-z_]+$/.test(a));
      const zh = d.aliases.filter((a) => !/^[a-z_]+$/.test(a));
      return `• ${[d.key, ...zh].join("/")}${en.length ? `（${en.join("/")}）` : ""}：如 ${d.example}`;
    })
    .join("\n");
}

interface Topic {
  usage: string;
  examples: string[];
  notes?: string[];
}

const TOPICS: Record<SubcommandName, Topic> = {
  new: {
    usage: "/project 新建 项目名称 字段=值 …",
    examples: [
      "/project 新建 锂电池项目 投资方=宁德时代 协议资金=25亿 来源=市外 产业类别=工业",
      '/project 新建 名称="智能网联 汽车零部件" 投资方=某某科技 来源=区外市内 产业类别=工业 工作组=数字经济 阶段=洽谈',
      "/project 新建（打开表单）",
    ],
    notes: ["名称、投资方、来源、类别是必填项；少写时会打开表单补全", `阶段可填：${STAGE_CHOICES}`],
  },
  update: {
    usage: "/project 更新 #编号 字段=值 …",
    examples: [
      '/project 更新 #7 阶段=开工 进展="已取得施工许可" 截止=12-15',
      '/project 更新 #7 下一步="主体厂房封顶" 截止=下周五 问题="用地指标未落实"',
      "/project 更新 #7 卡点=用地:土地指标未落实",
      '/project 更新 #7 堵点="土地指标未落实" 堵点类型=用地 堵点单位=区规划自然资源局',
      "/project 更新 #7 到位=+3000万 到位日期=11-20",
      '/project 更新 #5 阶段=终止 原因="投资方调整计划"',
      "/project 更新 #7（打开表单）",
    ],
    notes: ['阶段退回或终止必须写 原因="…"', "一次跨越两个及以上阶段（如 签约→达产）须加 确认=是，跳过的阶段日期留空", "拿地是开工拿地节点的里程碑：写 拿地=11-20（或 阶段=拿地，按今天登记），阶段不变，开工率只计开工", '下一步、截止、问题、产业链、包联领导写 ="" 可清空（截止也可写 无）', "责任人请用 @ 选择成员，多人用空格分隔", `堵点类型可填：${blockerKindList()}；堵点单位不写时按类别由规则确定的部门负责`],
  },
  show: {
    usage: "/project 查看 #编号 或 /project 查看 名称中的几个字",
    examples: ["/project 查看 #7", "/project 查看 锂电", "/project #7（同 查看 #7）"],
  },
  list: {
    usage: "/project 列表 [工作组=…] [阶段=…] [灯=红|黄|绿] [我的]",
    examples: ["/project 列表", "/project 列表 我的", "/project 列表 工作组=数字经济 灯=红", "/project 列表 签约 黄"],
    notes: ["灯、阶段也可以直接写，如 /project 列表 红"],
  },
  funds: {
    usage: "/project 到位 #编号 金额 [日期] [说明=\"…\"]",
    examples: ["/project 到位 #7 +500万", "/project 到位 #7 500万 2026-11-20", '/project 到位 #7 到位=2.5亿 到位日期=昨天 说明="第二笔"', "/project 到位 #7（打开表单）"],
    notes: ["到位资金按笔登记、逐笔累加，金额不能为负，日期不能晚于今天；不写日期按今天登记"],
  },
  followOn: {
    usage: '/project 未来订单 #编号 类型=增资扩产|二期|以商引商 名称="…" 字段=值 …',
    examples: [
      '/project 未来订单 #12 类型=增资扩产 名称="智能终端扩产项目" 协议资金=5亿',
      '/project 未来订单 #12 智能终端二期项目 类型=二期 协议资金=8亿 阶段=洽谈',
      '/project 未来订单 #12 类型=以商引商 名称="配套电子元件项目" 投资方="重庆某某电子有限公司" 协议资金=2亿',
    ],
    notes: [
      "未来订单须源自已投产或达产的项目，登记为一个新项目，卡片上注明“源自 #编号”",
      "工作组、责任单位、包联领导、责任人、来源、产业类别默认与源项目相同，可用字段另写；以商引商须写明投资方",
    ],
  },
  supervise: {
    usage: '/project 督办 #编号 事项="…" 责任人=@成员 期限=日期',
    examples: ['/project 督办 #7 事项="土地指标未落实" 责任人=@王小峡 期限=12-31', '/project 督办 #7 事项="环评批复" 责任人=区生态环境局 期限=+30'],
    notes: ["督办员发送即挂牌督办；项目所在工作组成员、责任人发送为督办建议，由督办员确认后挂牌", "责任人可以 @ 成员，也可以写不在 Slack 里的人名或单位（由项目编辑人代为反馈）"],
  },
  feedback: {
    usage: "/project 反馈 督办编号 内容",
    examples: ["/project 反馈 督办12 已完成用地预审，待市级批复", '/project 反馈 督办12 内容="已报市规划局"'],
    notes: ["只有督办事项的责任人可以报送反馈；每条反馈都记入督办历史"],
  },
  request: {
    usage: '/project 申请销号 督办编号 [说明="…"]',
    examples: ['/project 申请销号 督办12 说明="用地指标已落实"', "/project 申请销号 督办12 已办结"],
    notes: ["由责任人申请，督办员复核同意后才销号；本人不能为自己的事项销号"],
  },
  return: {
    usage: '/project 退回 督办编号 理由="…"',
    examples: ['/project 退回 督办12 理由="批复文件尚未下达"'],
    notes: ["只有督办员可以退回，须写明理由；退回后责任人继续办理，可再次申请销号"],
  },
  extend: {
    usage: '/project 延期 督办编号 期限=日期 理由="…"',
    examples: ['/project 延期 督办12 期限=12-31 理由="等待市级批复"'],
    notes: ["只有督办员可以延期，须写明理由，新期限须晚于原期限"],
  },
  unstarted: {
    usage: "/project 未开工 [工作组=…]",
    examples: ["/project 未开工", "/project 未开工 工作组=新材料"],
    notes: ["列出签约、注册后尚未开工的项目，按签约时长分段，最久的在前"],
  },
  close: {
    usage: '/project 销号 督办编号 [说明="…"] 或 /project 销号 #项目编号（督办员复核同意销号；责任人发送即申请销号）',
    examples: ['/project 销号 督办1 说明="已解决"', "/project 销号 督办 7", '/project 销号 #7 说明="指标已落实"'],
    notes: ["督办编号见督办提醒消息；写项目编号时，销号该项目未办结的督办事项"],
  },
  stalled: {
    usage: "/project 滞后 [工作组=…]",
    examples: ["/project 滞后", "/project 滞后 工作组=数字经济", "/project 滞后 数字经济"],
    notes: ["列出红灯、黄灯项目及原因，按工作组分组"],
  },
  rank: {
    usage: "/project 排名 [工作组|单位]",
    examples: ["/project 排名", "/project 排名 单位"],
    notes: ["默认按工作组排名；写“单位”按责任单位排名"],
  },
  digest: {
    usage: "/project 调度",
    examples: ["/project 调度"],
    notes: ["本周调度汇总：签约、阶段推进、到位资金、目标进度、红黄灯"],
  },
  decide: {
    usage: '/project 决定 [#编号] 事项="…" 责任单位=… 责任人=@成员 期限=日期',
    examples: ['/project 决定 #7 事项="协调解决土地指标" 责任单位=区规划自然资源局 责任人=@王小峡 期限=12-31', '/project 决定 事项="梳理全区闲置厂房" 责任单位=区经济信息委 责任人=李科长 期限=+14'],
    notes: ["记入当前调度会，有项目编号时同时挂牌督办；不写项目编号为综合事项", "下次调度会议程逐项报告落实情况"],
  },
  adjourn: {
    usage: "/project 散会",
    examples: ["/project 散会"],
    notes: ["结束当前调度会，会议纪要（Word）发到汇总频道"],
  },
  help: {
    usage: "/project 帮助 [子命令]",
    examples: ["/project 帮助", "/project 帮助 更新", "/project help funds"],
  },
};

function topicHelp(name: SubcommandName): string {
  const info = SUBCOMMAND_INFO[name];
  const t = TOPICS[name];
  const table = FIELD_TABLES[name];
  return [
    `*/project ${info.zh}（${info.en}）*：${info.summary}`,
    `用法：${t.usage}`,
    "例如：",
    ...t.examples.map((e) => `• ${e}`),
    ...(table.length ? ["可用字段：", fieldLines(table)] : []),
    ...(t.notes?.length ? ["说明：", ...t.notes.map((n) => `• ${n}`)] : []),
    "全部用法：/project 帮助",
  ].join("\n");
}

function generalHelp(): string {
  return [
    "*/project 用法*（子命令中文、英文均可）",
    ...SUBCOMMANDS.map((n) => `• ${SUBCOMMAND_INFO[n].zh} ${SUBCOMMAND_INFO[n].en}：${SUBCOMMAND_INFO[n].summary}\n   ${SUBCOMMAND_INFO[n].example}`),
    WRITING,
    "某个子命令的详细用法：/project 帮助 更新",
  ].join("\n");
}

/** Help for one subcommand, or the overview when no topic is given. */
export function helpFor(topic?: SubcommandName | null): string {
  return topic ? topicHelp(topic) : generalHelp();
}

export const HELP_TEXT: string = helpFor();

/**
 * Every example of the help, in the order shown, as a person would type it
 * ("（打开表单）" and "（同 …）" are remarks, not part of the command). They are
 * written for the demo district (a member of 数字经济组 in its channel), and a
 * test runs each of them there.
 */
export function helpExamples(): string[] {
  return Object.values(TOPICS).flatMap((t) => t.examples.map((e) => e.replace(/（[^）]*）$/, "").trim()));
}
