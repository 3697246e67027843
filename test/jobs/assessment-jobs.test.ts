import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs, runJobNow } from "../../src/jobs/run-jobs.ts";
import { listGroups, listUnits } from "../../src/store/directory.ts";
import { writeSetting } from "../../src/store/settings.ts";
import { textOf } from "../helpers/slack-harness.ts";
import { SUMMARY, at, startJobsHarness, type JobsHarness } from "./jobs-harness.ts";

// 季通报 and 年考核 as the scheduled jobs post them: the demo district, the
// Slack stand-in validating every call, the workbook read back.

let h: JobsHarness;
let groupCount: number;
let unitCount: number;

beforeAll(async () => {
  h = await startJobsHarness("2026-11-23");
  groupCount = (await listGroups(h.store.db)).length;
  unitCount = (await listUnits(h.store.db)).length;
}, 120_000);
afterAll(async () => {
  await h.close();
});

const postsSince = (n: number) => h.standin.callsTo("chat.postMessage").slice(n).filter((c) => c.args.channel === SUMMARY);

async function filesOf(n: number) {
  const uploads = h.standin.callsTo("files.completeUploadExternal").slice(n);
  const files = uploads.flatMap((c) => c.args.files as Array<{ id: string; title: string }>);
  return files.map((f) => ({ title: f.title, name: h.standin.file(f.id)!.filename as string, bytes: h.standin.file(f.id)!.bytes! }));
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

describe("quarterly_bulletin (季通报)", () => {
  it("posts the 通报 with 先进 and 后进 named on each metric, the tables in the thread, and its workbook", async () => {
    const before = h.standin.callsTo("chat.postMessage").length;
    const uploadsBefore = h.standin.callsTo("files.completeUploadExternal").length;
    expect(await runJobNow(h.deps(), "quarterly_bulletin", "2026-Q3")).toMatchObject({ status: "posted" });
    const posts = postsSince(before);
    const [main, ...thread] = posts;
    const text = textOf(main!.args.blocks);
    expect(text).toContain("2026年第3季度招商引资目标任务完成情况通报");
    expect(text).toContain("数据截至2026年9月30日");
    expect(text).toContain("各专项招商工作组中，综合得分位列前三的是");
    expect(text).toContain("各责任单位中，综合得分位列前三的是");
    expect(text).toMatch(/协议资金完成率位列前三的是.+排名靠后的是/);
    expect(text).toMatch(/低于序时进度 [\d.、]+ 个百分点，予以通报/);
    // Every group and unit is listed once in the thread's tables.
    const tables = thread.map((p) => textOf(p.args.blocks)).join("\n");
    expect(thread.every((p) => p.args.thread_ts === main!.response?.ts)).toBe(true);
    expect(tables.match(/^\d+\. \*/gm)!.length).toBe(groupCount + unitCount);
    expect(tables).toContain("〔先进：");
    expect(tables).toContain("后进：");
    expect(h.standin.calls.filter((c) => !c.ok)).toEqual([]);

    const files = await filesOf(uploadsBefore);
    expect(files.map((f) => f.name)).toEqual(["季度通报-2026-Q3.xlsx", "季度通报-工作组-2026-Q3.png", "季度通报-责任单位-2026-Q3.png"]);
    const wb = await workbook(files[0]!.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["通报", "工作组", "责任单位"]);
    expect(String(wb.getWorksheet("通报")!.getCell(4, 1).value)).toContain("予以通报");
    const groups = wb.getWorksheet("工作组")!;
    expect(groups.rowCount - 3).toBe(groupCount);
    expect(String(groups.getCell(2, 1).value)).toBe("数据截至2026年9月30日");
    // Numbers as numbers: the composite in 分, completion as a fraction formatted %, places as plain numbers.
    const head = (groups.getRow(3).values as unknown[]).map(String);
    const col = (name: string) => head.indexOf(name);
    expect(groups.getCell(4, col("综合名次")).value).toBe(1);
    expect(typeof groups.getCell(4, col("综合得分")).value).toBe("number");
    expect(groups.getColumn(col("综合得分")).numFmt).toBe('0.0" 分"');
    expect(typeof groups.getCell(4, col("协议资金完成")).value).toBe("number");
    expect(groups.getColumn(col("协议资金完成")).numFmt).toContain("亿元");
    expect(groups.getCell(4, col("协议资金完成") + 2).numFmt).toBe("0.0%");
  }, 180_000);
});

describe("annual_review (年考核)", () => {
  it("is due on the first working day after the year and posts the assessment once, with its workbook", async () => {
    await writeSetting(h.store.db, "rules", { annualReview: { deductions: { perUnstartedOverLimit: 2 } } });
    h.clock.now = at("2027-01-04T09:09:00");
    expect(await runDueJobs(h.deps(), ["annual_review"])).toEqual([]);
    const before = h.standin.callsTo("chat.postMessage").length;
    const uploadsBefore = h.standin.callsTo("files.completeUploadExternal").length;
    h.clock.now = at("2027-01-04T09:15:00");
    expect(await runDueJobs(h.deps(), ["annual_review"])).toEqual([{ job: "annual_review", period: "2026", status: "posted", late: false }]);
    expect(await runDueJobs(h.deps(), ["annual_review"])).toEqual([]);

    const [main, ...thread] = postsSince(before);
    const text = textOf(main!.args.blocks);
    expect(text).toContain("2026年度招商引资目标任务考核结果");
    expect(text).toContain("数据截至2026年12月31日");
    expect(text).not.toContain("年度尚未结束");
    expect(text).toContain("签约未开工超过180天的项目每个扣 2 分");
    const tables = thread.map((p) => textOf(p.args.blocks)).join("\n");
    expect(tables.match(/^\d+\. \*/gm)!.length).toBe(groupCount + unitCount);
    expect(tables).toMatch(/考核得分 \d+\.\d 分（综合得分 \d+\.\d 分，扣分 \d+\.\d 分）/);
    expect(h.standin.calls.filter((c) => !c.ok)).toEqual([]);

    const [file] = await filesOf(uploadsBefore);
    expect(file!.name).toBe("年度考核-2026.xlsx");
    const wb = await workbook(file!.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["说明", "工作组", "责任单位"]);
    const units = wb.getWorksheet("责任单位")!;
    expect(units.rowCount - 3).toBe(unitCount);
    const head = (units.getRow(3).values as unknown[]).map(String);
    const col = (name: string) => head.indexOf(name);
    // Each row: score = base − deduction, deduction = 2 × 签约未开工 over the limit (never below 0).
    let deducted = 0;
    for (let r = 4; r <= units.rowCount; r++) {
      const base = units.getCell(r, col("综合得分（扣分前）")).value as number | null;
      const over = units.getCell(r, col("签约未开工超过180天")).value as number;
      const deduction = units.getCell(r, col("扣分")).value as number;
      const score = units.getCell(r, col("考核得分")).value as number | null;
      expect(deduction).toBe(2 * over);
      if (base !== null) expect(score).toBeCloseTo(Math.max(0, base - deduction), 6);
      deducted += deduction;
    }
    expect(deducted).toBeGreaterThan(0);
    expect(units.getColumn(col("考核得分")).numFmt).toBe('0.0" 分"');
  }, 180_000);
});
