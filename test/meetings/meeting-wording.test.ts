import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MEETING_TEXTS, weekdayInProse } from "../../src/domain/glossary.ts";

// The 调度会's words live in the glossary (MEETING_TEXTS), so /project 决定,
// 散会, the decision form, the agenda post and the 纪要 post say the same
// thing as a 通报 would, and change in one place. The Slack, job and service
// files of the meeting hold no Chinese of their own outside comments.

const MEETING_FILES = [
  "src/slack/commands/meeting-handlers.ts",
  "src/slack/views/decision-submission.ts",
  "src/slack/blocks/decision-form.ts",
  "src/slack/blocks/agenda-blocks.ts",
  "src/slack/actions/agenda-actions.ts",
  "src/jobs/meeting-jobs.ts",
  "src/jobs/minutes-post.ts",
  "src/services/meeting-service.ts",
  "src/services/minutes-service.ts",
  "src/services/decision-tally.ts",
  "src/services/agenda-service.ts",
  "src/reports/agenda-docx.ts",
];
const CJK = /[\u4e00-\u9fff]/;

/** The code without its comments (line and block), line numbers kept. */
function codeOnly(source: string): string[] {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ""))
    .split("\n")
    .map((line) => line.replace(/(^|[^:"'`])\/\/.*$/, "$1"));
}

describe("meeting wording comes from the glossary", () => {
  it.each(MEETING_FILES)("%s has no inline Chinese text", (file) => {
    const lines = codeOnly(readFileSync(resolve(import.meta.dirname, "../..", file), "utf8"));
    const inline = lines.map((l, i) => [i + 1, l.trim()] as const).filter(([, l]) => CJK.test(l));
    expect(inline).toEqual([]);
  });

  it("a recorded decision reads as the 通报 does, with its 督办 number when one was opened", () => {
    expect(MEETING_TEXTS.decisionRecorded("第49周调度会", "2026-12-01", 3, 12)).toBe("✅ 已记入第49周调度会（12月1日）决定事项 3，已挂牌督办（督办12）");
    expect(MEETING_TEXTS.decisionRecorded("专题协调会", "2026-12-01", 4, null)).toBe("✅ 已记入专题协调会（12月1日）决定事项 4");
    expect(MEETING_TEXTS.decisionDuty("区财政局", "<@U1>", "2026-12-31")).toBe("责任单位：区财政局　责任人：<@U1>　时限：12月31日");
  });

  it("散会 says whether it closed the meeting now and where the 纪要 went", () => {
    expect(MEETING_TEXTS.adjourned(true, "第49周调度会", "2026-12-01") + MEETING_TEXTS.minutesPosted.posted).toBe("✅ 已散会：第49周调度会（12月1日）。会议纪要已发到汇总频道。");
    expect(MEETING_TEXTS.adjourned(false, "第49周调度会", "2026-12-01")).toBe("该会议此前已散会：第49周调度会（12月1日）。");
    expect(MEETING_TEXTS.minutesPostTitle("第49周调度会", "2026-12-01")).toBe("第49周调度会会议纪要（2026年12月1日）");
  });

  it("the agenda document's time line names the weekday, as a meeting notice does", () => {
    expect([weekdayInProse("2026-12-06"), weekdayInProse("2026-12-08"), weekdayInProse("2027-01-01")]).toEqual(["星期日", "星期二", "星期五"]);
    expect(MEETING_TEXTS.doc.time("2026-12-08", "09:00")).toBe("时　　间：2026年12月8日（星期二） 09:00");
  });
});
