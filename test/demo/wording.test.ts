import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUserId, loadDemo } from "../../src/demo/load-demo.ts";
import { planFridayReminder, planOverduePings } from "../../src/jobs/group-jobs.ts";
import { jobsConfigSchema } from "../../src/jobs/job-config.ts";
import { planReportJob } from "../../src/jobs/report-jobs.ts";
import type { RankingReport } from "../../src/reports/ranking-report.ts";
import { rankingText, stalledText, weeklyText } from "../../src/reports/render-text.ts";
import { rankingWorkbook, stalledWorkbook, weeklyWorkbook } from "../../src/reports/render-xlsx.ts";
import type { StalledList } from "../../src/reports/stalled-list.ts";
import type { WeeklySummary } from "../../src/reports/weekly-summary.ts";
import { bulletinText, reviewText } from "../../src/reports/assessment-text.ts";
import { bulletinWorkbook, reviewWorkbook } from "../../src/reports/assessment-xlsx.ts";
import { buildAnnualReviewReport, buildQuarterlyBulletin } from "../../src/services/assessment-service.ts";
import { bulletinMessages, reviewMessages } from "../../src/slack/blocks/assessment-blocks.ts";
import { loadHomeData } from "../../src/services/home-data.ts";
import { loadProjectCard } from "../../src/services/project-card.ts";
import { buildReport } from "../../src/services/report-service.ts";
import { appHomeView } from "../../src/slack/blocks/app-home.ts";
import { fundsForm, updateForm } from "../../src/slack/blocks/forms.ts";
import { projectCardBlocks } from "../../src/slack/blocks/project-card.ts";
import { rankingMessages, stalledMessages, weeklyMessages } from "../../src/slack/blocks/report-blocks.ts";
import { listProjects } from "../../src/store/projects.ts";
import { loadRules } from "../../src/store/settings.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// Everything the demo district produces, rendered as a user sees it (posts,
// cards, App Home, forms, pings, CLI text and JSON, workbooks), must speak
// the glossary: none of the words SPEC's "Wording" retired, and no amount
// with more than two decimals.

const NOW = new Date("2026-11-30T01:00:00Z"); // Monday 09:00 in Shanghai
const RETIRED = ["计权", "不计入", "落后进度", "超进度", "时间进度", "不评价"];
const LONG_AMOUNT = /\d\.\d{3,}\s*(亿|万)/;
let store: TestStore;
const rendered: Array<{ where: string; text: string }> = [];
const workbooks: Array<{ where: string; wb: ExcelJS.Workbook }> = [];
const reports: { weekly?: WeeklySummary; stalled?: StalledList; rankings: RankingReport[] } = { rankings: [] };

beforeAll(async () => {
  store = await createTestStore();
  const db = store.db;
  await loadDemo(db, "2026-11-30");
  const rules = await loadRules(db);
  const weekly = (await buildReport(db, { kind: "weekly", now: NOW }, rules)) as WeeklySummary;
  const stalled = (await buildReport(db, { kind: "stalled", now: NOW }, rules)) as StalledList;
  const rankings = [
    (await buildReport(db, { kind: "ranking", by: "group", now: NOW }, rules)) as RankingReport,
    (await buildReport(db, { kind: "ranking", by: "unit", quarter: "2026-Q3", now: NOW }, rules)) as RankingReport,
  ];
  Object.assign(reports, { weekly, stalled, rankings });
  rendered.push(
    { where: "weekly text", text: weeklyText(weekly) },
    { where: "weekly json", text: JSON.stringify(weekly) },
    { where: "weekly post", text: JSON.stringify(weeklyMessages(weekly)) },
    { where: "stalled text", text: stalledText(stalled) },
    { where: "stalled post", text: JSON.stringify(stalledMessages(stalled)) },
    ...rankings.flatMap((r) => [
      { where: `ranking ${r.by} text`, text: rankingText(r) },
      { where: `ranking ${r.by} post`, text: JSON.stringify(rankingMessages(r)) },
    ]),
  );
  // 季通报 and 年考核 (the year still running on 11-30, with a deduction set so its wording shows too).
  const bulletin = await buildQuarterlyBulletin(db, { quarter: "2026-Q3", now: NOW }, rules);
  const review = await buildAnnualReviewReport(db, { year: "2026", now: NOW }, { ...rules, annualReview: { deductions: { perUnstartedOverLimit: 1.5, maxUnstartedPoints: 4 } } });
  rendered.push(
    { where: "bulletin text", text: bulletinText(bulletin) },
    { where: "bulletin json", text: JSON.stringify(bulletin) },
    { where: "bulletin post", text: JSON.stringify(bulletinMessages(bulletin)) },
    { where: "review text", text: reviewText(review) },
    { where: "review json", text: JSON.stringify(review) },
    { where: "review post", text: JSON.stringify(reviewMessages(review)) },
  );
  workbooks.push({ where: "bulletin xlsx", wb: bulletinWorkbook(bulletin) }, { where: "review xlsx", wb: reviewWorkbook(review) });
  workbooks.push({ where: "weekly xlsx", wb: weeklyWorkbook(weekly) }, { where: "stalled xlsx", wb: stalledWorkbook(stalled) }, ...rankings.map((r) => ({ where: `ranking ${r.by} xlsx`, wb: rankingWorkbook(r) })));

  // Every project's card, and the forms opened on it.
  for (const p of await listProjects(db)) {
    const card = await loadProjectCard(db, p.id, NOW);
    rendered.push({ where: `card #${p.id}`, text: JSON.stringify(projectCardBlocks(card!)) });
    rendered.push({ where: `forms #${p.id}`, text: JSON.stringify([updateForm(p, { nextStep: p.nextStep, due: p.nextStepDue }, {}), fundsForm(p, { amountWan: Math.round(p.agreedWan * 0.37) }, {})]) });
  }
  for (let n = 1; n <= 24; n += 5) rendered.push({ where: `App Home ${demoUserId(n)}`, text: JSON.stringify(appHomeView(await loadHomeData(db, demoUserId(n), NOW))) });

  // The scheduled posts as the jobs plan them (pings, Friday reminder, the weekly with its files, the bulletin).
  const config = jobsConfigSchema.parse({ summaryChannel: "C0SUMMARY" });
  const due = (period: string) => ({ period, dueDay: "2026-11-30", dueAt: NOW, late: false });
  const ctx = (job: "overdue_pings" | "friday_reminder" | "weekly_summary" | "quarterly_bulletin" | "annual_review", period: string) => ({ db, rules, config, job, due: due(period), now: NOW });
  for (const plan of [await planOverduePings(ctx("overdue_pings", "2026-11-30")), await planFridayReminder(ctx("friday_reminder", "2026-W48")), await planReportJob(ctx("weekly_summary", "2026-W48")), await planReportJob(ctx("quarterly_bulletin", "2026-Q3")), await planReportJob(ctx("annual_review", "2026"))]) {
    for (const post of plan.posts) {
      rendered.push({ where: `post ${post.key}`, text: `${post.text}\n${JSON.stringify(post.messages)}` });
      for (const f of post.files ?? []) {
        if (!f.filename.endsWith(".xlsx")) continue;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(f.bytes as never);
        workbooks.push({ where: f.filename, wb });
      }
    }
  }
}, 600_000);

afterAll(async () => {
  await store.destroy();
});

describe("the demo district's wording", () => {
  it("renders every surface (the test sees what it checks)", () => {
    expect(rendered.length).toBeGreaterThan(300);
    expect(rendered.find((r) => r.where === "weekly text")!.text).toContain("招商引资工作周调度（2026年第48周，11月23日—29日）");
    expect(workbooks.length).toBeGreaterThanOrEqual(9);
    expect(rendered.find((r) => r.where === "bulletin text")!.text).toMatch(/位列前三的是.+排名靠后的是/);
    expect(rendered.find((r) => r.where === "review text")!.text).toMatch(/综合得分（扣分前）[\s\S]+\d+\.\d 分/);
    expect(rendered.find((r) => r.where === "review post")!.text).toContain("扣分");
  });

  it("says none of the retired words and no amount with more than two decimals", () => {
    const offending = rendered.flatMap(({ where, text }) => [
      ...RETIRED.filter((w) => text.includes(w)).map((w) => `${where}: ${w}`),
      ...(LONG_AMOUNT.test(text) ? [`${where}: ${LONG_AMOUNT.exec(text)![0]}`] : []),
    ]);
    expect(offending).toEqual([]);
  });

  it("workbooks: 数据截至 on every sheet, money as numbers with at most two decimals, dates as dates", () => {
    const problems: string[] = [];
    for (const { where, wb } of workbooks) {
      wb.eachSheet((ws) => {
        if (!String(ws.getCell(2, 1).value ?? "").startsWith("数据截至")) problems.push(`${where}/${ws.name}: no 数据截至`);
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value;
            const fmt = cell.numFmt ?? "";
            if (typeof v === "string") {
              for (const w of RETIRED) if (v.includes(w)) problems.push(`${where}/${ws.name}!${cell.address}: ${w}`);
              if (LONG_AMOUNT.test(v)) problems.push(`${where}/${ws.name}!${cell.address}: ${v}`);
              if (/^\d{4}-\d{2}-\d{2}$/.test(v)) problems.push(`${where}/${ws.name}!${cell.address}: a date as text`);
              if (/^\d+(\.\d+)?%$/.test(v)) problems.push(`${where}/${ws.name}!${cell.address}: a percentage as text`);
            }
            if (typeof v === "number" && fmt.includes("元") && Math.round(v * 100) / 100 !== v) problems.push(`${where}/${ws.name}!${cell.address}: ${v}`);
          }),
        );
      });
    }
    expect(problems).toEqual([]);
  });
});

describe("the demo district's figures", () => {
  it("ties only where the data truly ties: every group and unit has a rank of its own", () => {
    for (const r of reports.rankings) {
      const ranks = r.entries.map((e) => e.rank);
      expect(ranks.every((x) => x !== null), r.by).toBe(true);
      expect(new Set(ranks).size, r.by).toBe(ranks.length);
    }
  });

  it("spreads the groups around 序时进度: some ahead, some behind, the district near it", () => {
    const w = reports.weekly!;
    const statuses = new Set(w.byGroup.map((g) => g.pace.agreed?.status));
    expect(statuses.has("BEHIND") && (statuses.has("AHEAD") || statuses.has("ON_PACE"))).toBe(true);
    expect(Math.abs(w.yearToDate.pace.agreed!.points)).toBeLessThan(15);
    expect(w.yearToDate.targetSource).toBe("district");
    expect(w.signings.length).toBeGreaterThan(0);
    expect(w.yearToDate.lastYear!.agreed).toBeGreaterThan(0);
  });

  it("has red and yellow projects, each with its reasons, but not a majority", () => {
    const s = reports.stalled!;
    expect(s.counts.red).toBeGreaterThan(0);
    expect(s.counts.yellow).toBeGreaterThan(0);
    expect(s.counts.red + s.counts.yellow).toBeLessThan(reports.weekly!.health.green);
  });
});
