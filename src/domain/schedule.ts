import { firstWorkdayOfWeek, isWorkday, nextWorkday } from "./calendar.ts";
import { agendaDay, weeklyMeetingDay } from "./meeting-schedule.ts";
import { dayStart, toLocalDate } from "./local-day.ts";
import { addDays, formatQuarter, formatWeek, previousQuarter, previousWeek, quarterOf, quarterRange, weekOf, weekRange, yearOf, type IsoWeek } from "./periods.ts";
import type { LocalDate } from "./types.ts";

// When each scheduled post is due, on China's working-day calendar: a post
// whose day is a holiday goes out on the next working day, a make-up
// Saturday (调休) is a working day, and nothing is due on a day off. Pure:
// the runner asks "what is due by now?" and claims each answer once.

export const JOB_KINDS = ["weekly_summary", "stalled_list", "group_ranking", "quarterly_bulletin", "overdue_pings", "friday_reminder", "meeting_agenda", "leader_digest", "annual_review"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface DuePeriod {
  /** 2026-W47, 2026-Q3, 2026-11-23 or 2026 (年考核): the period the post is about. */
  period: string;
  /** Local day and instant the post was due. */
  dueDay: LocalDate;
  dueAt: Date;
  /** Posted after its due day, or long after its time: the post says so (补发). */
  late: boolean;
}

export interface ScheduleInput {
  job: JobKind;
  now: Date;
  timeZone: string;
  /** Local time of day the post is due, "HH:MM". */
  time: string;
  /** How far back missed periods are still posted late (in periods of the job). */
  lookback?: number;
  /** A post this many minutes after its due time counts as late. */
  lateAfterMinutes?: number;
  /** meeting_agenda: ISO weekday of the weekly 调度会 (default 2, Tuesday). */
  meetingWeekday?: number;
}

function at(day: LocalDate, time: string, timeZone: string): Date {
  const [h, m] = time.split(":").map(Number);
  return new Date(dayStart(day, timeZone).getTime() + (h * 60 + m) * 60_000);
}

/** First working day on or after the start of the week (a whole week off, e.g. 春节, moves it to the next week). */
function firstWorkdayFrom(week: IsoWeek): LocalDate {
  return firstWorkdayOfWeek(weekRange(week).start) ?? nextWorkday(weekRange(week).end);
}

/** Last working day of the week, or null when the week has none. */
function lastWorkdayOf(week: IsoWeek): LocalDate | null {
  const { start } = weekRange(week);
  for (let i = 6; i >= 0; i--) if (isWorkday(addDays(start, i))) return addDays(start, i);
  return null;
}

function nextWeek(w: IsoWeek): IsoWeek {
  return weekOf(addDays(weekRange(w).end, 1));
}

/** Candidate periods with their due day, newest first. */
function candidates(job: JobKind, today: LocalDate, lookback: number, meetingWeekday: number): Array<{ period: string; dueDay: LocalDate }> {
  const out: Array<{ period: string; dueDay: LocalDate }> = [];
  if (job === "weekly_summary" || job === "stalled_list" || job === "group_ranking" || job === "leader_digest") {
    // The post about week W is due on the first working day of week W+1.
    let posting = weekOf(today);
    for (let i = 0; i <= lookback; i++) {
      out.push({ period: formatWeek(previousWeek(posting)), dueDay: firstWorkdayFrom(posting) });
      posting = previousWeek(posting);
    }
  } else if (job === "quarterly_bulletin") {
    let q = previousQuarter(quarterOf(today));
    for (let i = 0; i <= lookback; i++) {
      out.push({ period: formatQuarter(q), dueDay: nextWorkday(addDays(quarterRange(q).end, 1)) });
      q = previousQuarter(q);
    }
  } else if (job === "annual_review") {
    // 年考核 of year Y: the first working day after 12月31日. 元旦 (01-01) is a
    // statutory holiday every year, so the search starts on 01-02: a year the
    // holiday data does not cover yet still skips it.
    let y = yearOf(today) - 1;
    for (let i = 0; i <= lookback; i++) {
      out.push({ period: String(y), dueDay: nextWorkday(`${y + 1}-01-02`) });
      y -= 1;
    }
  } else if (job === "overdue_pings") {
    // Only today: yesterday's overdue items are in today's ping anyway.
    if (isWorkday(today)) out.push({ period: today, dueDay: today });
  } else if (job === "meeting_agenda") {
    // The agenda of the meeting on day M is due on the working day before M; once the meeting has begun it is no use.
    for (const week of [weekOf(today), nextWeek(weekOf(today))]) {
      const meeting = weeklyMeetingDay(week, meetingWeekday);
      if (meeting && meeting >= today) out.push({ period: meeting, dueDay: agendaDay(meeting) });
    }
    out.reverse();
  } else {
    // friday_reminder: the last working day of this week (usually Friday); not sent after the week is over.
    const week = weekOf(today);
    const day = lastWorkdayOf(week);
    if (day) out.push({ period: formatWeek(week), dueDay: day });
  }
  return out;
}

/** Periods of `job` due by `now`, oldest first; the runner skips those already done. */
export function duePeriods(input: ScheduleInput): DuePeriod[] {
  const { job, now, timeZone, time } = input;
  const lookback = input.lookback ?? (job === "quarterly_bulletin" || job === "annual_review" ? 1 : 4);
  const lateMs = (input.lateAfterMinutes ?? 120) * 60_000;
  const today = toLocalDate(now, timeZone);
  return candidates(job, today, lookback, input.meetingWeekday ?? 2)
    .map(({ period, dueDay }) => ({ period, dueDay, dueAt: at(dueDay, time, timeZone) }))
    .filter((p) => p.dueAt.getTime() <= now.getTime())
    .map((p) => ({ ...p, late: p.dueDay !== today || now.getTime() - p.dueAt.getTime() > lateMs }))
    .reverse();
}
