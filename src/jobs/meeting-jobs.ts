import { MEETING_TEXTS } from "../domain/glossary.ts";
import { loadAgenda } from "../services/agenda-service.ts";
import { meetingFor } from "../services/meeting-service.ts";
import { context } from "../slack/blocks/kit.ts";
import { agendaMessages } from "../slack/blocks/agenda-blocks.ts";
import { lateNotice, type JobContext } from "./job-context.ts";
import type { JobPlan } from "./post-plan.ts";

// meeting_agenda: the 会前议程 of the weekly 调度会 (period = the meeting's
// day), posted to the summary channel on the working day before it.

export async function planMeetingAgenda(ctx: JobContext): Promise<JobPlan> {
  const channel = ctx.config.meeting_agenda.channel ?? ctx.config.summaryChannel;
  if (!channel) return { posts: [], skipped: MEETING_TEXTS.noSummaryChannel };
  const service = { db: ctx.db, rules: ctx.rules, admins: [], now: ctx.now };
  const meeting = await meetingFor(service, ctx.due.period);
  const agenda = await loadAgenda(ctx.db, ctx.rules, ctx.now, meeting);
  const messages = agendaMessages(agenda);
  const notice = lateNotice(ctx);
  if (notice) messages[0] = [context([notice]), ...messages[0]].slice(0, 50);
  return { posts: [{ key: "main", channel, text: MEETING_TEXTS.agendaPostText(meeting.title, meeting.date), messages }] };
}
