import { formatQuarter, formatWeek, previousQuarter, previousWeek, quarterOf, weekOf } from "../domain/periods.ts";
import { nextWeeklyMeeting } from "../domain/meeting-schedule.ts";
import type { JobKind } from "../domain/schedule.ts";
import type { LocalDate } from "../domain/types.ts";

/** The period a job posts for when run by hand on `today` (the one its schedule would post next). */
export function defaultPeriod(job: JobKind, today: LocalDate, meetingWeekday = 2): string {
  if (job === "meeting_agenda") return nextWeeklyMeeting(today, meetingWeekday) ?? today;
  if (job === "overdue_pings") return today;
  if (job === "friday_reminder") return formatWeek(weekOf(today));
  if (job === "annual_review") return String(Number(today.slice(0, 4)) - 1);
  if (job === "quarterly_bulletin") return formatQuarter(previousQuarter(quarterOf(today)));
  return formatWeek(previousWeek(weekOf(today)));
}
