import { describe, expect, it } from "vitest";
import { duePeriods, type JobKind } from "../../src/domain/schedule.ts";

const TZ = "Asia/Shanghai";
const at = (local: string) => new Date(`${local}+08:00`);
const due = (job: JobKind, now: string, time = "08:30", lookback = 0) =>
  duePeriods({ job, now: at(now), timeZone: TZ, time, lookback }).map((p) => `${p.period}@${p.dueDay}${p.late ? " late" : ""}`);

describe("duePeriods", () => {
  it("a normal Monday: last week's summary is due at 08:30, not before", () => {
    expect(due("weekly_summary", "2026-11-23T08:29:00")).toEqual([]);
    expect(due("weekly_summary", "2026-11-23T08:30:00")).toEqual(["2026-W47@2026-11-23"]);
    expect(due("weekly_summary", "2026-11-23T11:00:00")).toEqual(["2026-W47@2026-11-23 late"]);
  });

  it("National Day 2026: the Monday is a holiday, the post moves to the first working day (Thursday 10-08)", () => {
    // 2026-10-01..07 are off (10-05 is the Monday of W41); Thursday 10-08 is its first working day.
    expect(due("weekly_summary", "2026-10-05T09:00:00")).toEqual([]);
    const first = due("weekly_summary", "2026-10-08T09:00:00");
    expect(first).toEqual(["2026-W40@2026-10-08"]);
  });

  it("a make-up Saturday is a working day: pings go out, a normal Saturday none", () => {
    expect(due("overdue_pings", "2026-10-10T09:00:00", "09:00")).toEqual(["2026-10-10@2026-10-10"]);
    expect(due("overdue_pings", "2026-11-21T09:00:00", "09:00")).toEqual([]);
    expect(due("overdue_pings", "2026-10-02T09:00:00", "09:00")).toEqual([]);
  });

  it("a missed week after downtime is still due, late, oldest first", () => {
    expect(due("weekly_summary", "2026-11-24T09:00:00", "08:30", 2)).toEqual(["2026-W45@2026-11-09 late", "2026-W46@2026-11-16 late", "2026-W47@2026-11-23 late"]);
  });

  it("the quarterly bulletin is due on the first working day after the quarter", () => {
    // Q3 ends 09-30; 10-01..07 are off (国庆), 10-08 is the first working day.
    expect(due("quarterly_bulletin", "2026-10-08T10:00:00", "09:00")).toEqual(["2026-Q3@2026-10-08"]);
    expect(due("quarterly_bulletin", "2026-10-06T10:00:00", "09:00")).toEqual([]);
  });

  it("the annual review (年考核) is due on the first working day after the year, 元旦 skipped even where the holiday data ends", () => {
    // 2026-01-01..03 are off (元旦), Sunday 01-04 is a make-up working day.
    expect(due("annual_review", "2026-01-04T09:10:00", "09:10")).toEqual(["2025@2026-01-04"]);
    expect(due("annual_review", "2026-01-03T23:00:00", "09:10")).toEqual([]);
    // 2027 is not in the holiday data: Friday 01-01 is still 元旦, Saturday and Sunday are off, so Monday 01-04.
    expect(due("annual_review", "2027-01-01T10:00:00", "09:10")).toEqual([]);
    expect(due("annual_review", "2027-01-04T09:09:00", "09:10")).toEqual([]);
    expect(due("annual_review", "2027-01-04T09:10:00", "09:10")).toEqual(["2026@2027-01-04"]);
    // Missed: caught up late, one year back by default; not before the year is over.
    expect(duePeriods({ job: "annual_review", now: at("2027-02-01T10:00:00"), timeZone: TZ, time: "09:10" }).map((p) => `${p.period}${p.late ? " late" : ""}`)).toEqual(["2025 late", "2026 late"]);
    expect(due("annual_review", "2026-12-31T23:59:00", "09:10")).toEqual(["2025@2026-01-04 late"]);
  });

  it("the Friday reminder falls on the week's last working day", () => {
    expect(due("friday_reminder", "2026-11-27T15:00:00", "15:00")).toEqual(["2026-W48@2026-11-27"]);
    expect(due("friday_reminder", "2026-11-26T15:00:00", "15:00")).toEqual([]);
    // W41 2026: Saturday 10-10 is a make-up working day, so the reminder goes out then.
    expect(due("friday_reminder", "2026-10-10T15:00:00", "15:00")).toEqual(["2026-W41@2026-10-10"]);
  });

  it("a post is late only more than two hours after its time", () => {
    expect(due("weekly_summary", "2026-11-23T10:30:00")).toEqual(["2026-W47@2026-11-23"]);
    expect(due("weekly_summary", "2026-11-23T10:31:00")).toEqual(["2026-W47@2026-11-23 late"]);
  });

  it("by default a missed weekly post is caught up for four weeks back, a quarterly one for one quarter", () => {
    const weeks = duePeriods({ job: "weekly_summary", now: at("2026-11-24T09:00:00"), timeZone: TZ, time: "08:30" }).map((p) => p.period);
    expect(weeks).toEqual(["2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"]);
    const quarters = duePeriods({ job: "quarterly_bulletin", now: at("2026-10-08T10:00:00"), timeZone: TZ, time: "09:00" }).map((p) => `${p.period}${p.late ? " late" : ""}`);
    expect(quarters).toEqual(["2026-Q2 late", "2026-Q3"]);
  });

  it("春节 2026: a week wholly off moves its summary to the first working day after it (Tuesday 02-24)", () => {
    // 02-15 to 02-23 are off; 02-14 (Saturday) is a make-up working day.
    expect(due("weekly_summary", "2026-02-24T09:00:00", "08:30", 1)).toEqual(["2026-W07@2026-02-24", "2026-W08@2026-02-24"]);
    expect(due("friday_reminder", "2026-02-14T15:00:00", "15:00")).toEqual(["2026-W07@2026-02-14"]);
    expect(due("friday_reminder", "2026-02-20T15:00:00", "15:00")).toEqual([]);
  });

  it("春节 2025 began on a Tuesday: that week's only working day, Monday 01-27, gets the Friday reminder", () => {
    expect(due("friday_reminder", "2025-01-27T15:00:00", "15:00")).toEqual(["2025-W05@2025-01-27"]);
  });

  it("a post due late in the evening and sent just after midnight is late: it is another day", () => {
    expect(due("friday_reminder", "2026-11-28T00:30:00", "23:30")).toEqual(["2026-W48@2026-11-27 late"]);
  });

  it("the stalled list and the group ranking are due with the weekly summary, about the same week", () => {
    for (const job of ["stalled_list", "group_ranking"] as const) expect(due(job, "2026-11-23T08:40:00", "08:40")).toEqual(["2026-W47@2026-11-23"]);
  });
});
