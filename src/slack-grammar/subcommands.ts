import { editDistance, fold, shown } from "./text.ts";
import { SUBCOMMANDS, type SubcommandName } from "./types.ts";

// Subcommand words: Chinese first, English alias. A word that is not one of
// them is refused with the closest ones suggested; common synonyms (修改,
// 添加 …) are only suggested, never accepted, so each action has one name.

export interface SubcommandInfo {
  zh: string;
  en: string;
  /** One line saying what it does, for help and suggestions. */
  summary: string;
  example: string;
}

export const SUBCOMMAND_INFO: Record<SubcommandName, SubcommandInfo> = {
  new: { zh: "新建", en: "new", summary: "登记新项目", example: "/project 新建 锂电池项目 投资方=宁德时代 协议资金=25亿 来源=市外 产业类别=工业" },
  update: { zh: "更新", en: "update", summary: "更新项目进展、阶段、下一步等", example: '/project 更新 #12 阶段=签约 进展="已完成土地摘牌" 截止=12-15' },
  show: { zh: "查看", en: "show", summary: "查看一个项目的详情", example: "/project 查看 #12" },
  list: { zh: "列表", en: "list", summary: "列出项目，可按工作组、阶段、红黄绿灯筛选", example: "/project 列表 工作组=新能源组 灯=红" },
  funds: { zh: "到位", en: "funds", summary: "登记一笔到位资金", example: "/project 到位 #7 +500万 2026-11-20" },
  followOn: { zh: "未来订单", en: "followon", summary: "为已投产、达产项目登记增资扩产、二期、以商引商（新建关联项目）", example: '/project 未来订单 #12 类型=增资扩产 名称="智能终端扩产项目" 协议资金=5亿' },
  supervise: { zh: "督办", en: "supervise", summary: "把问题挂牌督办", example: '/project 督办 #7 事项="土地指标未落实" 责任人=@王小峡 期限=12-31' },
  feedback: { zh: "反馈", en: "feedback", summary: "责任人报送督办事项办理情况", example: "/project 反馈 督办12 已完成用地预审，待市级批复" },
  request: { zh: "申请销号", en: "request", summary: "责任人办结后申请销号，由督办员复核", example: '/project 申请销号 督办12 说明="用地指标已落实"' },
  return: { zh: "退回", en: "return", summary: "督办员复核不通过，退回继续办理", example: '/project 退回 督办12 理由="批复文件尚未下达"' },
  extend: { zh: "延期", en: "extend", summary: "督办员调整督办期限（须写理由）", example: '/project 延期 督办12 期限=12-31 理由="等待市级批复"' },
  unstarted: { zh: "未开工", en: "unstarted", summary: "签约未开工项目清单（按签约时长分段）", example: "/project 未开工 工作组=新材料" },
  close: { zh: "销号", en: "close", summary: "督办员复核同意销号（责任人发送即为申请销号）", example: '/project 销号 督办12 说明="已解决"' },
  stalled: { zh: "滞后", en: "stalled", summary: "查看红灯、黄灯项目", example: "/project 滞后 工作组=新能源组" },
  rank: { zh: "排名", en: "rank", summary: "工作组或责任单位排名", example: "/project 排名 单位" },
  digest: { zh: "调度", en: "digest", summary: "本周调度汇总", example: "/project 调度" },
  decide: { zh: "决定", en: "decide", summary: "记录调度会决定事项（同时挂牌督办）", example: "/project 决定 #7 事项=\"协调土地指标\" 责任单位=区规划自然资源局 责任人=@王小峡 期限=12-31" },
  adjourn: { zh: "散会", en: "adjourn", summary: "结束调度会并发布会议纪要", example: "/project 散会" },
  help: { zh: "帮助", en: "help", summary: "查看用法", example: "/project 帮助 更新" },
};

/** Words people reach for instead of the real subcommand; only used to suggest. */
const SYNONYMS: Record<string, SubcommandName> = {
  添加: "new", 新增: "new", 创建: "new", 登记: "new", 录入: "new", add: "new", create: "new",
  修改: "update", 编辑: "update", 改: "update", 进展: "update", 进度: "update", edit: "update", set: "update",
  查询: "show", 详情: "show", 看: "show", 项目: "show", view: "show", info: "show", get: "show",
  所有: "list", 全部: "list", 清单: "list", 我的: "list", ls: "list", all: "list",
  资金: "funds", 到账: "funds", 资金到位: "funds", fund: "funds", money: "funds",
  增资扩产: "followOn", 二期: "followOn", 以商引商: "followOn", 后续投资: "followOn",
  挂牌: "supervise", 挂牌督办: "supervise",
  签约未开工: "unstarted", 抽屉协议: "unstarted",
  延长: "extend", 展期: "extend",
  办结: "close", 关闭: "close", 解决: "close", done: "close",
  红灯: "stalled", 黄灯: "stalled", 预警: "stalled", 红黄灯: "stalled", 逾期: "stalled",
  排行: "rank", 排行榜: "rank", ranking: "rank",
  决议: "decide", 议定: "decide", 会议决定: "decide", decision: "decide",
  结束会议: "adjourn", 闭会: "adjourn", 会议结束: "adjourn",
  周报: "digest", 汇总: "digest", 调度会: "digest", summary: "digest", weekly: "digest",
  "?": "help", 说明: "help", 用法: "help", 怎么用: "help", h: "help",
};

const BY_WORD: Map<string, SubcommandName> = new Map(
  SUBCOMMANDS.flatMap((name) => [
    [SUBCOMMAND_INFO[name].zh, name],
    [SUBCOMMAND_INFO[name].en, name],
  ]),
);

/** The subcommand a word names exactly (Chinese or English, any case or width); null otherwise. */
export function resolveSubcommand(word: string): SubcommandName | null {
  return BY_WORD.get(fold(word)) ?? null;
}

/** `更新（update）` */
export function subcommandLabel(name: SubcommandName): string {
  return `${SUBCOMMAND_INFO[name].zh}（${SUBCOMMAND_INFO[name].en}）`;
}

/** Closest subcommands to a mistyped word: synonyms first, then by edit distance (1 for short words, 2 for longer). */
export function suggestSubcommands(word: string): SubcommandName[] {
  const w = fold(word).slice(0, 30);
  const synonym = SYNONYMS[w];
  if (synonym) return [synonym];
  let best = Infinity;
  let found: SubcommandName[] = [];
  for (const name of SUBCOMMANDS) {
    const { zh, en } = SUBCOMMAND_INFO[name];
    const d = Math.min(editDistance(w, zh), editDistance(w, en));
    if (d < best) [best, found] = [d, [name]];
    else if (d === best) found.push(name);
  }
  const limit = Array.from(w).length <= 3 ? 1 : 2;
  return best <= limit ? found : [];
}

export function unknownSubcommand(word: string, rest: string): string {
  const suggestions = suggestSubcommands(word);
  const all = SUBCOMMANDS.map((n) => SUBCOMMAND_INFO[n].zh).join("、");
  // Text that already looks like an update (`/project 锂电池 阶段=签约`) is shown rewritten.
  const looksLikeUpdate = suggestions.length === 0 && /[=＝]/.test(rest);
  const head = `不认识的子命令“${shown(word)}”。`;
  if (suggestions.length) {
    const first = suggestions[0]!;
    return (
      `${head}是不是想用：${suggestions.map(subcommandLabel).join("、")}？\n` +
      `例如：${SUBCOMMAND_INFO[first].example}\n全部用法请发送 /project 帮助`
    );
  }
  if (looksLikeUpdate) {
    return `${head}更新项目请以“更新”开头，例如：${SUBCOMMAND_INFO.update.example}\n全部用法请发送 /project 帮助`;
  }
  return `${head}可用的子命令：${all}。\n例如：${SUBCOMMAND_INFO.update.example}\n全部用法请发送 /project 帮助`;
}
