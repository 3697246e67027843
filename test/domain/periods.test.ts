import { dayEnd, dayStart, toLocalDate } from "../../src/domain/local-day.ts";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatQuarter,
  formatWeek,
  inRange,
  isLocalDate,
  parseQuarter,
  parseWeek,
  previousQuarter,
  previousWeek,
  quarterOf,
  quarterRange,
  toDate,
  weekOf,
  weekRange,
  yearRange,
  type IsoWeek,
  type Quarter,
} from "../../src/domain/periods.ts";

describe("toLocalDate", () => {
  it.each<[string, string, string]>([
    ["2026-11-22T15:59:59Z", "Asia/Shanghai", "2026-11-22"],
    ["2026-11-22T16:00:00Z", "Asia/Shanghai", "2026-11-23"], // 00:00 in Shanghai
    ["2026-12-31T16:30:00Z", "Asia/Shanghai", "2027-01-01"],
    ["2026-11-22T16:00:00Z", "UTC", "2026-11-22"],
    ["2026-03-08T07:30:00Z", "America/New_York", "2026-03-08"], // DST change day
  ])("%s in %s → %s", (iso, tz, date) => {
    expect(toLocalDate(new Date(iso), tz)).toBe(date);
  });
});

describe("dayStart / dayEnd", () => {
  it.each<[string, string, string, string]>([
    ["2026-11-23", "Asia/Shanghai", "2026-11-22T16:00:00.000Z", "2026-11-23T15:59:59.999Z"],
    ["2026-01-31", "Asia/Shanghai", "2026-01-30T16:00:00.000Z", "2026-01-31T15:59:59.999Z"], // across the month's end
    ["2026-12-31", "Asia/Shanghai", "2026-12-30T16:00:00.000Z", "2026-12-31T15:59:59.999Z"],
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z", "2026-03-09T03:59:59.999Z"], // a 23-hour day (DST)
  ])("%s in %s: %s to %s", (date, tz, start, end) => {
    expect(dayStart(date, tz).toISOString()).toBe(start);
    expect(dayEnd(date, tz).toISOString()).toBe(end);
  });
});

describe("isLocalDate", () => {
  it.each<[string, boolean]>([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["20260101", false],
    ["", false],
  ])("%j → %s", (text, ok) => {
    expect(isLocalDate(text)).toBe(ok);
  });
});

describe("addDays / daysBetween", () => {
  it.each<[string, number, string]>([
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-03-08", 1, "2026-03-09"],
    ["2026-06-30", 0, "2026-06-30"],
  ])("%s + %d = %s", (d, n, r) => {
    expect(addDays(d, n)).toBe(r);
    expect(daysBetween(d, r)).toBe(n);
  });

  it.each<[string, string, number]>([
    ["2026-01-01", "2026-12-31", 364],
    ["2026-12-31", "2026-01-01", -364],
    ["2028-01-01", "2029-01-01", 366],
    ["2025-12-31", "2026-06-29", 180],
  ])("daysBetween(%s, %s) = %d", (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });
});

describe("ISO weeks", () => {
  it.each<[string, IsoWeek | null]>([
    ["2026-W47", { year: 2026, week: 47 }],
    ["2026-W01", { year: 2026, week: 1 }],
    ["2026W1", { year: 2026, week: 1 }],
    ["2026-w05", { year: 2026, week: 5 }],
    ["2026-W53", { year: 2026, week: 53 }], // 2026 starts on a Thursday: 53 weeks
    ["2027-W53", null],
    ["2026-W54", null],
    ["2026-W00", null],
    ["2026-47", null],
    ["", null],
    [" 2026-W47 ", { year: 2026, week: 47 }],
    ["12026-W47", null],
    ["2026-W470", null],
    ["0999-W52", { year: 999, week: 52 }], // the weeks of a year before 1000 are still counted
    ["0999-W53", null],
  ])("parseWeek(%j)", (text, w) => {
    expect(parseWeek(text)).toEqual(w);
  });

  it.each<[IsoWeek, string, string]>([
    [{ year: 2026, week: 1 }, "2025-12-29", "2026-01-04"],
    [{ year: 2026, week: 47 }, "2026-11-16", "2026-11-22"],
    [{ year: 2026, week: 53 }, "2026-12-28", "2027-01-03"],
    [{ year: 2027, week: 1 }, "2027-01-04", "2027-01-10"],
    [{ year: 2021, week: 1 }, "2021-01-04", "2021-01-10"],
    [{ year: 999, week: 1 }, "0998-12-31", "0999-01-06"], // proleptic Gregorian, checked with Python's datetime
  ])("weekRange(%j)", (w, start, end) => {
    expect(weekRange(w)).toEqual({ start, end });
  });

  it.each<[string, IsoWeek]>([
    ["2026-11-16", { year: 2026, week: 47 }],
    ["2026-11-22", { year: 2026, week: 47 }],
    ["2025-12-29", { year: 2026, week: 1 }],
    ["2027-01-03", { year: 2026, week: 53 }],
    ["2021-01-03", { year: 2020, week: 53 }],
  ])("weekOf(%s)", (d, w) => {
    expect(weekOf(d)).toEqual(w);
  });

  it.each<[IsoWeek, string, IsoWeek]>([
    [{ year: 2026, week: 47 }, "2026-W47", { year: 2026, week: 46 }],
    [{ year: 2027, week: 1 }, "2027-W01", { year: 2026, week: 53 }],
    [{ year: 2026, week: 1 }, "2026-W01", { year: 2025, week: 52 }],
  ])("formatWeek / previousWeek of %j", (w, text, prev) => {
    expect(formatWeek(w)).toBe(text);
    expect(parseWeek(text)).toEqual(w);
    expect(previousWeek(w)).toEqual(prev);
  });
});

describe("quarters and years", () => {
  it.each<[string, Quarter | null]>([
    ["2026-Q3", { year: 2026, quarter: 3 }],
    ["2026q1", { year: 2026, quarter: 1 }],
    ["2026-Q5", null],
    ["2026-Q0", null],
    ["26-Q1", null],
    [" 2026-Q4 ", { year: 2026, quarter: 4 }],
    ["12026-Q1", null],
    ["2026-Q12", null],
  ])("parseQuarter(%j)", (text, q) => {
    expect(parseQuarter(text)).toEqual(q);
  });

  it.each<[Quarter, string, string]>([
    [{ year: 2026, quarter: 1 }, "2026-01-01", "2026-03-31"],
    [{ year: 2026, quarter: 2 }, "2026-04-01", "2026-06-30"],
    [{ year: 2026, quarter: 3 }, "2026-07-01", "2026-09-30"],
    [{ year: 2026, quarter: 4 }, "2026-10-01", "2026-12-31"],
  ])("quarterRange(%j)", (q, start, end) => {
    expect(quarterRange(q)).toEqual({ start, end });
    expect(quarterOf(start)).toEqual(q);
    expect(quarterOf(end)).toEqual(q);
  });

  it.each<[Quarter, Quarter]>([
    [{ year: 2026, quarter: 3 }, { year: 2026, quarter: 2 }],
    [{ year: 2026, quarter: 1 }, { year: 2025, quarter: 4 }],
  ])("previousQuarter(%j)", (q, prev) => {
    expect(previousQuarter(q)).toEqual(prev);
    expect(parseQuarter(formatQuarter(q))).toEqual(q);
  });

  it("yearRange, four-digit years before 1000 too", () => {
    expect(yearRange(2026)).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    expect(yearRange(999)).toEqual({ start: "0999-01-01", end: "0999-12-31" });
    expect(quarterRange({ year: 999, quarter: 2 })).toEqual({ start: "0999-04-01", end: "0999-06-30" });
  });

  it.each<[string, boolean]>([
    ["2026-06-30", false],
    ["2026-07-01", true],
    ["2026-08-15", true],
    ["2026-09-30", true],
    ["2026-10-01", false],
  ])("inRange(%s, 2026-Q3) → %s: both ends included", (d, inside) => {
    expect(inRange(d, { start: "2026-07-01", end: "2026-09-30" })).toBe(inside);
  });
});

describe("toDate", () => {
  it("refuses what is not a LocalDate, naming it", () => {
    expect(() => toDate("2026/11/23")).toThrow("Invalid LocalDate: 2026/11/23");
  });
});
