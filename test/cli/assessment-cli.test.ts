import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { runDispatch } from "../helpers/dispatch-cli.ts";

// `dispatch report review --year` (年考核) and `dispatch report bulletin
// --quarter` (季通报): the real binary against a real database holding the
// demo district, clock fixed at Monday 2026-11-30 09:00 (Shanghai).

let store: TestStore;
let dir: string;

const dispatch = (...args: string[]) => runDispatch(args, { DATABASE_URL: store.url, DISPATCH_NOW: "2026-11-30T09:00:00+08:00" });

beforeAll(async () => {
  store = await createTestStore();
  await store.close(); // the CLI opens its own connection
  dir = mkdtempSync(join(tmpdir(), "dispatch-review-"));
  expect((await dispatch("demo")).code).toBe(0);
}, 180_000);
afterAll(async () => {
  await store.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("dispatch report review --year", () => {
  it("prints the year's assessment table as text, with the score as 分", async () => {
    const r = await dispatch("report", "review", "--year", "2026");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2026年度招商引资目标任务考核结果");
    // The year is not over on 11-30: computed as of today, and it says so.
    expect(r.stdout).toContain("数据截至2026年11月30日（年度尚未结束，以上为测算结果）");
    expect(r.stdout).toContain("扣分办法：未设扣分项");
    expect(r.stdout).toContain("【各专项招商工作组】");
    expect(r.stdout).toContain("【各责任单位】");
    expect(r.stdout).toMatch(/│ 1\s+│ \S+\s+│ [\d.]+亿元\/[\d.]+亿元，[\d.]+%/);
    expect(r.stdout).toMatch(/\d+\.\d 分/);
    expect(r.stdout).not.toMatch(/0\.\d{3}/);
  }, 120_000);

  it("gives JSON in the report schema, ranks consistent with the scores", async () => {
    const json = JSON.parse((await dispatch("report", "review", "--year", "2026", "--format", "json")).stdout);
    expect(json.schema).toBe("dispatch.report/v2");
    expect(Object.keys(json)).toEqual(["schema", "kind", "period", "year", "unstartedLimitDays", "deductions", "sections"]);
    expect(json).toMatchObject({ kind: "review", year: 2026, unstartedLimitDays: 180, deductions: { perUnstartedOverLimit: 0, maxUnstartedPoints: null } });
    expect(json.period).toMatchObject({ kind: "year", label: "2026", asOf: "2026-11-30", partial: true });
    const [groups, units] = json.sections;
    expect(groups.by).toBe("group");
    expect(groups.rows).toHaveLength(12);
    expect(units.rows).toHaveLength(22);
    for (const s of json.sections) {
      const scores = s.rows.filter((x: { score: number | null }) => x.score !== null).map((x: { score: number }) => x.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      for (const row of s.rows) {
        expect(Object.keys(row)).toEqual(["id", "name", "kind", "completion", "baseScore", "unstartedOverLimit", "deduction", "score", "rank", "achieved", "target"]);
        expect(row.deduction).toBe(0);
      }
    }
    // The 签约未开工 count per lead unit is the 签约未开工 list's, over 180 days, on the same day.
    const list = JSON.parse((await dispatch("report", "unstarted", "--as-of", "2026-11-30", "--format", "json")).stdout);
    const expected = new Map<string, number>();
    for (const p of list.projects as Array<{ leadUnit: string; daysSinceSigned: number | null }>) if ((p.daysSinceSigned ?? 0) > 180) expected.set(p.leadUnit, (expected.get(p.leadUnit) ?? 0) + 1);
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map(units.rows.filter((x: { unstartedOverLimit: number }) => x.unstartedOverLimit > 0).map((x: { name: string; unstartedOverLimit: number }) => [x.name, x.unstartedOverLimit]))).toEqual(expected);
  }, 120_000);

  it("writes a workbook: numbers as numbers with formats, 数据截至 on every sheet, one row per group and unit", async () => {
    const out = join(dir, "review.xlsx");
    const r = await dispatch("report", "review", "--year", "2026", "--format", "xlsx", "--out", out);
    expect(r.code).toBe(0);
    const json = JSON.parse((await dispatch("report", "review", "--year", "2026", "--format", "json")).stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["说明", "工作组", "责任单位"]);
    for (const ws of wb.worksheets) expect(String(ws.getCell(2, 1).value)).toBe("数据截至2026年11月30日");
    const groups = wb.getWorksheet("工作组")!;
    expect(groups.rowCount - 3).toBe(12);
    const head = (groups.getRow(3).values as unknown[]).map(String);
    const col = (name: string) => head.indexOf(name);
    const first = json.sections[0].rows[0];
    expect(groups.getCell(4, col("名称")).value).toBe(first.name);
    expect(groups.getCell(4, col("协议资金完成")).value).toBe(Math.round(first.achieved.agreed / 100) / 100);
    expect(groups.getColumn(col("协议资金完成")).numFmt).toBe('#,##0.00"亿元"');
    expect(groups.getCell(4, col("考核得分")).value).toBe(first.score);
    expect(groups.getColumn(col("考核得分")).numFmt).toBe('0.0" 分"');
    expect(groups.getColumn(col("协议资金完成") + 2).numFmt).toBe("0.0%");
  }, 120_000);

  it("defaults to last year, and refuses a quarter or a malformed year with a hint", async () => {
    const last = JSON.parse((await dispatch("report", "review", "--format", "json")).stdout);
    expect(last.period).toMatchObject({ label: "2025", asOf: "2025-12-31", partial: false });
    const quarter = await dispatch("report", "review", "--quarter", "2026-Q3");
    expect(quarter.code).toBe(2);
    expect(quarter.stderr).toContain("年考核按年度出具，请用 --year");
    const year = await dispatch("report", "review", "--year", "26");
    expect(year.code).toBe(2);
    expect(year.stderr).toContain("请写成四位年份");
  }, 120_000);
});

describe("dispatch report bulletin --quarter", () => {
  it("prints the 通报 with 先进 and 后进, and JSON in the report schema", async () => {
    const text = (await dispatch("report", "bulletin", "--quarter", "2026-Q3")).stdout;
    expect(text).toContain("2026年第3季度招商引资目标任务完成情况通报");
    expect(text).toMatch(/予以通报。|均基本符合或高于序时进度。/);
    const json = JSON.parse((await dispatch("report", "bulletin", "--quarter", "2026-Q3", "--format", "json")).stdout);
    expect(json).toMatchObject({ schema: "dispatch.report/v2", kind: "bulletin", named: 3, period: { label: "2026-Q3", asOf: "2026-09-30" } });
    expect(json.sections.map((s: { by: string; rows: unknown[] }) => [s.by, s.rows.length])).toEqual([["group", 12], ["unit", 22]]);
    const agreed = json.sections[0].metrics.find((m: { metric: string }) => m.metric === "agreed");
    expect(agreed.advanced.length).toBeGreaterThanOrEqual(3);
    expect(agreed.lagging.length).toBeGreaterThanOrEqual(3);
    expect(json.sections[0].text).toContain(agreed.advanced[0].name);
  }, 120_000);

  it("a scheduled run by its Chinese name shows the 年考核 it would post", async () => {
    const r = await dispatch("jobs", "run", "年考核", "--dry-run");
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ job: "annual_review", period: "2025" });
    expect(plan.posts[0].files.map((f: { filename: string }) => f.filename)).toEqual(["年度考核-2025.xlsx"]);
    expect((await dispatch("jobs", "run", "annual_review", "--period", "2026-Q3", "--dry-run")).stderr).toContain("请写成 2026");
  }, 120_000);
});
