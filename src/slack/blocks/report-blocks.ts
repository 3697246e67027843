import { weeklySupervisionLines, weeklyUnstartedLines } from "../../reports/weekly-accountability.ts";
import { CLASS_LABELS } from "../../domain/project-class.ts";
import { percent, paceLabel, score } from "../../reports/format.ts";
import type { RankingReport } from "../../reports/ranking-report.ts";
import type { StalledList } from "../../reports/stalled-list.ts";
import type { WeeklySummary } from "../../reports/weekly-summary.ts";
import type { ProjectClass, Stage } from "../../domain/types.ts";
import { context, divider, esc, fields, header, LIMITS, section, sectionsOf, type Block } from "./kit.ts";
import { stageLabel, wan } from "./labels.ts";

// Reports as Slack messages. Each builder returns a list of messages: the
// first is the post, the rest continue it (in its thread), so a long list is
// split, never cut, and every message stays within 50 blocks.

export type Messages = Block[][];

/** Packs blocks into messages of at most `max` blocks each. */
export function paginate(blocks: Block[], max: number = LIMITS.blocksMessage): Messages {
  const out: Messages = [];
  for (let i = 0; i < blocks.length; i += max) out.push(blocks.slice(i, i + max));
  return out.length ? out : [[]];
}

const stage = (s: Stage | null) => (s ? stageLabel(s) : "—");

export function weeklyMessages(r: WeeklySummary): Messages {
  const y = r.yearToDate;
  const main: Block[] = [
    header(`📋 招商引资周调度 ${r.period.label}`),
    context([`${r.period.start} 至 ${r.period.end}，数据截至 ${r.period.asOf}${r.calendarWarning ? `　⚠️ ${esc(r.calendarWarning)}` : ""}`]),
    section(
      `*上周*：签约 *${r.totals.signedCount}* 个，协议资金 *${wan(r.totals.signedAgreedWan)}*（计权 ${wan(r.totals.signedWeightedWan)}）；` +
        `到位资金 *${wan(r.totals.fundsWan)}*（计权 ${wan(r.totals.fundsWeightedWan)}）；阶段推进 ${r.stageMoves.length} 次`,
    ),
    fields([
      `*协议资金（年累计）*\n${wan(y.achieved.agreed)} / ${wan(y.target.agreed)}　${percent(y.completion.agreed)} ${paceLabel(y.pace.agreed)}`,
      `*到位资金（年累计）*\n${wan(y.achieved.arrived)} / ${wan(y.target.arrived)}　${percent(y.completion.arrived)} ${paceLabel(y.pace.arrived)}`,
      `*重大 / 较大 / 重点*\n${y.achieved.major}/${y.target.major}　${y.achieved.large}/${y.target.large}　${y.achieved.key}/${y.target.key}`,
      `*时间进度*\n${percent(r.yearShareElapsed)}`,
      `*红黄绿灯*\n🔴 ${r.health.red}　🟡 ${r.health.yellow}　🟢 ${r.health.green}`,
      `*开工率 / 到位率 / 投产达效率*\n${percent(r.rates.conversion.rate)} / ${percent(r.rates.fundsArrival.rate)} / ${percent(r.rates.productionRate.rate)}`,
    ]),
    section(`*阶段分布*　${r.funnel.map((f) => `${f.label} ${f.count}`).join("　")}`),
    section(`*上周无更新的工作组*：${r.groupsWithoutUpdate.length ? r.groupsWithoutUpdate.map((g) => esc(g.name)).join("、") : "无"}`),
  ];
  if (r.topMovers.length)
    main.push(section(`*进展最快*\n${r.topMovers.map((m) => `• #${m.projectId} ${esc(m.name)}（${esc(m.group)}）${m.stagesAdvanced ? `推进 ${m.stagesAdvanced} 个阶段` : ""}${m.fundsWan ? ` 到位 ${wan(m.fundsWan)}` : ""}`).join("\n")}`));

  if (r.unstarted) main.push(section(`*签约未开工*\n${esc(weeklyUnstartedLines(r.unstarted).join("\n"))}`));
  if (r.supervision) main.push(section(`*督办*\n${esc(weeklySupervisionLines(r.supervision).join("\n"))}`));
  const detail: Block[] = [];
  if (r.signings.length) {
    detail.push(divider(), section("*上周签约*"));
    detail.push(...sectionsOf(r.signings.map((s) => `• #${s.projectId} ${esc(s.name)}　${CLASS_LABELS[s.projectClass as ProjectClass]}　${wan(s.agreedWan)}（计权 ${wan(s.weightedWan)}）　${esc(s.group)}　${s.signedOn}`)));
  }
  if (r.stageMoves.length) {
    detail.push(divider(), section("*上周阶段推进*"));
    detail.push(...sectionsOf(r.stageMoves.map((m) => `• #${m.projectId} ${esc(m.name)}　${stage(m.from)} → ${stage(m.to)}　${m.on}`)));
  }
  if (r.fundsArrived.length) {
    detail.push(divider(), section("*上周资金到位*"));
    detail.push(...sectionsOf(r.fundsArrived.map((f) => `• #${f.projectId} ${esc(f.name)}　${wan(f.amountWan)}（计权 ${wan(f.weightedWan)}）　${f.date}`)));
  }
  return [main, ...(detail.length ? paginate(detail) : [])];
}

export function stalledMessages(r: StalledList): Messages {
  const blocks: Block[] = [header(`⚠️ 滞后项目清单（截至 ${r.asOf}）`), section(`红灯 *${r.counts.red}* 个，黄灯 *${r.counts.yellow}* 个`)];
  if (!r.groups.length) blocks.push(section("没有红灯或黄灯项目。"));
  for (const g of r.groups) {
    blocks.push(divider(), section(`*${esc(g.name)}*　🔴 ${g.red}　🟡 ${g.yellow}`));
    blocks.push(
      ...sectionsOf(
        g.projects.map((p) => `${p.light === "RED" ? "🔴" : "🟡"} *#${p.projectId}* ${esc(p.name)}（${p.stageLabel}）：${p.reasons.map((x) => esc(x.text)).join("；")}`),
      ),
    );
  }
  return paginate(blocks);
}

export function rankingMessages(r: RankingReport): Messages {
  const title = r.by === "group" ? "专项招商工作组排名" : "责任单位排名";
  const lines = r.entries.map(
    (e) =>
      `${e.rank ?? "—"}. ${e.change.label}　*${esc(e.name)}*${e.behindPace ? " ⚠️" : ""}　得分 ${score(e.score)}　协议 ${wan(e.achieved.agreed)}（${percent(e.completion.agreed)}）　到位 ${wan(e.achieved.arrived)}（${percent(e.completion.arrived)}）`,
  );
  return paginate([
    header(`🏆 ${title} ${r.period.label}`),
    context([`截至 ${r.period.asOf}，时间进度 ${percent(r.yearShareElapsed)}；⚠️ 协议资金完成率低于时间进度`]),
    ...sectionsOf(lines),
  ]);
}
