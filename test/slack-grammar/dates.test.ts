import { describe, expect, it } from "vitest";
import { DATE_FORMS, parseDateText } from "../../src/slack-grammar/dates.ts";

// Fixed today: Monday 2026-11-23.
const TODAY = "2026-11-23";

describe("parseDateText accepts every written form", () => {
  it.each([
    ["2026-12-15", "2026-12-15"],
    ["2026/12/15", "2026-12-15"],
    ["2026.12.15", "2026-12-15"],
    ["2026年12月15日", "2026-12-15"],
    ["2026年12月15号", "2026-12-15"],
    ["2026年 12月 15日", "2026-12-15"],
    ["2026-1-5", "2026-01-05"],
    ["20261215", "2026-12-15"],
    ["２０２６－１２－１５", "2026-12-15"],
    ["２０２６年１２月１５日", "2026-12-15"],
    ["12-15", "2026-12-15"],
    ["12/15", "2026-12-15"],
    ["12.15", "2026-12-15"],
    ["12月15日", "2026-12-15"],
    ["12月15号", "2026-12-15"],
    ["12月15", "2026-12-15"],
    ["１２月１５日", "2026-12-15"],
    ["今天", "2026-11-23"],
    ["今日", "2026-11-23"],
    ["today", "2026-11-23"],
    ["明天", "2026-11-24"],
    ["Tomorrow", "2026-11-24"],
    ["后天", "2026-11-25"],
    ["大后天", "2026-11-26"],
    ["+7", "2026-11-30"],
    ["＋７", "2026-11-30"],
    ["+7天", "2026-11-30"],
    ["7天后", "2026-11-30"],
    ["30日后", "2026-12-23"],
    ["10天以后", "2026-12-03"],
    ["3天前", "2026-11-20"],
    ["下周一", "2026-11-30"],
    ["下星期五", "2026-12-04"],
    ["下礼拜天", "2026-12-06"],
    ["本周五", "2026-11-27"],
    ["这周日", "2026-11-29"],
    ["上周五", "2026-11-20"],
    ["周一", "2026-11-23"],
    ["周三", "2026-11-25"],
    ["月底", "2026-11-30"],
    ["年底", "2026-12-31"],
  ])("%j → %s", (text, date) => {
    expect(parseDateText(text, TODAY, "future", "截止")).toEqual({ ok: true, date });
  });
});

describe("month-day without a year", () => {
  it.each([
    // future fields: this year unless more than 6 months past (before 2026-05-23), then next year
    ["future", "06-01", "2026-06-01"],
    ["future", "5-23", "2026-05-23"],
    ["future", "5-22", "2027-05-22"],
    ["future", "3-1", "2027-03-01"],
    ["future", "1月1日", "2027-01-01"],
    ["future", "11-22", "2026-11-22"],
    // past fields: this year unless more than 6 months ahead (after 2027-05-23): never, in November
    ["past", "12-31", "2026-12-31"],
    ["past", "1-5", "2026-01-05"],
  ] as const)("%s %j → %s", (lean, text, date) => {
    expect(parseDateText(text, TODAY, lean, "日期")).toEqual({ ok: true, date });
  });

  it("in January a past field's 12-15 is last December, a future field's is this December", () => {
    expect(parseDateText("12-15", "2027-01-10", "past", "到位日期")).toEqual({ ok: true, date: "2026-12-15" });
    expect(parseDateText("12-15", "2027-01-10", "future", "截止")).toEqual({ ok: true, date: "2027-12-15" });
    expect(parseDateText("7-11", "2027-01-10", "past", "到位日期")).toEqual({ ok: true, date: "2026-07-11" });
    expect(parseDateText("7-10", "2027-01-10", "past", "到位日期")).toEqual({ ok: true, date: "2027-07-10" });
  });

  it("a bare weekday looks forward for future fields and back for past fields", () => {
    expect(parseDateText("周五", TODAY, "future", "截止")).toEqual({ ok: true, date: "2026-11-27" });
    expect(parseDateText("周五", TODAY, "past", "到位日期")).toEqual({ ok: true, date: "2026-11-20" });
    expect(parseDateText("周一", TODAY, "past", "到位日期")).toEqual({ ok: true, date: "2026-11-23" });
  });

  it("02-29 is checked in the year chosen", () => {
    expect(parseDateText("2-29", "2027-11-23", "future", "截止")).toEqual({ ok: true, date: "2028-02-29" });
    const r = parseDateText("2-29", TODAY, "future", "截止");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain("2027 年没有这一天");
  });
});

describe("parseDateText refuses, listing the accepted forms", () => {
  it.each([
    ["下个月", "无法识别"],
    ["明年", "无法识别"],
    ["26-12-15", "无法识别"],
    ["12-15-2026", "无法识别"],
    ["2026-13-01", "不存在"],
    ["2026-02-30", "不存在"],
    ["13-01", "不存在"],
    ["4月31日", "没有这一天"],
    ["1999-12-31", "年份不合理"],
    ["+9999", "离今天太远"],
    ["", "为空"],
  ])("%j → %s", (text, why) => {
    const r = parseDateText(text, TODAY, "future", "截止");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toContain(why);
      expect(r.problem).toContain("截止");
      expect(r.problem).toMatch(/例如|请写成/);
    }
  });

  it("the list of forms names the month-day, full and relative shapes", () => {
    for (const form of ["12-15", "12月15日", "2026-12-15", "2026/12/15", "2026年12月15日", "今天", "明天", "后天", "+7", "7天后"]) {
      expect(DATE_FORMS).toContain(form);
    }
  });
});
