import Table from "cli-table3";
import { ASSESSMENT_TEXTS as T, asOfText, METRIC_NAMES, pointsText, TERMS } from "../domain/glossary.ts";
import { METRICS, type Metric } from "../domain/ranking.ts";
import type { AnnualReviewReport, ReviewReportRow } from "./annual-review-report.ts";
import { money, paceCell, percent, scoreCell } from "./format.ts";
import type { BulletinRow, QuarterlyBulletin } from "./quarterly-bulletin.ts";

// 季通报 and 年考核 as terminal text: the 通报 paragraph, then the table.

function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: true } });
  t.push(...rows.map((r) => r.map(String)));
  return t.toString();
}

const isMoney = (m: Metric) => m === "agreed" || m === "arrived";
const value = (m: Metric, n: number) => (isMoney(m) ? money(n) : `${n}个`);

/** "先进：协议资金、到位资金；后进：重点项目", or "—". */
export function standingCell(r: Pick<BulletinRow, "advancedIn" | "laggingIn">): string {
  const names = (ms: Metric[]) => ms.map((m) => METRIC_NAMES[m]).join("、");
  const parts = [r.advancedIn.length ? `${T.advanced}：${names(r.advancedIn)}` : "", r.laggingIn.length ? `${T.lagging}：${names(r.laggingIn)}` : ""].filter(Boolean);
  return parts.join("；") || "—";
}

export function bulletinText(b: QuarterlyBulletin): string {
  const out = [T.bulletinTitle(b.period.label), `${asOfText(b.period.asOf)}，${TERMS.pace} ${percent(b.paceShare)}`];
  for (const s of b.sections) {
    out.push("", `【${T.subjects[s.by]}】`, s.text);
    out.push(
      table(
        ["名次", "名称", "综合得分", ...METRICS.map((m) => `${METRIC_NAMES[m]}完成率（名次）`), `与${TERMS.pace}`, "评价"],
        s.rows.map((r) => [
          r.rank ?? "—",
          r.name,
          scoreCell(r.score),
          ...METRICS.map((m) => (r.completion[m] === null ? "—" : `${percent(r.completion[m])}（${r.metricRanks[m]}）`)),
          paceCell(r.pace.agreed),
          standingCell(r),
        ]),
      ),
    );
  }
  return out.join("\n");
}

/** "签约未开工超过180天的项目每个扣 2 分" or "未设扣分项". */
export const deductionRuleText = (r: AnnualReviewReport) => T.deductionRule(r.deductions.perUnstartedOverLimit, r.deductions.maxUnstartedPoints, r.unstartedLimitDays);

export const reviewAsOfLine = (r: AnnualReviewReport) => `${asOfText(r.period.asOf)}${r.period.partial ? `（${T.yearNotOver}）` : ""}`;

export const reviewScoreCell = (r: ReviewReportRow) => (r.score === null ? T.noTarget : pointsText(r.score));

export function reviewText(r: AnnualReviewReport): string {
  const out = [T.reviewTitle(r.year), reviewAsOfLine(r), `扣分办法：${deductionRuleText(r)}`];
  for (const s of r.sections) {
    out.push("", `【${T.subjects[s.by]}】`);
    out.push(
      table(
        ["名次", "名称", ...METRICS.map((m) => `${METRIC_NAMES[m]}（完成/目标，完成率）`), T.unstartedOverLimit(r.unstartedLimitDays), T.baseScore, T.deduction, T.finalScore],
        s.rows.map((row) => [
          row.rank ?? "—",
          row.name,
          ...METRICS.map((m) => `${value(m, row.achieved[m])}/${row.target ? value(m, row.target[m]) : "—"}，${percent(row.completion[m])}`),
          `${row.unstartedOverLimit}个`,
          row.baseScore === null ? T.noTarget : pointsText(row.baseScore),
          row.deduction ? pointsText(row.deduction) : "—",
          reviewScoreCell(row),
        ]),
      ),
    );
  }
  return out.join("\n");
}
