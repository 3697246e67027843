import { describe, expect, it } from "vitest";
import { againstPace, compositeScoreText, dayInProse, dayRangeInProse, dueOn, formatMoney, formatPercent, noProgressFor } from "../../src/domain/glossary.ts";

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
});
