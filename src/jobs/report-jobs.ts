import { ASSESSMENT_TEXTS, asOfText, formatPercent } from "../domain/glossary.ts";
import { startChartThread, type ChartThread } from "../charts/chart-thread.ts";
import type { RankingChartInput } from "../charts/ranking-chart.ts";
import type { RankingReport } from "../reports/ranking-report.ts";
import { buildReport, type TallyMemo } from "../services/report-service.ts";
import { loadDecisionTally, decisionTallyLine } from "../services/decision-tally.ts";
import { context, section, type Block } from "../slack/blocks/kit.ts";
import { rankingMessages, stalledMessages, weeklyMessages, type Messages } from "../slack/blocks/report-blocks.ts";
import { collectGarbage } from "../memory.ts";
import { lateNotice, type JobContext } from "./job-context.ts";
import type { JobPlan, Post } from "./post-plan.ts";

// The summary-channel posts: weekly 调度 summary (with charts and the
// printable table), stalled list, weekly group ranking, quarterly bulletin.

function withNotice(ctx: JobContext, messages: Messages): Messages {
  const notice = lateNotice(ctx);
  if (!notice) return messages;
  const [first, ...rest] = messages;
  return [[context([notice]) as Block, ...first].slice(0, 50), ...rest];
}

function rankingChartInput(r: RankingReport, title: string): RankingChartInput {
  return {
    title,
    subtitle: `${asOfText(r.period.asOf)}　序时进度 ${formatPercent(r.paceShare)}`,
    entries: r.entries.map((e) => ({ name: e.name, agreedCompletion: e.completion.agreed, arrivedCompletion: e.completion.arrived, rank: e.rank })),
    yearShare: r.paceShare,
  };
}

/** `charts`: the weekly post's chart thread when the caller started it early (the report worker); closed here once the charts are drawn. */
export async function planReportJob(ctx: JobContext, charts?: ChartThread): Promise<JobPlan> {
  const channel = ctx.config[ctx.job].channel ?? ctx.config.summaryChannel;
  if (!channel) return { posts: [], skipped: "未配置汇总频道（SUMMARY_CHANNEL_ID 或 dispatch jobs configure）" };
  const { db, rules, now, due } = ctx;
  const post = (messages: Messages, text: string, files?: Post["files"]): JobPlan => ({ posts: [{ key: "main", channel, text, messages: withNotice(ctx, messages), files }] });

  if (ctx.job === "weekly_summary") {
    const thread = charts ?? startChartThread();
    // exceljs (~0.3 s to load) loads while the store answers the reports' queries (on PostgreSQL this thread waits for them).
    const workbooks = import("../reports/render-xlsx.ts");
    workbooks.catch(() => {}); // a failure is the workbook's, reported where it is awaited
    try {
      // The ranking first, so its chart is drawn while the summary is built; then the funnel.
      // (The summary first would spare one read of the day's tallies, but at 100,000 projects
      // the ranking's reads then come on top of the summary's memory: ~35 MB more at the peak.)
      const memo: TallyMemo = new Map();
      const ranking = await buildReport(db, { kind: "ranking", by: "group", week: due.period, now }, rules, memo);
      if (ranking.kind !== "ranking") throw new Error("unexpected report kind");
      const rankingPng = thread.draw({ kind: "ranking", input: rankingChartInput(ranking, `专项招商工作组完成率 ${due.period}`) });
      collectGarbage(); // the ranking's reads leave their garbage behind; the summary's reads that follow are the post's memory peak
      const report = await buildReport(db, { kind: "weekly", week: due.period, now }, rules, memo);
      if (report.kind !== "weekly") throw new Error("unexpected report kind");
      const funnelPng = thread.draw({ kind: "funnel", input: { title: `项目阶段分布（截至 ${report.period.asOf}）`, stages: report.funnel.map((f) => ({ label: f.label, count: f.count })) } });
      const messages = weeklyMessages(report);
      // The 调度会's decisions, counted as the next agenda reports them (shown once there are any).
      const decisions = await loadDecisionTally(db, rules, report.period.asOf);
      if (decisions.done + decisions.inProgress + decisions.overdue > 0) messages[0] = [...messages[0].slice(0, 49), section(decisionTallyLine(decisions))];
      // The charts are done and their thread has ended before the workbook is written: at
      // 100,000 projects writing it is the post's peak of memory, and the thread holds ~80 MB.
      const [funnel, rankingChart] = await Promise.all([funnelPng, rankingPng]);
      await thread.close();
      const xlsx = Buffer.from(await (await workbooks).weeklyWorkbook(report).xlsx.writeBuffer());
      return post(messages, `招商引资周调度 ${due.period}`, [
        { filename: `周调度-${due.period}.xlsx`, title: `周调度表 ${due.period}（打印用）`, bytes: xlsx },
        { filename: `阶段分布-${due.period}.png`, title: "项目阶段分布", bytes: funnel },
        { filename: `工作组排名-${due.period}.png`, title: "工作组完成率", bytes: rankingChart },
      ]);
    } finally {
      await thread.close(); // (again, when the post failed before the charts were done)
    }
  }
  if (ctx.job === "stalled_list") {
    const report = await buildReport(db, { kind: "stalled", week: due.period, now }, rules);
    if (report.kind !== "stalled") throw new Error("unexpected report kind");
    return post(stalledMessages(report), `滞后项目清单 ${due.period}`);
  }
  if (ctx.job === "group_ranking") {
    const report = await buildReport(db, { kind: "ranking", by: "group", week: due.period, now }, rules);
    if (report.kind !== "ranking") throw new Error("unexpected report kind");
    const { rankingChartPng } = await import("../charts/ranking-chart.ts");
    return post(rankingMessages(report), `工作组排名 ${due.period}`, [{ filename: `工作组排名-${due.period}.png`, title: "工作组完成率", bytes: rankingChartPng(rankingChartInput(report, `专项招商工作组完成率 ${due.period}`)) }]);
  }
  if (ctx.job === "annual_review") {
    // 年考核: the assessment table, groups and units, with its workbook.
    const { buildAnnualReviewReport } = await import("../services/assessment-service.ts");
    const { reviewWorkbook } = await import("../reports/assessment-xlsx.ts");
    const { reviewMessages } = await import("../slack/blocks/assessment-blocks.ts");
    const review = await buildAnnualReviewReport(db, { year: due.period, now }, rules);
    const xlsx = Buffer.from(await reviewWorkbook(review).xlsx.writeBuffer());
    return post(reviewMessages(review), `${ASSESSMENT_TEXTS.reviewTitle(review.year)}`, [{ filename: `年度考核-${due.period}.xlsx`, title: `${ASSESSMENT_TEXTS.reviewTitle(review.year)}（打印用）`, bytes: xlsx }]);
  }
  // quarterly_bulletin (季通报): the 通报 text and rankings on each metric, the tables in the thread, charts and workbook attached.
  const { bulletinWorkbook } = await import("../reports/assessment-xlsx.ts");
  const { bulletinMessages } = await import("../slack/blocks/assessment-blocks.ts");
  const { buildBulletin } = await import("../reports/quarterly-bulletin.ts");
  const { rankingChartPng } = await import("../charts/ranking-chart.ts");
  const groups = await buildReport(db, { kind: "ranking", by: "group", quarter: due.period, now }, rules);
  const units = await buildReport(db, { kind: "ranking", by: "unit", quarter: due.period, now }, rules);
  if (groups.kind !== "ranking" || units.kind !== "ranking") throw new Error("unexpected report kind");
  const bulletin = buildBulletin(groups, units, rules.bulletin.named);
  const title = ASSESSMENT_TEXTS.bulletinTitle(due.period);
  return post(bulletinMessages(bulletin), title, [
    { filename: `季度通报-${due.period}.xlsx`, title: `${title}（打印用）`, bytes: Buffer.from(await bulletinWorkbook(bulletin).xlsx.writeBuffer()) },
    { filename: `季度通报-工作组-${due.period}.png`, title: "工作组完成率", bytes: rankingChartPng(rankingChartInput(groups, `${due.period} 专项招商工作组完成率`)) },
    { filename: `季度通报-责任单位-${due.period}.png`, title: "责任单位完成率", bytes: rankingChartPng(rankingChartInput(units, `${due.period} 责任单位完成率`)) },
  ]);
}
