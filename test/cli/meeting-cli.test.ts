import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import unzipper from "unzipper";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { runDispatch } from "../helpers/dispatch-cli.ts";

// `dispatch meeting …` and `dispatch report blockers` in a child process
// against the demo district, on Monday 2026-11-23 (Shanghai).

let store: TestStore;
let dir: string;

const dispatch = (...args: string[]) => runDispatch(args, { DATABASE_URL: store.url, DISPATCH_NOW: "2026-11-23T09:00:00+08:00", SLACK_BOT_TOKEN: "" });

beforeAll(async () => {
  store = await createTestStore();
  await store.close();
  dir = mkdtempSync(join(tmpdir(), "dispatch-meeting-"));
  expect((await dispatch("demo")).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await store.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("dispatch meeting", () => {
  it("agenda --format json: kind agenda, five sections of numbered items linked to projects", async () => {
    const r = await dispatch("meeting", "agenda", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe("dispatch.report/v2");
    expect(json.kind).toBe("agenda");
    // The next weekly meeting after Monday 11-23 is Tuesday 11-24.
    expect(json.meeting).toMatchObject({ date: "2026-11-24", time: "09:00", title: "全区招商引资工作调度会", ordinal: 1 });
    expect(json.meeting.attendees).toContain("区招商投资促进局");
    expect(json.sections.map((s: { title: string }) => s.title)).toEqual([
      "（一）上次会议决定事项落实情况",
      "（二）红灯项目逐一研究",
      "（三）签约未开工项目（超过90天）",
      "（四）逾期督办事项",
      "（五）低于序时进度的工作组",
    ]);
    const red = json.sections[1].items;
    expect(red.length).toBeGreaterThan(0);
    expect(red.map((i: { no: number }) => i.no)).toEqual(red.map((_: unknown, k: number) => k + 1));
    expect(red.every((i: { projectId: number | null }) => typeof i.projectId === "number")).toBe(true);
    expect(json.sections[3].items.length).toBeGreaterThan(0);
  }, 180_000);

  it("agenda as text and as .docx", async () => {
    const text = await dispatch("meeting", "agenda", "--date", "2026-11-24");
    expect(text.stdout).toContain("全区招商引资工作调度会会前议程");
    expect(text.stdout).toContain("（二）红灯项目逐一研究");
    const out = join(dir, "议程.docx");
    expect((await dispatch("meeting", "agenda", "--format", "docx", "--out", out)).code).toBe(0);
    const zip = await unzipper.Open.buffer(readFileSync(out));
    const xml = (await zip.files.find((f) => f.path === "word/document.xml")!.buffer()).toString();
    // A meeting document: 第X次…议程, parts 一、二、…, items in tables, page numbers in the footer.
    expect(xml).toMatch(/第[一二三四五六七八九十]+次全区招商引资工作调度会议程/);
    expect(xml).toContain("二、红灯项目逐一研究");
    expect(xml).toContain("<w:tbl>");
    expect(zip.files.some((f) => /^word\/footer\d*\.xml$/.test(f.path))).toBe(true);
    const bad = await dispatch("meeting", "agenda", "--format", "pdf");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("请写 text、json 或 docx");
  }, 180_000);

  it("new, close and minutes for a 专题协调会", async () => {
    const made = await dispatch("meeting", "new", "--date", "2026-11-25", "--title", "专题协调会", "--place", "区招商局会议室", "--attendees", "区规划自然资源局、区生态环境局");
    expect(made.stdout).toMatch(/已新建会议 \d+：专题协调会（2026-11-25 09:00）/);
    expect((await dispatch("meeting", "new", "--date", "2026-11-25", "--title", "专题协调会")).stdout).toContain("已存在会议");
    expect((await dispatch("meeting", "new", "--date", "11-25")).code).toBe(2);
    const out = join(dir, "纪要.docx");
    expect((await dispatch("meeting", "minutes", "--date", "2026-11-25", "--out", out)).code).toBe(0);
    const zip = await unzipper.Open.buffer(readFileSync(out));
    const xml = (await zip.files.find((f) => f.path === "word/document.xml")!.buffer()).toString();
    expect(xml).toContain("专题协调会会议纪要");
    expect(xml).toContain("区规划自然资源局、区生态环境局");
    expect(xml).toContain("本次会议未形成议定事项");
    const closed = await dispatch("meeting", "close", "--date", "2026-11-25");
    expect(closed.stdout).toContain("已散会：专题协调会（2026-11-25）");
    expect(closed.stdout).toContain("未设置 SLACK_BOT_TOKEN");
    expect((await dispatch("meeting", "close", "--date", "2026-11-25")).stdout).toContain("此前已散会");
  }, 180_000);
});

describe("dispatch report blockers", () => {
  it("by kind (default) and by unit, each with the department; JSON and xlsx", async () => {
    const byKind = JSON.parse((await dispatch("report", "blockers", "--format", "json")).stdout);
    expect(byKind).toMatchObject({ schema: "dispatch.report/v2", kind: "blockers", by: "kind", asOf: "2026-11-23" });
    expect(byKind.groups.map((g: { title: string }) => g.title)).toEqual(expect.arrayContaining(["用地", "环评", "审批"]));
    const land = byKind.groups.find((g: { key: string }) => g.key === "LAND");
    expect(land.rows[0]).toMatchObject({ kind: "LAND", kindLabel: "用地", unit: "区规划自然资源局", text: "用地指标待市规划自然资源局批复" });
    const byUnit = await dispatch("report", "blockers", "--by", "unit");
    expect(byUnit.stdout).toContain("要素保障问题清单（截至 2026-11-23，按责任单位）");
    expect(byUnit.stdout).toContain("【区规划自然资源局】");
    const out = join(dir, "问题清单.xlsx");
    expect((await dispatch("report", "blockers", "--format", "xlsx", "--out", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["用地", "环评"]));
    expect((await dispatch("report", "blockers", "--by", "group")).stderr).toContain("kind（类别）或 unit（责任单位）");
  }, 180_000);
});
