import { describe, expect, it } from "vitest";
import { chineseNumeral, formatMoney, moneyInput, periodInProse, yearOnYearText } from "../../src/domain/glossary.ts";

// The glossary's number words at their edges (found by mutation testing:
// each case below failed no test before).

describe("number words at their edges", () => {
  it("chineseNumeral: every digit, 十 itself, the teens and the tens", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 19, 20, 35].map(chineseNumeral)).toEqual(["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十九", "二十", "三十五"]);
  });

  it("formatMoney: a negative amount keeps its unit (亿 or 万) and a minus sign", () => {
    expect(formatMoney(-25_000)).toBe("-2.5亿元");
    expect(formatMoney(-3_000)).toBe("-3,000万元");
  });

  it("moneyInput: exactly 1亿 is written in 亿; amounts in 万 keep two decimals at most", () => {
    expect(moneyInput(10_000)).toBe("1亿元");
    expect(moneyInput(9_900)).toBe("9,900万元");
    expect(moneyInput(1.234)).toBe("1.23万元");
  });

  it("yearOnYearText: a difference of exactly half a 分 (0.005万元) is a change, not 持平", () => {
    expect(yearOnYearText(0.005, 0, true)).toBe("同期 0万元，同比增加 0.01万元");
    expect(yearOnYearText(0, 0, true)).toBe("同期 0万元，与同期持平");
  });

  it("periodInProse: only a label that is exactly a week or a quarter reads as one", () => {
    expect(periodInProse("2026-W47")).toBe("2026年第47周");
    expect(periodInProse("2026-Q4")).toBe("2026年第4季度");
    for (const odd of ["12026-W47", "2026-W47x", "12026-Q4", "2026-Q4x"]) expect(periodInProse(odd)).toBe(`${odd}年`);
  });
});
