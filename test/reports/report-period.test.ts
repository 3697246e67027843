import { describe, expect, it } from "vitest";
import { PeriodError, resolvePeriod } from "../../src/reports/report-period.ts";

const MONDAY = "2026-11-23";

describe("resolvePeriod", () => {
  it.each([
    [{}, MONDAY, { kind: "week", label: "2026-W47", start: "2026-11-16", end: "2026-11-22", asOf: "2026-11-22", previousAsOf: "2026-11-15", partial: false }],
    [{ asOf: "2026-11-22" }, MONDAY, { label: "2026-W47", asOf: "2026-11-22" }],
    [{ asOf: "2026-11-21" }, MONDAY, { label: "2026-W46", asOf: "2026-11-15" }],
    [{ week: "2026-W48" }, MONDAY, { label: "2026-W48", asOf: MONDAY, partial: true }],
    [{ week: "2026-W01" }, MONDAY, { start: "2025-12-29", end: "2026-01-04", asOf: "2026-01-04", previousAsOf: "2025-12-28" }],
    [{ quarter: "2026-Q3" }, MONDAY, { kind: "quarter", start: "2026-07-01", end: "2026-09-30", asOf: "2026-09-30", previousAsOf: "2026-06-30" }],
    [{ quarter: "2026-Q4" }, MONDAY, { asOf: MONDAY, partial: true }],
    [{ year: "2025" }, MONDAY, { kind: "year", start: "2025-01-01", end: "2025-12-31", asOf: "2025-12-31", previousAsOf: "2025-12-24" }],
  ])("%j on %s", (opts, today, expected) => {
    expect(resolvePeriod(opts, today)).toMatchObject(expected);
  });

  it.each([
    [{ week: "2026-W54" }, "2026-W47"],
    [{ week: "47" }, "2026-W47"],
    [{ quarter: "2026-Q5" }, "2026-Q3"],
    [{ year: "26" }, "2026"],
    [{ asOf: "2026-02-30" }, "YYYY-MM-DD"],
    [{ week: "2026-W47", year: "2026" }, "只能选一个"],
  ])("refuses %j with a message showing the right form", (opts, hint) => {
    expect(() => resolvePeriod(opts, MONDAY)).toThrowError(PeriodError);
    expect(() => resolvePeriod(opts, MONDAY)).toThrowError(hint);
  });
});
