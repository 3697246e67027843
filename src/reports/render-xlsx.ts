import ExcelJS from "exceljs";
import { asOfText, CLASS_NAMES, LIFECYCLE_TERMS, LIGHT_NAMES, METRIC_NAMES, TERMS } from "../domain/glossary.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { LocalDate, ProjectClass, Stage } from "../domain/types.ts";
import { paceCell, weeklyHeading } from "./format.ts";
import type { RankingReport } from "./ranking-report.ts";
import { rankingTitle } from "./render-text.ts";
import type { StalledList } from "./stalled-list.ts";
import type { SubjectProgress } from "./target-progress.ts";
import type { WeeklySummary } from "./weekly-summary.ts";
import { weeklySupervisionLines, weeklyUnstartedLines } from "./weekly-accountability.ts";

// The printable .xlsx a leader takes to the 调度会: one sheet per table, A4
// landscape fitted to the page width, title and 数据截至 on every sheet, a
// bold header repeated on each printed page. Numbers are numbers with a
// format (万元, 亿元, %), dates are dates, so the table can be summed and
// sorted; the words are the glossary's.

type Value = string | number | Date | null;
export type Format = "wan" | "yi" | "percent" | "date" | "count" | "text";
export interface Column {
  head: string;
  width: number;
  format?: Format;
}

const NUM_FMT: Record<Format, string | undefined> = {
  wan: '#,##0.00"万元"',
  yi: '#,##0.00"亿元"',
  percent: "0.0%",
  date: 'm"月"d"日"',
  count: '0"个"',
  text: undefined,
};

/** A local day as an Excel date (midnight UTC, so no time zone shifts the day). */
export const excelDate = (d: LocalDate | null): Date | null => (d ? new Date(`${d}T00:00:00Z`) : null);
const cents = (n: number) => Math.round(n * 100) / 100;
const yi = (wan: number) => cents(wan / 10_000);

export function sheet(wb: ExcelJS.Workbook, name: string, title: string, asOf: LocalDate, columns: Column[], rows: Value[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 3 }],
  });
  const span = Math.max(1, columns.length);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, span);
  ws.addRow([asOfText(asOf)]).font = { size: 10 };
  ws.mergeCells(2, 1, 2, span);
  const h = ws.addRow(columns.map((c) => c.head));
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.border = { bottom: { style: "thin" } };
    c.alignment = { wrapText: true, vertical: "middle" };
  });
  for (const r of rows) {
    const row = ws.addRow(r.map((v, i) => (typeof v === "number" && columns[i]?.format !== "count" && columns[i]?.format !== "text" ? cents(v) : v)));
    row.alignment = { vertical: "top", wrapText: true };
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    const fmt = c.format ? NUM_FMT[c.format] : undefined;
    if (fmt) col.numFmt = fmt;
  });
  ws.pageSetup.printTitlesRow = "3:3";
  return ws;
}

const cls = (c: string) => CLASS_NAMES[c as ProjectClass] ?? c;
const stage = (s: Stage | null) => (s ? STAGE_LABELS[s] : "");
const KIND = { GROUP: "工作组", PARK: "园区", DEPARTMENT: "区级部门" } as Record<string, string>;

const PROGRESS_COLUMNS: Column[] = [
  { head: "名称", width: 26 },
  { head: "类型", width: 8 },
  { head: `${TERMS.agreed}目标`, width: 12, format: "yi" },
  { head: `${TERMS.agreed}完成（${TERMS.weighted}）`, width: 14, format: "yi" },
  { head: "完成率", width: 8, format: "percent" },
  { head: "其中：非工业目标", width: 12, format: "yi" },
  { head: "其中：非工业完成", width: 12, format: "yi" },
  { head: `${TERMS.arrived}目标`, width: 12, format: "yi" },
  { head: `${TERMS.arrived}完成（${TERMS.weighted}）`, width: 14, format: "yi" },
  { head: "完成率", width: 8, format: "percent" },
  { head: "重大项目", width: 7, format: "count" },
  { head: "较大项目", width: 7, format: "count" },
  { head: "重点项目", width: 7, format: "count" },
  { head: `与${TERMS.pace}`, width: 22 },
  { head: `${TERMS.yearOnYear}${TERMS.agreed}`, width: 12, format: "yi" },
  { head: `${TERMS.yearOnYear}${TERMS.arrived}`, width: 12, format: "yi" },
];

function progressRows(rows: SubjectProgress[]): Value[][] {
  return rows.map((r) => [
    r.name,
    KIND[r.kind] ?? r.kind,
    r.target ? yi(r.target.agreed) : null,
    yi(r.achieved.agreed),
    r.completion.agreed,
    r.nonIndustry.target === null ? null : yi(r.nonIndustry.target),
    yi(r.nonIndustry.achieved),
    r.target ? yi(r.target.arrived) : null,
    yi(r.achieved.arrived),
    r.completion.arrived,
    r.achieved.major,
    r.achieved.large,
    r.achieved.key,
    paceCell(r.pace.agreed),
    r.lastYear ? yi(r.lastYear.agreed) : null,
    r.lastYear ? yi(r.lastYear.arrived) : null,
  ]);
}

export function weeklyWorkbook(r: WeeklySummary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const title = weeklyHeading(r.period);
  const asOf = r.period.asOf;
  const m = r.yearToDate;
  const metricRow = (k: "agreed" | "arrived" | "major" | "large" | "key"): Value[] => {
    const money = k === "agreed" || k === "arrived";
    const v = (n: number | undefined) => (n === undefined ? null : money ? yi(n) : n);
    return [METRIC_NAMES[k], v(m.achieved[k]), v(m.target?.[k]), m.completion[k], r.paceShare, paceCell(m.pace[k]), v(m.lastYear?.[k]), m.lastYear ? v(m.achieved[k] - m.lastYear[k]) : null];
  };
  const overview = sheet(
    wb,
    "概览",
    title,
    asOf,
    [
      { head: "指标", width: 26 },
      { head: "年度累计完成", width: 14 },
      { head: "年度目标", width: 14 },
      { head: "完成率", width: 9, format: "percent" },
      { head: TERMS.pace, width: 9, format: "percent" },
      { head: `与${TERMS.pace}`, width: 22 },
      { head: TERMS.yearOnYear, width: 14 },
      { head: "同比增减", width: 14 },
    ],
    [metricRow("agreed"), [METRIC_NAMES.nonIndustry, yi(m.nonIndustry.achieved), m.nonIndustry.target === null ? null : yi(m.nonIndustry.target), m.nonIndustry.completion, null, null, m.nonIndustry.lastYear === null ? null : yi(m.nonIndustry.lastYear), null], metricRow("arrived"), metricRow("major"), metricRow("large"), metricRow("key")],
  );
  // Money rows in 亿元, count rows in 个: the format is per cell here, not per column.
  for (let row = 4; row <= 9; row++) {
    const fmt = row <= 6 ? NUM_FMT.yi : NUM_FMT.count;
    for (const c of [2, 3, 7, 8]) overview.getCell(row, c).numFmt = fmt!;
  }
  const facts: Array<[string, Value, Format]> = [
    ["上周签约项目", r.totals.signedCount, "count"],
    [`上周签约${TERMS.agreed}`, yi(r.totals.signedAgreedWan), "yi"],
    [`上周签约${TERMS.agreed}（${TERMS.weighted}）`, yi(r.totals.signedWeightedWan), "yi"],
    [`上周${TERMS.arrived}`, yi(r.totals.fundsWan), "yi"],
    [`上周${TERMS.arrived}（${TERMS.weighted}）`, yi(r.totals.fundsWeightedWan), "yi"],
    [LIGHT_NAMES.RED, r.health.red, "count"],
    [LIGHT_NAMES.YELLOW, r.health.yellow, "count"],
    [LIGHT_NAMES.GREEN, r.health.green, "count"],
    ["开工率", r.rates.conversion.rate, "percent"],
    ["资金到位率", r.rates.fundsArrival.rate, "percent"],
    ["投产达效率", r.rates.productionRate.rate, "percent"],
    ...r.funnel.map((f): [string, Value, Format] => [`阶段：${f.label}`, f.count, "count"]),
    [LIFECYCLE_TERMS.followOn, r.followOn.count, "count"],
    [`${LIFECYCLE_TERMS.followOn}${TERMS.agreed}`, yi(r.followOn.agreedWan), "yi"],
  ];
  overview.addRow([]);
  for (const [label, value, fmt] of facts) {
    const row = overview.addRow([label, value]);
    row.getCell(2).numFmt = NUM_FMT[fmt]!;
  }
  overview.addRow(["上周未报送进展的工作组", r.groupsWithoutUpdate.map((g) => g.name).join("、") || "无"]);

  sheet(wb, "各工作组", `${title} 各专项招商工作组完成情况`, asOf, PROGRESS_COLUMNS, progressRows(r.byGroup));
  sheet(wb, "各责任单位", `${title} 各责任单位完成情况`, asOf, PROGRESS_COLUMNS, progressRows(r.byUnit));
  sheet(
    wb,
    "上周签约",
    `${title} 上周签约`,
    asOf,
    [
      { head: "编号", width: 6, format: "count" },
      { head: "项目名称", width: 28 },
      { head: "投资方", width: 24 },
      { head: "工作组", width: 22 },
      { head: "牵头单位", width: 14 },
      { head: TERMS.projectClass, width: 12 },
      { head: "签约日期", width: 10, format: "date" },
      { head: `${TERMS.agreed}（万元）`, width: 14, format: "wan" },
      { head: `${TERMS.weighted}（万元）`, width: 14, format: "wan" },
    ],
    r.signings.map((s) => [s.projectId, s.name, s.investor, s.group, s.leadUnit, cls(s.projectClass), excelDate(s.signedOn), s.agreedWan, s.weightedWan]),
  ).getColumn(1).numFmt = "0";
  sheet(
    wb,
    "阶段推进",
    `${title} 阶段推进`,
    asOf,
    [
      { head: "编号", width: 6, format: "text" },
      { head: "项目名称", width: 28 },
      { head: "工作组", width: 22 },
      { head: "原阶段", width: 10 },
      { head: "新阶段", width: 10 },
      { head: "日期", width: 10, format: "date" },
    ],
    r.stageMoves.map((x) => [x.projectId, x.name, x.group, stage(x.from), stage(x.to), excelDate(x.on)]),
  );
  sheet(
    wb,
    "资金到位",
    `${title} 资金到位`,
    asOf,
    [
      { head: "编号", width: 6, format: "text" },
      { head: "项目名称", width: 28 },
      { head: "工作组", width: 22 },
      { head: "到位日期", width: 10, format: "date" },
      { head: "金额（万元）", width: 14, format: "wan" },
      { head: `${TERMS.weighted}（万元）`, width: 14, format: "wan" },
    ],
    r.fundsArrived.map((f) => [f.projectId, f.name, f.group, excelDate(f.date), f.amountWan, f.weightedWan]),
  );
  if (r.unstarted) sheet(wb, TERMS.unstarted, `${title} ${TERMS.unstarted}`, asOf, [{ head: "说明", width: 100 }], weeklyUnstartedLines(r.unstarted).map((l) => [l.trim()]));
  if (r.supervision) sheet(wb, TERMS.supervision, `${title} ${TERMS.supervision}`, asOf, [{ head: "说明", width: 100 }], weeklySupervisionLines(r.supervision).map((l) => [l.trim()]));
  return wb;
}

export function stalledWorkbook(r: StalledList): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rows: Value[][] = [];
  for (const g of r.groups)
    for (const p of g.projects)
      rows.push([g.name, LIGHT_NAMES[p.light], p.projectId, p.name, p.leadUnit, p.stageLabel, p.reasons.map((x) => x.text).join("\n"), p.nextStep, excelDate(p.nextStepDue), p.leaderName]);
  sheet(
    wb,
    "滞后项目",
    `滞后项目清单：红灯${r.counts.red}个，黄灯${r.counts.yellow}个`,
    r.asOf,
    [
      { head: "工作组", width: 22 },
      { head: "灯", width: 6 },
      { head: "编号", width: 6, format: "text" },
      { head: "项目名称", width: 26 },
      { head: "牵头单位", width: 14 },
      { head: "阶段", width: 8 },
      { head: "原因", width: 44 },
      { head: "下一步", width: 24 },
      { head: "完成时限", width: 10, format: "date" },
      { head: TERMS.leader, width: 10 },
    ],
    rows,
  );
  return wb;
}

export function rankingWorkbook(r: RankingReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "排名",
    `${rankingTitle(r)}（${TERMS.pace} ${Math.round(r.paceShare * 1000) / 10}%）`,
    r.period.asOf,
    [
      { head: "名次", width: 6, format: "text" },
      { head: "变化", width: 6 },
      { head: "名称", width: 26 },
      { head: "综合得分（分）", width: 10, format: "text" },
      ...PROGRESS_COLUMNS.slice(2),
    ],
    r.entries.map((e) => {
      const [, , ...rest] = progressRows([e])[0]!;
      return [e.rank, e.change.label, e.name, e.score === null ? null : Math.round(e.score * 1000) / 10, ...rest];
    }),
  ).getColumn(4).numFmt = "0.0";
  return wb;
}
