import { planDemo } from "../../src/demo/demo-plan.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { runDispatch } from "../helpers/dispatch-cli.ts";

// The real `dispatch` binary in a child process, against a real database,
// with the clock fixed through DISPATCH_NOW (Monday 2026-11-23, Shanghai).

let store: TestStore;
let dir: string;

const dispatch = (...args: string[]) => runDispatch(args, { DATABASE_URL: store.url, DISPATCH_NOW: "2026-11-23T09:00:00+08:00" });

beforeAll(async () => {
  store = await createTestStore();
  await store.close(); // the CLI opens its own connection
  dir = mkdtempSync(join(tmpdir(), "dispatch-cli-"));
}, 60_000);
afterAll(async () => {
  await store.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("dispatch CLI", () => {
  it("loads the demo district and prints this week's summary", async () => {
    const r = await dispatch("demo");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已载入：12 个工作组，22 个责任单位");
    expect(r.stdout).toContain("招商引资工作周调度（2026年第47周，11月16日—22日）");
    expect(r.stdout).toMatch(/上周签约项目\d+个/);
    const again = await dispatch("demo");
    expect(again.stderr).toContain("演示数据已在数据库中");
  });

  it("prints stable JSON with the documented fields", async () => {
    const r = await dispatch("report", "weekly", "--format", "json");
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe("dispatch.report/v2");
    expect(Object.keys(json)).toEqual([
      "schema", "kind", "period", "year", "paceShare", "sameDayLastYear", "calendarWarning", "signings", "stageMoves", "fundsArrived",
      "totals", "yearToDate", "byGroup", "byUnit", "funnel", "followOn", "health", "rates", "groupsWithoutUpdate", "topMovers", "unstarted", "supervision",
    ]);
    expect(json.signings.length).toBeGreaterThan(0);
    expect(Number.isInteger(json.signings[0].agreedWan)).toBe(true);
    // The demo's 未来订单 (follow-on projects of producing ones) appear in the funnel.
    expect(json.followOn.count).toBeGreaterThan(0);
    expect(json.followOn.agreedWan).toBeGreaterThan(0);
    const ranking = JSON.parse((await dispatch("report", "ranking", "--by", "unit", "--quarter", "2026-Q3", "--format", "json")).stdout);
    expect(ranking.entries).toHaveLength(22);
    expect(ranking.period.label).toBe("2026-Q3");
  });

  it("writes a printable xlsx that holds every row", async () => {
    const out = join(dir, "stalled.xlsx");
    const r = await dispatch("report", "stalled", "--format", "xlsx", "--out", out);
    expect(r.code).toBe(0);
    const json = JSON.parse((await dispatch("report", "stalled", "--format", "json")).stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("滞后项目")!;
    expect(ws.rowCount - 3).toBe(json.counts.red + json.counts.yellow);
    expect(ws.pageSetup.orientation).toBe("landscape");
  });

  it("exports a ledger and a template", async () => {
    const ledger = join(dir, "ledger.xlsx");
    expect((await dispatch("export", "ledger", "--out", ledger)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ledger);
    expect(wb.getWorksheet("项目")!.rowCount).toBe(1 + planDemo("2026-11-23").projects.length);
    expect((await dispatch("export", "template", "--out", join(dir, "t.xlsx"))).code).toBe(0);
  });

  it("overrides settings from a JSON file and refuses a bad one, saying what to fix", async () => {
    const good = join(dir, "rules.json");
    writeFileSync(good, JSON.stringify({ originWeights: { IN_DISTRICT: 0.1 } }));
    const r = await dispatch("settings", "set", good);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).originWeights).toEqual({ OUTSIDE_CITY: 1, IN_CITY_OUTSIDE_DISTRICT: 0.2, IN_DISTRICT: 0.1 });
    expect(JSON.parse((await dispatch("settings", "show")).stdout).originWeights.IN_DISTRICT).toBe(0.1);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ originWeights: { IN_DISTRICT: 3 } }));
    const refused = await dispatch("settings", "set", bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("originWeights.IN_DISTRICT");
    writeFileSync(bad, "{not json");
    expect((await dispatch("jobs", "configure", bad)).stderr).toContain("文件内容应为 JSON");
    writeFileSync(bad, JSON.stringify({ overdue_pings: { time: "9:30" } }));
    expect((await dispatch("jobs", "configure", bad)).stderr).toContain("须是 HH:MM");
  });

  it.each([
    [["report", "monthly"], "weekly、stalled、ranking、unstarted、leaders、blockers、bulletin 或 review"],
    [["report", "weekly", "--week", "2026-W60"], "2026-W47"],
    [["report", "ranking", "--by", "person"], "group（工作组）或 unit（责任单位）"],
    [["report", "weekly", "--format", "xlsx"], "--out"],
    [["import", "nope.xlsx"], "找不到文件"],
    // Commander's own usage errors, in Chinese with the right form (not its English, not exit 1).
    [["report"], "缺少参数 kind。用 dispatch report --help 查看正确写法"],
    [["foo"], "没有“foo”这个命令。用 dispatch --help 查看正确写法"],
    [["export", "ledger"], "必须指定 --out，例如 --out 台账.xlsx"],
    [["jobs", "run"], "缺少参数 job。用 dispatch jobs run --help"],
    [["report", "weekly", "--nope"], "没有 --nope 这个选项"],
    [["jobs", "run", "monthly"], "weekly_summary（weekly、周调度汇总）"],
  ])("refuses %j with exit code 2 and a Chinese hint", async (args, hint) => {
    const r = await dispatch(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).not.toMatch(/error:|missing required|unknown command/i);
  });

  it("takes short and Chinese job names; a dry run without a summary channel shows a placeholder; list says what was posted", async () => {
    const weekly = await dispatch("jobs", "run", "weekly", "--dry-run");
    expect(weekly.code).toBe(0);
    expect(JSON.parse(weekly.stdout)).toMatchObject({ job: "weekly_summary", period: "2026-W47" });
    const chinese = await dispatch("jobs", "run", "周调度", "--dry-run");
    expect(JSON.parse(chinese.stdout).job).toBe("weekly_summary");
    // No summary channel configured in this store: the dry run shows the Block Kit anyway, to a placeholder.
    expect(JSON.parse(chinese.stdout).posts[0].channel).toBe("C0SUMMARY_PLACEHOLDER");
    expect(chinese.stderr).toContain("以占位频道 C0SUMMARY_PLACEHOLDER 显示");
    const list = await dispatch("jobs", "list");
    expect(list.stdout).toMatch(/已到期：\S+（(已推送|未推送)）/);
  }, 180_000);

  it("prints job history in the district's time zone and export counts in words", async () => {
    const { openStore } = await import("../../src/store/client.ts");
    const s = await openStore(store.url);
    await s.db.jobRun.create({ data: { job: "weekly_summary", period: "2026-W40", status: "DONE", claimedBy: "t", claimedAt: new Date("2026-10-05T13:06:00Z"), leaseUntil: new Date("2026-10-05T13:16:00Z") } });
    await s.close();
    const history = await dispatch("jobs", "history");
    expect(history.stdout).toContain("2026-10-05 21:06  weekly_summary");
    expect(history.stdout).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    const out = join(dir, "ledger-words.xlsx");
    const exported = await dispatch("export", "ledger", "--out", out);
    expect(exported.stderr).toMatch(/已写入 .*：项目 \d+ 个，到位资金 \d+ 笔/);
    expect(exported.stderr).not.toContain("{");
  }, 180_000);
});
