import { describe, expect, it } from "vitest";
import { formatWan, MAX_WAN, parseMoneyWan } from "../../src/domain/money.ts";

describe("parseMoneyWan accepts", () => {
  it.each([
    ["3000万", 3000],
    ["3000万元", 3000],
    ["2.5亿", 25_000],
    ["2.5亿元", 25_000],
    ["1.2345亿", 12_345],
    ["2.50亿", 25_000],
    ["1,200万元", 1200],
    ["1，200万", 1200],
    ["12,000", 12_000],
    ["1,234,567万", 1_234_567],
    ["3000", 3000],
    ["０", 0],
    ["３０００万", 3000],
    ["  3000万 ", 3000],
    ["3000 万", 3000],
    ["\u30003000万\u3000", 3000],
    ["30000000元", 3000],
    ["10000元", 1],
    ["3000.0万", 3000],
    ["3000.00万", 3000],
    ["2.05亿", 20_500], // only trailing zeros of the decimals are dropped
    ["100000亿", MAX_WAN],
  ])("%j → %d万", (text, wan) => {
    expect(parseMoneyWan(text)).toEqual({ ok: true, wan });
  });
});

describe("parseMoneyWan refuses, saying how to write it", () => {
  it.each([
    ["", "金额为空"],
    ["   ", "金额为空"],
    ["2.5", "无法确定单位：请写成 2.5亿 或 25000万"],
    ["0.5万", "不是整数万元"],
    ["1.5万元", "不是整数万元"],
    ["1.23456亿", "最多保留四位小数"],
    ["15000元", "不是整万元"],
    ["30000000.5元", "不是整万元"],
    ["-3000万", "不能为负数"],
    ["-1", "不能为负数"],
    ["1,20万", "千分位逗号位置不对"],
    ["12,00", "千分位逗号位置不对"],
    ["三千万", "阿拉伯数字"],
    ["两亿", "阿拉伯数字"],
    ["3000w", "单位无法识别"],
    ["3000k", "单位无法识别"],
    ["3000 w", "单位无法识别"],
    ["3000wan", "单位无法识别"],
    ["3000-5000万", "单位无法识别"], // a range is not a negative amount
    ["1,20.55万", "千分位逗号位置不对"],
    ["3千万", "阿拉伯数字"],
    ["$5", "单位无法识别"],
    ["100000.0001亿", "超过 100,000亿"],
    ["1000000001", "超过 100,000亿"],
    ["abc", "无法识别"],
    ["3 000", "无法识别"],
    ["+3000", "无法识别"],
    ["万", "无法识别"],
  ])("%j", (text, fragment) => {
    const r = parseMoneyWan(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(fragment);
      // Every refusal shows an example of a correct amount.
      expect(r.error).toMatch(/\d+(万|亿)/);
    }
  });

  // Not an amount with a wrong unit: no unit advice, just how to write one.
  it.each(["abc", "约3000万", "3000万 左右", "1.2.3", "+3000"])("%j is not recognised at all", (text) => {
    expect(parseMoneyWan(text)).toEqual({ ok: false, error: `金额“${text}”无法识别：请写成 3000万、2.5亿、1,200万元，或不带单位的整数（单位为万元）` });
  });

  it("a bare decimal too long to be whole 万 in 亿 asks for whole 万元", () => {
    expect(parseMoneyWan("2.56789")).toEqual({ ok: false, error: "金额“2.56789”无法确定单位：请写成 2.56789亿 或 整数万元（以万元为单位的整数）" });
  });

  it("quotes the exact example for a bare decimal", () => {
    expect(parseMoneyWan("2.5")).toEqual({
      ok: false,
      error: "金额“2.5”无法确定单位：请写成 2.5亿 或 25000万（以万元为单位的整数）",
    });
  });
});

describe("formatWan", () => {
  it.each([
    [0, "0"],
    [1, "1万"],
    [3000, "3,000万"],
    [9999, "9,999万"],
    [10_000, "1亿"],
    [25_000, "2.5亿"],
    [200_000, "20亿"],
    [12_345, "1.2345亿"],
    [MAX_WAN, "100,000亿"],
    [-3000, "-3,000万"],
    [-25_000, "-2.5亿"],
    [12.5, "12.5万"],
    [0.001, "0"],
  ])("%d → %s", (wan, text) => {
    expect(formatWan(wan)).toBe(text);
  });

  it("round-trips through parseMoneyWan for whole 万", () => {
    for (const wan of [1, 999, 3000, 10_000, 12_345, 250_000, MAX_WAN]) {
      expect(parseMoneyWan(formatWan(wan))).toEqual({ ok: true, wan });
    }
  });
});
