import { isWorkday, nextWorkday, previousWorkday } from "./calendar.ts";
import { addDays, weekOf, weekRange, type IsoWeek } from "./periods.ts";
import type { LocalDate } from "./types.ts";

// When the weekly 调度会 meets, on China's working-day calendar: on the rules'
// weekday, or (a holiday) the next working day of the same week; a week
// whose days from then on are all off has no weekly meeting. Its agenda goes
// out on the working day before.

/** Day of the weekly meeting in that ISO week, or null when the week has none. */
export function weeklyMeetingDay(week: IsoWeek, weekday: number): LocalDate | null {
  const { start, end } = weekRange(week);
  const planned = addDays(start, weekday - 1);
  if (isWorkday(planned)) return planned;
  const moved = nextWorkday(planned);
  return moved <= end ? moved : null;
}

/** The working day the agenda is posted: the last working day before the meeting. */
export function agendaDay(meetingDay: LocalDate): LocalDate {
  return previousWorkday(meetingDay);
}

/** The next weekly meeting on or after `day` (looks a few weeks ahead, past 春节). */
export function nextWeeklyMeeting(day: LocalDate, weekday: number): LocalDate | null {
  for (let i = 0; i < 5; i++) {
    const m = weeklyMeetingDay(weekOf(addDays(day, i * 7)), weekday);
    if (m && m >= day) return m;
  }
  return null;
}
