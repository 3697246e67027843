import { describe, expect, it } from "vitest";
import holidayData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { calendarKnows, calendarWarning, firstWorkdayOfWeek, holidayName, isWorkday, nextWorkday } from "../../src/domain/calendar.ts";

// Facts from the State Council's 2026 holiday notice, as shipped in chinese-days.
describe("isWorkday", () => {
  it.each<[string, boolean]>([
    ["2026-10-01", false], // 国庆
    ["2026-10-07", false],
    ["2026-10-08", true],
    ["2026-10-10", true], // make-up Saturday (调休)
    ["2026-09-20", true], // make-up Sunday
    ["2026-02-16", false], // 春节 Monday
    ["2026-02-14", true], // make-up Saturday
    ["2026-11-21", false], // ordinary Saturday
    ["2026-11-23", true], // ordinary Monday
    ["2099-10-01", true], // uncovered year: Mon–Fri fallback (a Thursday, no 国庆 known)
    ["2099-10-03", false], // Saturday
  ])("%s → %s", (d, work) => {
    expect(isWorkday(d)).toBe(work);
  });
});

describe("nextWorkday", () => {
  it.each<[string, string]>([
    ["2026-11-23", "2026-11-23"],
    ["2026-11-21", "2026-11-23"],
    ["2026-10-01", "2026-10-08"],
    ["2026-02-15", "2026-02-24"],
    ["2099-01-03", "2099-01-05"], // uncovered year: Saturday → Monday
  ])("%s → %s", (d, next) => {
    expect(nextWorkday(d)).toBe(next);
  });
});

describe("firstWorkdayOfWeek", () => {
  it.each<[string, string | null]>([
    ["2026-11-25", "2026-11-23"], // ordinary week: its Monday
    ["2026-10-01", "2026-09-28"], // National Day falls Thu: that week's Monday still works
    ["2026-10-05", "2026-10-08"], // week after: Mon–Wed holiday
    ["2026-10-10", "2026-10-08"],
    ["2026-02-18", null], // 春节 2026-W08: the whole week is off
    ["2018-10-03", null], // 国庆 2018-W40: the whole week off, though the next Monday works
    ["2026-01-01", "2025-12-29"],
  ])("week of %s → %s", (d, first) => {
    expect(firstWorkdayOfWeek(d)).toBe(first);
  });
});

describe("coverage of the holiday data", () => {
  it.each<[number, boolean]>([
    [2004, true],
    [2025, true],
    [2026, true],
    [2003, false],
    [2099, false],
  ])("calendarKnows(%d) → %s", (year, known) => {
    expect(calendarKnows(year)).toBe(known);
  });

  it("warns in Chinese and English for an uncovered year only", () => {
    expect(calendarWarning("2026-12-31")).toBeNull();
    expect(calendarWarning("2004-01-01")).toBeNull();
    expect(calendarWarning("2099-01-05")).toBe(
      "节假日数据未覆盖 2099 年，暂按周一至周五为工作日，法定节假日和调休未计入；请升级 chinese-days。" +
        " / Holiday data for 2099 is not available; using Monday–Friday as workdays until chinese-days is updated.",
    );
    expect(calendarWarning("2003-12-31")).toContain("节假日数据未覆盖 2003 年");
  });

  // chinese-days adds a year each November, when the State Council's notice
  // comes out. Whatever version is installed, the year after its last one is
  // unknown and warns, and its last year does not: no silent guess, and no
  // warning left over after an upgrade.
  it("the year after the installed data's last year warns; that last year does not", () => {
    const last = Math.max(...Object.keys(holidayData.holidays).map((d) => Number(d.slice(0, 4))));
    expect(last).toBeGreaterThanOrEqual(2026);
    expect(calendarWarning(`${last}-06-01`)).toBeNull();
    expect(calendarWarning(`${last + 1}-01-01`)).toContain(`节假日数据未覆盖 ${last + 1} 年`);
  });
});

describe("holidayName", () => {
  it.each<[string, string | null]>([
    ["2026-10-01", "国庆节"],
    ["2026-02-17", "春节"],
    ["2026-10-10", null],
    ["2026-11-23", null],
  ])("%s → %s", (d, name) => {
    expect(holidayName(d)).toBe(name);
  });
});
