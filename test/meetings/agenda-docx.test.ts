import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import unzipper from "unzipper";
import { afterAll, describe, expect, it } from "vitest";
import { buildAgenda } from "../../src/domain/agenda.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { agendaDocTitle, agendaDocx } from "../../src/reports/agenda-docx.ts";
import { MINUTES_FONTS } from "../../src/reports/minutes-docx.ts";
import { project, supervision } from "../domain/factories.ts";
import { docxAsPdfText, hasSoffice } from "../helpers/libreoffice.ts";

// The 会前议程 as a government meeting document: 第X次…议程, the 时间/地点/
// 主持/参会 lines, parts 一、二、三…, each part's items in a table with
// 项目/堵点/责任单位/时限, page numbers in the footer; and it renders in
// LibreOffice to a PDF holding every item.

const agenda = buildAgenda({
  meeting: { id: 2, date: "2026-12-08", time: "09:00", title: "全区招商引资工作调度会", place: "区政府常务会议室", host: "张副区长", attendees: ["区招商投资促进局", "区规划自然资源局"], ordinal: 47 },
  asOf: "2026-12-07",
  rules: DEFAULT_RULES,
  decisions: [{ id: 1, meetingDate: "2026-12-01", projectId: 5, projectName: "乙项目", matter: "协调解决土地指标", unit: "区规划自然资源局", owner: "王科长", deadline: "2026-12-05", closedOn: null }],
  previousMeeting: "2026-12-01",
  projects: [
    project({ id: 3, name: "甲项目", stageDates: { SIGNED: "2026-01-01" }, blockers: "配套资金未到位", blockerKind: "FUNDING", blockerUnit: "区发改委", nextStep: "申请专项债", nextStepDue: "2026-12-20" }),
    project({ id: 5, name: "乙项目", stageDates: { SIGNED: "2026-02-01" }, blockers: "土地指标未落实", blockerKind: "LAND" }),
  ],
  supervision: [supervision({ id: 9, projectId: 5, issue: "办理用地预审", owner: "李科长", deadline: "2026-12-01", openedOn: "2026-11-01" })],
  lastUpdateOn: new Map([[3, "2026-12-01"], [5, "2026-12-01"]]),
  groupPace: [{ name: "新能源组", completion: 0.5, share: 0.93 }],
});

const dir = mkdtempSync(join(tmpdir(), "agenda-docx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of each table cell of word/document.xml, row by row. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("|")),
  );
}

describe("会前议程 (.docx)", () => {
  it("is titled 第X次…议程; without an ordinal on record, the meeting's title alone", () => {
    expect(agendaDocTitle(agenda)).toBe("第四十七次全区招商引资工作调度会议程");
    expect(agendaDocTitle({ ...agenda, meeting: { ...agenda.meeting, ordinal: null } })).toBe("全区招商引资工作调度会议程");
  });

  it("word/document.xml: the heading lines, parts 一、 to 五、 in order, tables of items, page numbers, the fonts named", async () => {
    const bytes = await agendaDocx(agenda);
    writeFileSync(join(dir, "议程.docx"), bytes);
    const zip = await unzipper.Open.buffer(bytes);
    const xml = (await zip.files.find((f) => f.path === "word/document.xml")!.buffer()).toString("utf8");
    const order = [
      "第四十七次全区招商引资工作调度会议程",
      "时　　间：2026年12月8日（星期二） 09:00",
      "地　　点：区政府常务会议室",
      "主持　　：张副区长",
      "参会单位：区招商投资促进局、区规划自然资源局",
      "一、上次会议决定事项落实情况",
      "二、红灯项目逐一研究",
      "三、签约未开工项目（超过90天）",
      "四、逾期督办事项",
      "五、低于序时进度的工作组",
    ].map((t) => xml.indexOf(t));
    expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml).not.toContain("（一）上次会议");

    const rows = tableRows(xml);
    // (一): the decision with its unit and deadline; (二): red projects by kind, with the project's own department.
    expect(rows).toContainEqual(["序号", "决定事项", "落实情况", "责任单位", "时限"]);
    expect(rows).toContainEqual(["1", "#5 乙项目：协调解决土地指标", "12月1日会议决定；责任单位：区规划自然资源局；责任人：王科长；时限：12月5日|逾期未落实（已逾期2天）", "区规划自然资源局", "12月5日前"]);
    expect(rows).toContainEqual(["序号", "项目", "堵点及进展", "责任单位", "时限"]);
    const red = rows.filter((r) => r[1] === "#5 乙项目（测试公司）" || r[1] === "#3 甲项目（测试公司）");
    expect(red.length).toBeGreaterThanOrEqual(2);
    expect(red[0]![3]).toBe("区规划自然资源局");
    expect(red.find((r) => r[1] === "#3 甲项目（测试公司）")).toEqual(expect.arrayContaining(["区发改委", "12月20日前"]));
    expect(rows.find((r) => r[1] === "#3 甲项目（测试公司）")![2]).toContain("要素制约：资金（区发改委）：配套资金未到位");
    expect(rows).toContainEqual(expect.arrayContaining(["序号", "工作组"]));

    const footer = (await Promise.all(zip.files.filter((f) => /^word\/footer\d*\.xml$/.test(f.path)).map(async (f) => (await f.buffer()).toString("utf8")))).join("");
    expect(footer).toContain("PAGE");
    expect(footer).toContain("— ");
    for (const font of [MINUTES_FONTS.title, MINUTES_FONTS.heading, MINUTES_FONTS.body]) expect(xml).toContain(`w:eastAsia="${font}"`);
  });

  it.skipIf(!hasSoffice())("renders in LibreOffice to a PDF whose text holds the title, every part and every item, with page numbers", async () => {
    const text = await docxAsPdfText(dir, "议程.docx");
    for (const t of ["第四十七次全区招商引资工作调度会议程", "一、上次会议决定事项落实情况", "五、低于序时进度的工作组", "协调解决土地指标", "乙项目", "甲项目", "办理用地预审", "新能源组", "区发改委", "—1—"]) expect(text).toContain(t);
  }, 150_000);
});
