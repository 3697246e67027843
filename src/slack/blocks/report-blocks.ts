import { asOfText, CLASS_NAMES, dayInProse, followOnFunnelText, TERMS } from "../../domain/glossary.ts";
import { money, paceCell, percent, scoreCell, weeklyHeading, yoyCell } from "../../reports/format.ts";
import { weeklySupervisionLines, weeklyUnstartedLines } from "../../reports/weekly-accountability.ts";
import type { RankingReport } from "../../reports/ranking-report.ts";
import { rankingTitle } from "../../reports/render-text.ts";
import type { StalledList } from "../../reports/stalled-list.ts";
import type { WeeklySummary } from "../../reports/weekly-summary.ts";
import type { ProjectClass, Stage } from "../../domain/types.ts";
import { context, divider, esc, fields, header, LIMITS, section, sectionsOf, type Block } from "./kit.ts";
import { stageLabel } from "./labels.ts";

// Reports as Slack messages. Each builder returns a list of messages: the
// first is the post, the rest continue it (in its thread), so a long list is
// split, never cut, and every message stays within 50 blocks. Words and
// formats come from the glossary, so the post reads like the printed 通报.

export type Messages = Block[][];

/** Packs blocks into messages of at most `max` blocks each. */
export function paginate(blocks: Block[], max: number = LIMITS.blocksMessage): Messages {
  const out: Messages = [];
  for (let i = 0; i < blocks.length; i += max) out.push(blocks.slice(i, i + max));
  return out.length ? out : [[]];
}

const stage = (s: Stage | null) => (s ? stageLabel(s) : "—");
const W = TERMS.weighted;

export function weeklyMessages(r: WeeklySummary): Messages {
  const y = r.yearToDate;
  const ytd = (m: "agreed" | "arrived") =>
    `*${TERMS[m]}（年度累计）*\n${money(y.achieved[m])}${y.target ? ` / 目标 ${money(y.target[m])}` : ""}　完成 ${percent(y.completion[m])}\n${paceCell(y.pace[m])}\n${yoyCell(y.achieved[m], y.lastYear?.[m], true)}`;
  const counts = (m: "major" | "large" | "key") => `${y.achieved[m]}/${y.target?.[m] ?? "—"}`;
  const main: Block[] = [
    header(`📋 ${weeklyHeading(r.period)}`),
    context([`${asOfText(r.period.asOf)}；${TERMS.pace} ${percent(r.paceShare)}${r.calendarWarning ? `　⚠️ ${esc(r.calendarWarning)}` : ""}`]),
    section(
      `*上周*：签约项目 *${r.totals.signedCount}* 个，${TERMS.agreed} *${money(r.totals.signedAgreedWan)}*（${W}${money(r.totals.signedWeightedWan)}）；` +
        `${TERMS.arrived} *${money(r.totals.fundsWan)}*（${W}${money(r.totals.fundsWeightedWan)}）；阶段推进 ${r.stageMoves.length} 次`,
    ),
    fields([
      ytd("agreed"),
      ytd("arrived"),
      `*重大 / 较大 / 重点项目*\n${counts("major")}　${counts("large")}　${counts("key")}`,
      `*红黄绿灯*\n🔴 ${r.health.red}　🟡 ${r.health.yellow}　🟢 ${r.health.green}`,
      `*开工率 / 资金到位率 / 投产达效率*\n${percent(r.rates.conversion.rate)} / ${percent(r.rates.fundsArrival.rate)} / ${percent(r.rates.productionRate.rate)}`,
    ]),
    section(`*阶段分布*　${r.funnel.map((f) => `${f.label} ${f.count}个`).join("　")}\n${followOnFunnelText(r.followOn.count, r.followOn.agreedWan)}`),
    section(`*上周未报送进展的工作组*：${r.groupsWithoutUpdate.length ? r.groupsWithoutUpdate.map((g) => esc(g.name)).join("、") : "无"}`),
  ];
  const behind = r.byGroup.filter((g) => g.pace.agreed?.status === "BEHIND");
  if (behind.length) main.push(section(`*${TERMS.agreed}低于${TERMS.pace}的工作组*\n${behind.map((g) => `• ${esc(g.name)}：完成 ${percent(g.completion.agreed)}，${paceCell(g.pace.agreed)}`).join("\n")}`));
  if (r.topMovers.length)
    main.push(section(`*上周进展较快的项目*\n${r.topMovers.map((m) => `• #${m.projectId} ${esc(m.name)}（${esc(m.group)}）${m.stagesAdvanced ? `推进${m.stagesAdvanced}个阶段` : ""}${m.fundsWan ? ` 到位${money(m.fundsWan)}` : ""}`).join("\n")}`));

  if (r.unstarted) main.push(section(`*签约未开工*\n${esc(weeklyUnstartedLines(r.unstarted).join("\n"))}`));
  if (r.supervision) main.push(section(`*督办*\n${esc(weeklySupervisionLines(r.supervision).join("\n"))}`));
  const detail: Block[] = [];
  if (r.signings.length) {
    detail.push(divider(), section("*上周签约*"));
    detail.push(...sectionsOf(r.signings.map((s) => `• #${s.projectId} ${esc(s.name)}　${CLASS_NAMES[s.projectClass as ProjectClass]}　${money(s.agreedWan)}（${W}${money(s.weightedWan)}）　${esc(s.group)}　${dayInProse(s.signedOn)}`)));
  }
  if (r.stageMoves.length) {
    detail.push(divider(), section("*上周阶段推进*"));
    detail.push(...sectionsOf(r.stageMoves.map((m) => `• #${m.projectId} ${esc(m.name)}　${stage(m.from)} → ${stage(m.to)}　${dayInProse(m.on)}`)));
  }
  if (r.fundsArrived.length) {
    detail.push(divider(), section("*上周资金到位*"));
    detail.push(...sectionsOf(r.fundsArrived.map((f) => `• #${f.projectId} ${esc(f.name)}　${money(f.amountWan)}（${W}${money(f.weightedWan)}）　${dayInProse(f.date)}`)));
  }
  return [main, ...(detail.length ? paginate(detail) : [])];
}

export function stalledMessages(r: StalledList): Messages {
  const blocks: Block[] = [header(`⚠️ 滞后项目清单`), context([asOfText(r.asOf)]), section(`红灯 *${r.counts.red}* 个，黄灯 *${r.counts.yellow}* 个`)];
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

/**
 * One section per subject: its rank and name, then its figures as fields (a
 * two-column grid in Slack, stacked on a phone), so a figure and its unit
 * stay together instead of wrapping apart inside one long line.
 */
export function rankingMessages(r: RankingReport): Messages {
  const entry = (e: RankingReport["entries"][number]): Block => ({
    type: "section",
    text: { type: "mrkdwn", text: `*${e.rank ?? "—"}. ${esc(e.name)}*${e.behindPace ? "　⚠️" : ""}` },
    fields: [
      `*综合得分*\n${scoreCell(e.score).replace(/ 分$/, "分")}`, // number and unit as one word
      `*较上次*\n${e.change.label}`,
      // The rate on a line of its own: beside the amount it wraps in a phone's half-width column.
      `*${TERMS.agreed}*\n${money(e.achieved.agreed)}\n完成 ${percent(e.completion.agreed)}`,
      `*${TERMS.arrived}*\n${money(e.achieved.arrived)}\n完成 ${percent(e.completion.arrived)}`,
    ].map((t) => ({ type: "mrkdwn", text: t })),
  });
  return paginate([
    header(rankingTitle(r)),
    context([`${asOfText(r.period.asOf)}，${TERMS.pace} ${percent(r.paceShare)}；⚠️ ${TERMS.agreed}完成率低于${TERMS.pace}超过${r.tolerancePoints}个百分点`]),
    ...r.entries.map(entry),
  ]);
}
