import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import unzipper from "unzipper";
import { afterAll, describe, expect, it } from "vitest";
import { MINUTES_FONTS, minutesDocx, minutesParagraphs } from "../../src/reports/minutes-docx.ts";
import type { Minutes } from "../../src/services/minutes-service.ts";
import { personText } from "../../src/services/minutes-service.ts";
import { docxAsPdfText, hasSoffice } from "../helpers/libreoffice.ts";

// The 纪要 as Word writes it: the XML holds every decision in order with the
// fonts named, and LibreOffice renders it to a PDF whose text has them all.

const minutes: Minutes = {
  meeting: { id: 1, date: "2026-12-08", time: "09:00", title: "全区招商引资工作调度会", place: "区政府常务会议室", host: "张副区长", attendees: ["区招商投资促进局", "区规划自然资源局"], status: "CLOSED", closedAt: null, minutesPostedAt: null },
  topics: [
    { projectId: 7, title: "锂电池材料项目（宁德时代）", decisions: [
      { id: 1, matter: "协调解决项目土地指标", unit: "区规划自然资源局", owner: "王小峡", deadline: "2026-12-20" },
      { id: 2, matter: "加快办理环评批复", unit: "区生态环境局", owner: "李科长", deadline: "2026-12-31" },
    ] },
    { projectId: null, title: "综合事项", decisions: [{ id: 3, matter: "梳理全区闲置厂房", unit: "区经济信息委", owner: "赵主任", deadline: "2027-01-15" }] },
  ],
};

const dir = mkdtempSync(join(tmpdir(), "minutes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("会议纪要 (.docx)", () => {
  it("reads like a 纪要: time, place, host, then each topic with its decisions, 责任单位, 责任人, 时限", () => {
    const p = minutesParagraphs(minutes);
    expect(p[0]).toBe("2026年12月8日 09:00，张副区长在区政府常务会议室主持召开全区招商引资工作调度会，听取招商引资项目推进情况汇报，逐一研究项目推进中的困难和问题。现将会议议定事项纪要如下：");
    expect(p.slice(1, 6)).toEqual([
      "一、锂电池材料项目（宁德时代）",
      "（一）协调解决项目土地指标。责任单位：区规划自然资源局；责任人：王小峡；时限：2026年12月20日前。",
      "（二）加快办理环评批复。责任单位：区生态环境局；责任人：李科长；时限：2026年12月31日前。",
      "二、综合事项",
      "（一）梳理全区闲置厂房。责任单位：区经济信息委；责任人：赵主任；时限：2027年1月15日前。",
    ]);
    expect(personText("<@U0A1|wang> 与 <@U0B2>", new Map([["U0A1", "王小峡"]]))).toBe("王小峡 与 U0B2");
  });

  it("word/document.xml holds the decisions in order, with the title, heading and body fonts named", async () => {
    const bytes = await minutesDocx(minutes);
    writeFileSync(join(dir, "纪要.docx"), bytes);
    const zip = await unzipper.Open.buffer(bytes);
    const xml = (await zip.files.find((f) => f.path === "word/document.xml")!.buffer()).toString("utf8");
    const positions = ["全区招商引资工作调度会会议纪要", "参会单位：区招商投资促进局、区规划自然资源局", "协调解决项目土地指标", "加快办理环评批复", "梳理全区闲置厂房"].map((t) => xml.indexOf(t));
    expect(positions.every((i) => i >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const font of [MINUTES_FONTS.title, MINUTES_FONTS.heading, MINUTES_FONTS.body]) expect(xml).toContain(`w:eastAsia="${font}"`);
  });

  it.skipIf(!hasSoffice())("renders in LibreOffice to a PDF whose text holds every decision", async () => {
    const text = await docxAsPdfText(dir, "纪要.docx");
    for (const t of ["会议纪要", "协调解决项目土地指标", "加快办理环评批复", "梳理全区闲置厂房", "区规划自然资源局", "2027年1月15日前"]) expect(text).toContain(t);
  }, 150_000);
});
