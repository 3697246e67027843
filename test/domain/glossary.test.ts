import { describe, expect, it } from "vitest";
import { againstPace, compositeScoreText, dayInProse, dayRangeInProse, dueOn, formatMoney, formatPercent, moneyInput, noProgressFor, paceText, periodInProse, weeklyTitle, yearOnYearText } from "../../src/domain/glossary.ts";

describe("glossary formats", () => {
  it.each([
    [0, "0万元"],
    [3000, "3,000万元"],
    [600.4, "600.4万元"],
    [9999.999, "10,000万元"],
    [10_000, "1亿元"],
    [25_000, "2.5亿元"],
    [78_720, "7.87亿元"],
    [78_750, "7.88亿元"],
    [5_000_000, "500亿元"],
    [-3000, "-3,000万元"],
  ])("money %s万 reads %s", (wan, text) => expect(formatMoney(wan)).toBe(text));

  it.each([
    [0.2345, "23.5%"],
    [0, "0.0%"],
    [1, "100.0%"],
    [56.44, "5644.0%"],
  ])("percent %s reads %s", (r, text) => expect(formatPercent(r)).toBe(text));

  it("days in prose", () => {
    expect(dayInProse("2026-12-04")).toBe("12月4日");
    expect(dayInProse("2026-01-09", true)).toBe("2026年1月9日");
    expect(dayRangeInProse("2026-11-23", "2026-11-29")).toBe("11月23日—29日");
    expect(dayRangeInProse("2026-11-30", "2026-12-06")).toBe("11月30日—12月6日");
  });

  it("phrases", () => {
    expect(noProgressFor(20)).toBe("连续20天未报送进展");
    expect(dueOn("2026-12-04")).toBe("将于12月4日到期");
    expect(compositeScoreText(0.565)).toBe("综合得分 56.5 分");
    expect(compositeScoreText(1)).toBe("综合得分 100.0 分");
    expect(againstPace(-5.04)).toBe("低于序时进度 5 个百分点");
    expect(againstPace(3.26)).toBe("高于序时进度 3.3 个百分点");
    expect(againstPace(0.01)).toBe("与序时进度持平");
  });

  it("headers, pace and 同期", () => {
    expect(weeklyTitle(2026, 48, "2026-11-23", "2026-11-29")).toBe("招商引资工作周调度（2026年第48周，11月23日—29日）");
    expect(periodInProse("2026-Q4")).toBe("2026年第4季度");
    expect(periodInProse("2026-W05")).toBe("2026年第5周");
    expect(periodInProse("2026")).toBe("2026年");
    expect(paceText(-6.2, true)).toBe("低于序时进度 6.2 个百分点");
    expect(paceText(-4, false)).toBe("基本符合序时进度");
    expect(yearOnYearText(32_000, 21_000, true)).toBe("同期 2.1亿元，同比增加 1.1亿元");
    expect(yearOnYearText(3, 5, false)).toBe("同期 5个，同比减少 2个");
    expect(yearOnYearText(3, 3, false)).toBe("同期 3个，与同期持平");
  });

  it("money as typed back: exact, at most two decimals", () => {
    expect(moneyInput(78_720)).toBe("78,720万元");
    expect(moneyInput(25_000)).toBe("2.5亿元");
    expect(moneyInput(3_000)).toBe("3,000万元");
  });
});
