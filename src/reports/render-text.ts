import { weeklySupervisionLines, weeklyUnstartedLines } from "./weekly-accountability.ts";
import Table from "cli-table3";
import { asOfText, CLASS_NAMES, dayInProse, followOnFunnelText, METRIC_NAMES, periodInProse, TERMS } from "../domain/glossary.ts";
import { METRICS, type Metric } from "../domain/ranking.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { ProjectClass, Stage } from "../domain/types.ts";
import { money, paceCell, percent, scoreCell, weeklyHeading, yoyCell } from "./format.ts";
import type { RankingReport } from "./ranking-report.ts";
import type { StalledList } from "./stalled-list.ts";
import type { SubjectProgress } from "./target-progress.ts";
import type { WeeklySummary } from "./weekly-summary.ts";

// Terminal renderings: readable Chinese tables (cli-table3 measures CJK
// characters as double width, so columns line up). Every word and number
// format comes from the glossary.

function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: true } });
  t.push(...rows.map((r) => r.map(String)));
  return t.toString();
}

const isMoney = (m: Metric) => m === "agreed" || m === "arrived";
const stage = (s: Stage | null) => (s ? STAGE_LABELS[s] : "—");
const cls = (c: string) => CLASS_NAMES[c as ProjectClass] ?? c;
const value = (m: Metric, n: number) => (isMoney(m) ? money(n) : `${n}个`);
const TARGET_SOURCE = { district: "区级年度目标", units: "各责任单位目标之和（未设区级目标）", none: "未设目标" } as const;

/** Per-group (or per-unit) completion table, shared by the weekly and the bulletin. */
export function progressTable(rows: SubjectProgress[], nameHead: string): string {
  return table(
    [nameHead, "协议资金", "完成率", "到位资金", "完成率", "重大/较大/重点", "与序时进度"],
    rows.map((r) => [
      r.name,
      money(r.achieved.agreed),
      percent(r.completion.agreed),
      money(r.achieved.arrived),
      percent(r.completion.arrived),
      `${r.achieved.major}/${r.achieved.large}/${r.achieved.key}`,
      paceCell(r.pace.agreed),
    ]),
  );
}

export function weeklyText(r: WeeklySummary): string {
  const out: string[] = [weeklyHeading(r.period), asOfText(r.period.asOf)];
  if (r.calendarWarning) out.push(`⚠ ${r.calendarWarning}`);
  out.push("");
  out.push(
    `上周签约项目${r.totals.signedCount}个，${TERMS.agreed}${money(r.totals.signedAgreedWan)}（${TERMS.weighted}${money(r.totals.signedWeightedWan)}）；` +
      `${TERMS.arrived}${money(r.totals.fundsWan)}（${TERMS.weighted}${money(r.totals.fundsWeightedWan)}）；阶段推进${r.stageMoves.length}次。`,
  );
  out.push("", "【上周签约】");
  out.push(
    r.signings.length
      ? table(["编号", "项目", "工作组", "牵头单位", TERMS.projectClass, "签约日期", TERMS.agreed, TERMS.weighted], r.signings.map((s) => [`#${s.projectId}`, s.name, s.group, s.leadUnit, cls(s.projectClass), dayInProse(s.signedOn), money(s.agreedWan), money(s.weightedWan)]))
      : "（无）",
  );
  out.push("", "【上周阶段推进】");
  out.push(r.stageMoves.length ? table(["编号", "项目", "工作组", "变化", "日期"], r.stageMoves.map((m) => [`#${m.projectId}`, m.name, m.group, `${stage(m.from)} → ${stage(m.to)}`, dayInProse(m.on)])) : "（无）");
  out.push("", "【上周资金到位】");
  out.push(r.fundsArrived.length ? table(["编号", "项目", "工作组", "到位日期", "金额", TERMS.weighted], r.fundsArrived.map((f) => [`#${f.projectId}`, f.name, f.group, dayInProse(f.date), money(f.amountWan), money(f.weightedWan)])) : "（无）");
  const y = r.yearToDate;
  out.push("", `【年度累计】${r.year}年，${TERMS.pace} ${percent(r.paceShare)}；目标为${TARGET_SOURCE[y.targetSource]}；${TERMS.yearOnYear}为${dayInProse(r.sameDayLastYear, true)}`);
  const rows = METRICS.map((m) => [METRIC_NAMES[m], value(m, y.achieved[m]), y.target ? value(m, y.target[m]) : "—", percent(y.completion[m]), paceCell(y.pace[m]), yoyCell(y.achieved[m], y.lastYear?.[m], isMoney(m))]);
  if (y.nonIndustry.target !== null || y.nonIndustry.achieved > 0)
    rows.splice(1, 0, [METRIC_NAMES.nonIndustry, money(y.nonIndustry.achieved), y.nonIndustry.target === null ? "—" : money(y.nonIndustry.target), percent(y.nonIndustry.completion), "—", yoyCell(y.nonIndustry.achieved, y.nonIndustry.lastYear, true)]);
  out.push(table(["指标", "完成", "目标", "完成率", `与${TERMS.pace}`, TERMS.yearOnYear], rows));
  if (r.byGroup.length) out.push("", "【各专项招商工作组完成情况】", progressTable(r.byGroup, "工作组"));
  out.push("", "【项目阶段分布】");
  out.push(table(r.funnel.map((f) => f.label), [r.funnel.map((f) => `${f.count}个`)]));
  out.push(followOnFunnelText(r.followOn.count, r.followOn.agreedWan));
  out.push("", `【红黄绿灯】红灯${r.health.red}个，黄灯${r.health.yellow}个，绿灯${r.health.green}个（已达产、已终止的${r.health.notRated}个项目不亮灯）`);
  out.push(
    `【转化率】开工率 ${percent(r.rates.conversion.rate)}（${r.rates.conversion.numerator}/${r.rates.conversion.denominator}），` +
      `资金到位率 ${percent(r.rates.fundsArrival.rate)}，投产达效率 ${percent(r.rates.productionRate.rate)}（${r.rates.productionRate.numerator}/${r.rates.productionRate.denominator}）`,
  );
  out.push("", `【上周未报送进展的工作组】${r.groupsWithoutUpdate.length ? r.groupsWithoutUpdate.map((g) => g.name).join("、") : "无"}`);
  if (r.topMovers.length) {
    out.push("", "【上周进展较快的项目】");
    out.push(table(["编号", "项目", "工作组", "推进阶段", TERMS.arrived], r.topMovers.map((m) => [`#${m.projectId}`, m.name, m.group, m.stagesAdvanced ? `${m.stagesAdvanced}个` : "—", m.fundsWan ? money(m.fundsWan) : "—"])));
  }
  if (r.unstarted) out.push("", "【签约未开工】", ...weeklyUnstartedLines(r.unstarted));
  if (r.supervision) out.push("", "【督办】", ...weeklySupervisionLines(r.supervision));
  return out.join("\n");
}

export function stalledText(r: StalledList): string {
  const out = [`滞后项目清单（${asOfText(r.asOf)}）：红灯${r.counts.red}个，黄灯${r.counts.yellow}个`];
  for (const g of r.groups) {
    out.push("", `【${g.name}】红灯${g.red}个，黄灯${g.yellow}个`);
    out.push(
      table(
        ["灯", "编号", "项目", "阶段", "原因", "下一步", "完成时限"],
        g.projects.map((p) => [p.light === "RED" ? "红" : "黄", `#${p.projectId}`, p.name, p.stageLabel, p.reasons.map((x) => x.text).join("\n"), p.nextStep || "—", p.nextStepDue ? dayInProse(p.nextStepDue) : "—"]),
      ),
    );
  }
  if (!r.groups.length) out.push("", "没有红灯或黄灯项目。");
  return out.join("\n");
}

export const rankingTitle = (r: RankingReport) => `${r.by === "group" ? "专项招商工作组" : "责任单位"}目标任务完成情况排名（${periodInProse(r.period.label)}）`;

export function rankingText(r: RankingReport): string {
  const out = [rankingTitle(r), `${asOfText(r.period.asOf)}，${TERMS.pace} ${percent(r.paceShare)}`];
  out.push(
    table(
      ["名次", "变化", "名称", "综合得分", TERMS.agreed, "完成率", TERMS.arrived, "完成率", "重大", "较大", "重点", `与${TERMS.pace}`],
      r.entries.map((e) => [
        e.rank ?? "—",
        e.change.label,
        e.behindPace ? `${e.name} ⚠` : e.name,
        scoreCell(e.score),
        money(e.achieved.agreed),
        percent(e.completion.agreed),
        money(e.achieved.arrived),
        percent(e.completion.arrived),
        `${e.achieved.major}/${e.target?.major ?? 0}`,
        `${e.achieved.large}/${e.target?.large ?? 0}`,
        `${e.achieved.key}/${e.target?.key ?? 0}`,
        paceCell(e.pace.agreed),
      ]),
    ),
  );
  out.push(`⚠ ${TERMS.agreed}完成率低于${TERMS.pace}超过${r.tolerancePoints}个百分点`);
  return out.join("\n");
}
