import { ASSESSMENT_TEXTS as T, asOfText, METRIC_NAMES, pointsText, TERMS } from "../../domain/glossary.ts";
import { METRICS } from "../../domain/ranking.ts";
import type { AnnualReviewReport } from "../../reports/annual-review-report.ts";
import { deductionRuleText, reviewAsOfLine, reviewScoreCell, standingCell } from "../../reports/assessment-text.ts";
import { money, percent, scoreCell } from "../../reports/format.ts";
import type { QuarterlyBulletin } from "../../reports/quarterly-bulletin.ts";
import { context, divider, esc, header, section, sectionsOf, type Block } from "./kit.ts";
import { paginate, type Messages } from "./report-blocks.ts";

// 季通报 and 年考核 as Slack posts: the 通报 paragraphs in the post, each
// table line by line after them (continued in the thread when long).

export function bulletinMessages(b: QuarterlyBulletin): Messages {
  const blocks: Block[] = [header(`📢 ${T.bulletinTitle(b.period.label)}`), context([`${asOfText(b.period.asOf)}，${TERMS.pace} ${percent(b.paceShare)}`])];
  for (const s of b.sections) blocks.push(section(`*${T.subjects[s.by]}*\n${esc(s.text)}`));
  const tables: Block[] = [];
  for (const s of b.sections) {
    tables.push(divider(), section(`*${T.subjects[s.by]}目标任务完成情况排名*`));
    tables.push(
      ...sectionsOf(
        s.rows.map((r) => {
          const metrics = METRICS.filter((m) => r.completion[m] !== null).map((m) => `${METRIC_NAMES[m]} ${percent(r.completion[m])}（第${r.metricRanks[m]}名）`);
          const standing = standingCell(r);
          return `${r.rank ?? "—"}. *${esc(r.name)}*　${scoreCell(r.score)}　${metrics.join("　")}${standing === "—" ? "" : `　〔${standing}〕`}`;
        }),
      ),
    );
  }
  return [blocks, ...paginate(tables)];
}

export function reviewMessages(r: AnnualReviewReport): Messages {
  const blocks: Block[] = [header(`🏅 ${T.reviewTitle(r.year)}`), context([reviewAsOfLine(r), `扣分办法：${deductionRuleText(r)}`])];
  for (const s of r.sections) {
    const scored = s.rows.filter((x) => x.score !== null);
    const first = scored.filter((x) => x.rank === 1).map((x) => esc(x.name));
    const summary = first.length ? `考核得分第一：${first.join("、")}（${pointsText(scored[0]!.score!)}）` : T.noTarget;
    blocks.push(section(`*${T.subjects[s.by]}*　${summary}`));
  }
  const tables: Block[] = [];
  for (const s of r.sections) {
    tables.push(divider(), section(`*${T.subjects[s.by]}考核结果*`));
    tables.push(
      ...sectionsOf(
        s.rows.map((row) => {
          const money2 = `${TERMS.agreed} ${money(row.achieved.agreed)}（${percent(row.completion.agreed)}）　${TERMS.arrived} ${money(row.achieved.arrived)}（${percent(row.completion.arrived)}）`;
          const unstarted = row.unstartedOverLimit ? `　${T.unstartedOverLimit(r.unstartedLimitDays)} ${row.unstartedOverLimit}个` : "";
          const deduction = row.deduction && row.baseScore !== null ? `（${T.overall} ${pointsText(row.baseScore)}，${T.deduction} ${pointsText(row.deduction)}）` : "";
          return `${row.rank ?? "—"}. *${esc(row.name)}*　${T.finalScore} ${reviewScoreCell(row)}${deduction}　${money2}${unstarted}`;
        }),
      ),
    );
  }
  return [blocks, ...paginate(tables)];
}
