import ExcelJS from "exceljs";
import { CLASS_LABELS } from "../domain/project-class.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { ProjectClass, Stage } from "../domain/types.ts";
import { paceLabel, percent, score } from "./format.ts";
import type { RankingReport } from "./ranking-report.ts";
import type { StalledList } from "./stalled-list.ts";
import type { WeeklySummary } from "./weekly-summary.ts";
import { weeklySupervisionLines, weeklyUnstartedLines } from "./weekly-accountability.ts";

// The printable .xlsx a leader takes to the 调度会: one sheet per table, A4
// landscape fitted to the page width, bold frozen header. Money columns hold
// numbers in 万元 (so they can be summed), not formatted text.

type Cell = string | number | null;

export function sheet(wb: ExcelJS.Workbook, name: string, title: string, head: string[], rows: Cell[][], widths?: number[]) {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.max(1, head.length));
  const h = ws.addRow(head);
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.border = { bottom: { style: "thin" } };
  });
  for (const r of rows) ws.addRow(r).alignment = { vertical: "top", wrapText: true };
  head.forEach((text, i) => {
    ws.getColumn(i + 1).width = widths?.[i] ?? Math.max(10, Math.min(40, text.length * 2 + 4));
  });
  ws.pageSetup.printTitlesRow = "2:2";
  return ws;
}

const cls = (c: string) => CLASS_LABELS[c as ProjectClass] ?? c;
const stage = (s: Stage | null) => (s ? STAGE_LABELS[s] : "");
const round = (n: number) => Math.round(n);

export function weeklyWorkbook(r: WeeklySummary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const title = `招商引资周调度 ${r.period.label}（${r.period.start} 至 ${r.period.end}）`;
  const m = r.yearToDate;
  sheet(
    wb,
    "概览",
    title,
    ["指标", "完成", "目标", "完成率", "时间进度", "进度"],
    [
      ["协议资金（万元）", round(m.achieved.agreed), m.target.agreed, percent(m.completion.agreed), percent(r.yearShareElapsed), paceLabel(m.pace.agreed)],
      ["到位资金（万元）", round(m.achieved.arrived), m.target.arrived, percent(m.completion.arrived), percent(r.yearShareElapsed), paceLabel(m.pace.arrived)],
      ["重大项目（个）", m.achieved.major, m.target.major, percent(m.completion.major), percent(r.yearShareElapsed), paceLabel(m.pace.major)],
      ["较大项目（个）", m.achieved.large, m.target.large, percent(m.completion.large), percent(r.yearShareElapsed), paceLabel(m.pace.large)],
      ["重点项目（个）", m.achieved.key, m.target.key, percent(m.completion.key), percent(r.yearShareElapsed), paceLabel(m.pace.key)],
      [],
      ["上周签约（个）", r.totals.signedCount, null, null, null, null],
      ["上周签约协议资金（万元）", r.totals.signedAgreedWan, null, null, null, null],
      ["上周到位资金（万元）", r.totals.fundsWan, null, null, null, null],
      ["红灯 / 黄灯 / 绿灯", `${r.health.red} / ${r.health.yellow} / ${r.health.green}`, null, null, null, null],
      ["开工率", percent(r.rates.conversion.rate), null, null, null, null],
      ["资金到位率", percent(r.rates.fundsArrival.rate), null, null, null, null],
      ["投产达效率", percent(r.rates.productionRate.rate), null, null, null, null],
      ["上周无更新的工作组", r.groupsWithoutUpdate.map((g) => g.name).join("、") || "无", null, null, null, null],
      ...r.funnel.map((f): Cell[] => [`阶段：${f.label}`, f.count, null, null, null, null]),
    ],
    [28, 16, 14, 10, 10, 10],
  );
  sheet(
    wb,
    "上周签约",
    `${title} 上周签约`,
    ["编号", "项目名称", "投资方", "工作组", "牵头单位", "类别", "签约日期", "协议资金（万元）", "计权（万元）"],
    r.signings.map((s) => [s.projectId, s.name, s.investor, s.group, s.leadUnit, cls(s.projectClass), s.signedOn, s.agreedWan, round(s.weightedWan)]),
    [6, 28, 24, 24, 14, 10, 12, 14, 12],
  );
  sheet(
    wb,
    "阶段推进",
    `${title} 阶段推进`,
    ["编号", "项目名称", "工作组", "原阶段", "新阶段", "日期"],
    r.stageMoves.map((x) => [x.projectId, x.name, x.group, stage(x.from), stage(x.to), x.on]),
    [6, 28, 24, 10, 10, 12],
  );
  sheet(
    wb,
    "资金到位",
    `${title} 资金到位`,
    ["编号", "项目名称", "工作组", "到位日期", "金额（万元）", "计权（万元）"],
    r.fundsArrived.map((f) => [f.projectId, f.name, f.group, f.date, f.amountWan, round(f.weightedWan)]),
    [6, 28, 24, 12, 14, 12],
  );
  if (r.unstarted) sheet(wb, "签约未开工", `${title} 签约未开工`, ["说明"], weeklyUnstartedLines(r.unstarted).map((l) => [l.trim()]), [100]);
  if (r.supervision) sheet(wb, "督办", `${title} 督办`, ["说明"], weeklySupervisionLines(r.supervision).map((l) => [l.trim()]), [100]);
  return wb;
}

export function stalledWorkbook(r: StalledList): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rows: Cell[][] = [];
  for (const g of r.groups)
    for (const p of g.projects)
      rows.push([g.name, p.light === "RED" ? "红灯" : "黄灯", p.projectId, p.name, p.leadUnit, p.stageLabel, p.reasons.map((x) => x.text).join("\n"), p.nextStep, p.nextStepDue ?? "", p.leaderName]);
  sheet(wb, "滞后项目", `滞后项目清单（截至 ${r.asOf}）红灯 ${r.counts.red} 个，黄灯 ${r.counts.yellow} 个`, ["工作组", "灯", "编号", "项目名称", "牵头单位", "阶段", "原因", "下一步", "截止", "包联领导"], rows, [22, 6, 6, 26, 14, 8, 48, 24, 12, 10]);
  return wb;
}

export function rankingWorkbook(r: RankingReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const title = `${r.by === "group" ? "专项招商工作组" : "责任单位"}排名 ${r.period.label}（截至 ${r.period.asOf}，时间进度 ${percent(r.yearShareElapsed)}）`;
  sheet(
    wb,
    "排名",
    title,
    ["名次", "变化", "名称", "综合得分", "协议资金（万元）", "协议资金目标", "完成率", "到位资金（万元）", "到位资金目标", "完成率", "重大", "较大", "重点", "落后进度"],
    r.entries.map((e) => [
      e.rank,
      e.change.label,
      e.name,
      score(e.score),
      round(e.achieved.agreed),
      e.target?.agreed ?? null,
      percent(e.completion.agreed),
      round(e.achieved.arrived),
      e.target?.arrived ?? null,
      percent(e.completion.arrived),
      `${e.achieved.major}/${e.target?.major ?? 0}`,
      `${e.achieved.large}/${e.target?.large ?? 0}`,
      `${e.achieved.key}/${e.target?.key ?? 0}`,
      e.behindPace ? "是" : "",
    ]),
    [6, 6, 28, 10, 14, 14, 8, 14, 14, 8, 8, 8, 8, 8],
  );
  return wb;
}
