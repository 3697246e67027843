import { weeklySupervisionLines, weeklyUnstartedLines } from "./weekly-accountability.ts";
import Table from "cli-table3";
import { CLASS_LABELS } from "../domain/project-class.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { Stage } from "../domain/types.ts";
import { paceLabel, percent, score, wan } from "./format.ts";
import type { RankingReport } from "./ranking-report.ts";
import type { StalledList } from "./stalled-list.ts";
import type { WeeklySummary } from "./weekly-summary.ts";

// Terminal renderings: readable Chinese tables (cli-table3 measures CJK
// characters as double width, so columns line up).

function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: true } });
  t.push(...rows.map((r) => r.map(String)));
  return t.toString();
}

const METRIC_LABELS = { agreed: "协议资金", arrived: "到位资金", major: "重大项目", large: "较大项目", key: "重点项目" } as const;
const isMoney = (m: string) => m === "agreed" || m === "arrived";
const stage = (s: Stage | null) => (s ? STAGE_LABELS[s] : "—");

export function weeklyText(r: WeeklySummary): string {
  const out: string[] = [];
  out.push(`招商引资周调度 ${r.period.label}（${r.period.start} 至 ${r.period.end}），数据截至 ${r.period.asOf}`);
  if (r.calendarWarning) out.push(`⚠ ${r.calendarWarning}`);
  out.push("");
  out.push(
    `上周签约 ${r.totals.signedCount} 个，协议资金 ${wan(r.totals.signedAgreedWan)}（计权 ${wan(r.totals.signedWeightedWan)}）；` +
      `到位资金 ${wan(r.totals.fundsWan)}（计权 ${wan(r.totals.fundsWeightedWan)}）；阶段推进 ${r.stageMoves.length} 次。`,
  );
  out.push("", "【上周签约】");
  out.push(
    r.signings.length
      ? table(["编号", "项目", "工作组", "牵头单位", "类别", "签约日期", "协议资金", "计权"], r.signings.map((s) => [`#${s.projectId}`, s.name, s.group, s.leadUnit, CLASS_LABELS[s.projectClass as keyof typeof CLASS_LABELS], s.signedOn, wan(s.agreedWan), wan(s.weightedWan)]))
      : "（无）",
  );
  out.push("", "【上周阶段推进】");
  out.push(r.stageMoves.length ? table(["编号", "项目", "工作组", "变化", "日期"], r.stageMoves.map((m) => [`#${m.projectId}`, m.name, m.group, `${stage(m.from)} → ${stage(m.to)}`, m.on])) : "（无）");
  out.push("", "【上周资金到位】");
  out.push(r.fundsArrived.length ? table(["编号", "项目", "工作组", "到位日期", "金额", "计权"], r.fundsArrived.map((f) => [`#${f.projectId}`, f.name, f.group, f.date, wan(f.amountWan), wan(f.weightedWan)])) : "（无）");
  out.push("", `【年度累计】${r.year} 年，时间进度 ${percent(r.yearShareElapsed)}`);
  out.push(
    table(
      ["指标", "完成", "目标", "完成率", "进度"],
      (Object.keys(METRIC_LABELS) as (keyof typeof METRIC_LABELS)[]).map((m) => [
        METRIC_LABELS[m],
        isMoney(m) ? wan(r.yearToDate.achieved[m]) : r.yearToDate.achieved[m],
        isMoney(m) ? wan(r.yearToDate.target[m]) : r.yearToDate.target[m],
        percent(r.yearToDate.completion[m]),
        paceLabel(r.yearToDate.pace[m]),
      ]),
    ),
  );
  out.push("", "【项目阶段分布】");
  out.push(table(r.funnel.map((f) => f.label), [r.funnel.map((f) => f.count)]));
  out.push("", `【红黄绿灯】红灯 ${r.health.red}，黄灯 ${r.health.yellow}，绿灯 ${r.health.green}，不评价 ${r.health.notRated}`);
  out.push(
    `【转化率】开工率 ${percent(r.rates.conversion.rate)}（${r.rates.conversion.numerator}/${r.rates.conversion.denominator}），` +
      `资金到位率 ${percent(r.rates.fundsArrival.rate)}，投产达效率 ${percent(r.rates.productionRate.rate)}（${r.rates.productionRate.numerator}/${r.rates.productionRate.denominator}）`,
  );
  out.push("", `【上周无更新的工作组】${r.groupsWithoutUpdate.length ? r.groupsWithoutUpdate.map((g) => g.name).join("、") : "无"}`);
  if (r.topMovers.length) {
    out.push("", "【上周进展最快】");
    out.push(table(["编号", "项目", "工作组", "推进阶段", "到位资金"], r.topMovers.map((m) => [`#${m.projectId}`, m.name, m.group, m.stagesAdvanced, wan(m.fundsWan)])));
  }
  if (r.unstarted) out.push("", "【签约未开工】", ...weeklyUnstartedLines(r.unstarted));
  if (r.supervision) out.push("", "【督办】", ...weeklySupervisionLines(r.supervision));
  return out.join("\n");
}

export function stalledText(r: StalledList): string {
  const out = [`滞后项目清单（截至 ${r.asOf}）：红灯 ${r.counts.red} 个，黄灯 ${r.counts.yellow} 个`];
  for (const g of r.groups) {
    out.push("", `【${g.name}】红灯 ${g.red}，黄灯 ${g.yellow}`);
    out.push(
      table(
        ["灯", "编号", "项目", "阶段", "原因", "下一步", "截止"],
        g.projects.map((p) => [p.light === "RED" ? "红" : "黄", `#${p.projectId}`, p.name, p.stageLabel, p.reasons.map((x) => x.text).join("\n"), p.nextStep || "—", p.nextStepDue ?? "—"]),
      ),
    );
  }
  if (!r.groups.length) out.push("", "没有红灯或黄灯项目。");
  return out.join("\n");
}

export function rankingText(r: RankingReport): string {
  const title = r.by === "group" ? "专项招商工作组" : "责任单位";
  const out = [`${title}排名 ${r.period.label}（截至 ${r.period.asOf}，时间进度 ${percent(r.yearShareElapsed)}）`];
  out.push(
    table(
      ["名次", "变化", "名称", "综合得分", "协议资金", "完成率", "到位资金", "完成率", "重大", "较大", "重点"],
      r.entries.map((e) => [
        e.rank ?? "—",
        e.change.label,
        e.behindPace ? `${e.name} ⚠` : e.name,
        score(e.score),
        wan(e.achieved.agreed),
        percent(e.completion.agreed),
        wan(e.achieved.arrived),
        percent(e.completion.arrived),
        `${e.achieved.major}/${e.target?.major ?? 0}`,
        `${e.achieved.large}/${e.target?.large ?? 0}`,
        `${e.achieved.key}/${e.target?.key ?? 0}`,
      ]),
    ),
  );
  out.push("⚠ 协议资金完成率低于时间进度");
  return out.join("\n");
}
