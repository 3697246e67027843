import { describe, expect, it } from "vitest";
import {
  dateCellOf,
  parseChannelId,
  parseChoice,
  parseCount,
  parseDate,
  parseMoney,
  parseText,
  parseUserIds,
  parseYear,
  splitNames,
  type LedgerCell,
  type Parsed,
} from "../../src/ledger/cells.ts";
import { ORIGIN_LABELS } from "../../src/ledger/columns.ts";

const value = <T>(r: Parsed<T>) => (r.ok ? r.value : `ERR:${r.reason}`);
const refused = <T>(r: Parsed<T>) => !r.ok;

describe("ledger cells", () => {
  it("reads dates from date cells and the four text shapes, and nothing else", () => {
    const ok: [LedgerCell, string][] = [
      [new Date(Date.UTC(2026, 10, 20)), "2026-11-20"],
      [new Date(Date.UTC(2026, 10, 20, 15, 30)), "2026-11-20"], // a date-time cell keeps its day
      ["2026-11-20", "2026-11-20"],
      ["2026/11/20", "2026-11-20"],
      ["2026.11.20", "2026-11-20"],
      ["2026年11月20日", "2026-11-20"],
      ["2026年1月5日", "2026-01-05"],
      ["\u3000２０２６－１１－２０ ", "2026-11-20"],
      ["2024-02-29", "2024-02-29"],
    ];
    for (const [cell, date] of ok) expect(value(parseDate(cell))).toBe(date);
    expect(value(parseDate(null))).toBe(null);
    expect(value(parseDate("  "))).toBe(null);
    for (const cell of ["2026-02-29", "2026-13-01", "2026-11", "11/20/2026", "20.11.2026", "2026-11-20 10:00", "明年", "0026-01-01"]) {
      expect(refused(parseDate(cell)), String(cell)).toBe(true);
    }
    expect(value(parseDate(46346))).toMatch(/是数字而不是日期/);
    expect(value(parseDate({ error: "#N/A" }))).toMatch(/错误值 #N\/A/);
    expect(value(parseDate(dateCellOf("2026-03-01")))).toBe("2026-03-01");
  });

  it("reads money as whole 万元 from numbers or from money text", () => {
    expect([3000, "3000", "3000万", "1,200万元", "2.5亿", "0"].map((c) => value(parseMoney(c)))).toEqual([3000, 3000, 3000, 1200, 25000, 0]);
    expect(value(parseMoney(null))).toBe(null);
    expect(value(parseMoney(12.5))).toMatch(/不是整数万元/);
    expect(value(parseMoney(-5))).toMatch(/不能为负数/);
    expect(value(parseMoney("2.5"))).toMatch(/无法确定单位/);
    expect(refused(parseMoney(new Date()))).toBe(true);
  });

  it("reads counts, years, choices, names and Slack ids", () => {
    expect([2, "2", "３", "4个"].map((c) => value(parseCount(c)))).toEqual([2, 2, 3, 4]);
    expect(refused(parseCount(1.5)) && refused(parseCount("-1")) && refused(parseCount("两个"))).toBe(true);
    expect([2026, "2026", "2026年"].map((c) => value(parseYear(c)))).toEqual([2026, 2026, 2026]);
    expect(refused(parseYear(26)) && refused(parseYear("二〇二六"))).toBe(true);
    expect(["市外", " 区外市内 ", "in_district"].map((c) => value(parseChoice(c, ORIGIN_LABELS, "项目来源")))).toEqual([
      "OUTSIDE_CITY",
      "IN_CITY_OUTSIDE_DISTRICT",
      "IN_DISTRICT",
    ]);
    expect(value(parseChoice("外地", ORIGIN_LABELS, "项目来源"))).toMatch(/请填写 “市外”、“区外市内”、“区内” 之一/);
    expect(value(parseText("\u3000白涛园区\u3000"))).toBe("白涛园区");
    expect(value(parseText(123))).toBe("123");
    expect(splitNames("区商务委、区经济信息委，区商务委\n区文旅委")).toEqual(["区商务委", "区经济信息委", "区文旅委"]);
    expect(value(parseUserIds("U0A、U0B U0C，W0D"))).toEqual(["U0A", "U0B", "U0C", "W0D"]);
    expect(value(parseUserIds("张三"))).toMatch(/不是 Slack 用户 ID/);
    expect(value(parseChannelId("C04ABC"))).toBe("C04ABC");
    expect(refused(parseChannelId("#招商一组"))).toBe(true);
  });
});
