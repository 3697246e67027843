import ExcelJS from "exceljs";
import { ASSESSMENT_TEXTS as T, METRIC_NAMES, TERMS } from "../domain/glossary.ts";
import { METRICS, type Metric } from "../domain/ranking.ts";
import type { AnnualReviewReport } from "./annual-review-report.ts";
import { deductionRuleText, reviewAsOfLine, standingCell } from "./assessment-text.ts";
import { paceCell } from "./format.ts";
import type { QuarterlyBulletin } from "./quarterly-bulletin.ts";
import { sheet, type Column } from "./render-xlsx.ts";

// 季通报 and 年考核 workbooks for printing: the 通报 text on its own sheet,
// then one table per kind of subject. Money in 亿元, completion as %, scores
// as numbers formatted "分", all numbers (sortable, summable).

const KIND = { GROUP: "工作组", PARK: "园区", DEPARTMENT: "区级部门" } as Record<string, string>;
const isMoney = (m: Metric) => m === "agreed" || m === "arrived";
const yi = (wan: number) => Math.round(wan / 100) / 100;
const POINTS = '0.0" 分"';

/** Completion, target and place columns of one metric. */
function metricColumns(m: Metric, withRank: boolean): Column[] {
  const unit = isMoney(m) ? "yi" : "count";
  return [
    { head: `${METRIC_NAMES[m]}完成`, width: isMoney(m) ? 12 : 8, format: unit },
    { head: `${METRIC_NAMES[m]}目标`, width: isMoney(m) ? 12 : 8, format: unit },
    { head: "完成率", width: 8, format: "percent" },
    ...(withRank ? [{ head: "名次", width: 6, format: "count" as const }] : []),
  ];
}

const amount = (m: Metric, n: number | undefined) => (n === undefined ? null : isMoney(m) ? yi(n) : n);

/** Rank columns hold places, not counts: a plain number. */
function plainColumns(ws: ExcelJS.Worksheet, heads: string[], fmt: string) {
  const header = ws.getRow(3);
  header.eachCell((c, col) => {
    if (heads.includes(String(c.value))) ws.getColumn(col).numFmt = fmt;
  });
}

export function bulletinWorkbook(b: QuarterlyBulletin): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const title = T.bulletinTitle(b.period.label);
  const asOf = b.period.asOf;
  sheet(wb, "通报", title, asOf, [{ head: "通报内容", width: 110 }], b.sections.map((s) => [`${T.subjects[s.by]}：${s.text}`]));
  for (const s of b.sections) {
    const ws = sheet(
      wb,
      s.by === "group" ? "工作组" : "责任单位",
      `${title}（${T.subjects[s.by]}）`,
      asOf,
      [
        { head: "综合名次", width: 8, format: "count" },
        { head: "名称", width: 24 },
        { head: "类型", width: 8 },
        { head: "综合得分", width: 9 },
        ...METRICS.flatMap((m) => metricColumns(m, true)),
        { head: `与${TERMS.pace}`, width: 22 },
        { head: "评价", width: 26 },
      ],
      s.rows.map((r) => [
        r.rank,
        r.name,
        KIND[r.kind] ?? r.kind,
        r.score === null ? null : Math.round(r.score * 1000) / 10,
        ...METRICS.flatMap((m) => [amount(m, r.achieved[m]), amount(m, r.target?.[m]), r.completion[m], r.metricRanks[m]]),
        paceCell(r.pace.agreed),
        standingCell(r),
      ]),
    );
    plainColumns(ws, ["综合名次", "名次"], "0");
    ws.getColumn(4).numFmt = POINTS;
  }
  return wb;
}

export function reviewWorkbook(r: AnnualReviewReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const title = T.reviewTitle(r.year);
  sheet(wb, "说明", title, r.period.asOf, [{ head: "说明", width: 100 }], [[reviewAsOfLine(r)], [`扣分办法：${deductionRuleText(r)}`], [`综合得分按${METRICS.map((m) => METRIC_NAMES[m]).join("、")}完成率加权计算，满分按 100 分折算`]]);
  for (const s of r.sections) {
    const ws = sheet(
      wb,
      s.by === "group" ? "工作组" : "责任单位",
      `${title}（${T.subjects[s.by]}）`,
      r.period.asOf,
      [
        { head: "名次", width: 6, format: "count" },
        { head: "名称", width: 24 },
        { head: "类型", width: 8 },
        ...METRICS.flatMap((m) => metricColumns(m, false)),
        { head: T.unstartedOverLimit(r.unstartedLimitDays), width: 12, format: "count" },
        { head: T.baseScore, width: 10 },
        { head: T.deduction, width: 8 },
        { head: T.finalScore, width: 10 },
      ],
      s.rows.map((row) => [
        row.rank,
        row.name,
        KIND[row.kind] ?? row.kind,
        ...METRICS.flatMap((m) => [amount(m, row.achieved[m]), amount(m, row.target?.[m]), row.completion[m]]),
        row.unstartedOverLimit,
        row.baseScore,
        row.deduction,
        row.score,
      ]),
    );
    plainColumns(ws, ["名次"], "0");
    plainColumns(ws, [T.baseScore, T.deduction, T.finalScore], POINTS);
  }
  return wb;
}
