import { MEETING_TEXTS } from "../domain/glossary.ts";
import type { LocalDate } from "../domain/types.ts";
import { nextWeeklyMeeting } from "../domain/meeting-schedule.ts";
import type { Tx } from "../store/client.ts";
import { closeDecision, closeMeeting, ensureMeeting, getDecision, getMeeting, meetingsOn, nextOpenMeetingFrom, openMeetingsUpTo, recordDecision, type Decision, type Meeting } from "../store/meetings.ts";
import { getProject, type Actor } from "../store/projects.ts";
import { createSupervision } from "../store/supervision.ts";
import { toLocalDate } from "../domain/local-day.ts";
import { editPermission, today, type Caller, type ServiceContext } from "./project-service.ts";
import { done, guard, refuse, type Result } from "./service-result.ts";

// The 调度会 use cases: make a meeting (the weekly one from the rules, or a
// 专题协调会), record its decisions (each on a project opens a 督办 item),
// and close it (散会). Shared by Slack, the CLI and the scheduled agenda.

export interface MeetingRequest {
  date: LocalDate;
  title?: string;
  time?: string;
  place?: string;
  host?: string;
  attendees?: string[];
}

/** The meeting named by day and title; the rules fill what is not given (the weekly 调度会 by default). */
export async function createMeeting(ctx: ServiceContext, caller: Pick<Caller, "userId" | "source">, req: MeetingRequest): Promise<{ meeting: Meeting; created: boolean }> {
  const m = ctx.rules.meeting;
  return ensureMeeting(
    ctx.db,
    { date: req.date, title: req.title?.trim() || m.title, time: req.time ?? m.time, place: req.place ?? m.place, host: req.host ?? m.host, attendees: req.attendees ?? m.attendees },
    { author: caller.userId, source: caller.source },
  );
}

/**
 * The meeting an agenda or 纪要 is about: the one on `date` (the first made
 * that day), else the weekly meeting of that day; with no date, the next
 * open meeting from today, else the next weekly meeting.
 */
export async function meetingFor(ctx: ServiceContext, date?: LocalDate): Promise<Meeting> {
  const caller = { userId: "system", source: "CLI" as const };
  if (date) return (await meetingsOn(ctx.db, date))[0] ?? (await createMeeting(ctx, caller, { date })).meeting;
  const day = today(ctx);
  const upcoming = await nextOpenMeetingFrom(ctx.db, day);
  if (upcoming) return upcoming;
  const weekly = nextWeeklyMeeting(day, ctx.rules.meeting.weekday) ?? day;
  return (await meetingsOn(ctx.db, weekly))[0] ?? (await createMeeting(ctx, caller, { date: weekly })).meeting;
}

/** The meeting a decision typed today belongs to: the latest open one up to today, else today's weekly meeting. */
async function currentMeeting(ctx: ServiceContext, caller: Caller): Promise<Meeting> {
  const open = await openMeetingsUpTo(ctx.db, today(ctx));
  return open[0] ?? (await createMeeting(ctx, caller, { date: today(ctx) })).meeting;
}

/**
 * Opens the 督办 item a decision on a project asks for. The one place a
 * decision reaches 督办, so the supervision loop can take it over here.
 */
export async function openDecisionSupervision(tx: Tx, item: { projectId: number; matter: string; owner: string; deadline: LocalDate }, actor: Actor, at: Date, timeZone: string): Promise<number> {
  // The meeting itself decided it: the item is listed (挂牌) at once, not proposed to a 督办员.
  const step = { kind: "LIST" as const, by: actor.author, on: toLocalDate(at, timeZone), note: MEETING_TEXTS.supervisionNote, issue: MEETING_TEXTS.supervisionIssue(item.matter), owner: item.owner, deadline: item.deadline };
  return createSupervision(tx, item.projectId, step, actor, { at });
}

export interface DecisionRequest {
  meetingId?: number;
  projectId: number | null;
  matter: string;
  unit: string;
  owner: string;
  deadline: LocalDate;
  agendaRef?: string;
}

const EXAMPLE = MEETING_TEXTS.decideExample;

/** A decision of the meeting; on a project it opens a 督办 item. Recording needs edit rights on the project, or admin for a general task. */
export async function recordMeetingDecision(ctx: ServiceContext, caller: Caller, req: DecisionRequest): Promise<Result<{ decision: Decision; meeting: Meeting; projectName: string | null }>> {
  return guard(async () => {
    const matter = req.matter.trim();
    const unit = req.unit.trim();
    if (!matter || !unit || !req.owner.trim()) return refuse("invalid", MEETING_TEXTS.refusals.incomplete(EXAMPLE));
    if (req.deadline < today(ctx)) return refuse("invalid", MEETING_TEXTS.refusals.pastDeadline(req.deadline));
    let projectName: string | null = null;
    if (req.projectId !== null) {
      const project = await getProject(ctx.db, req.projectId);
      if (!project) return refuse("not_found", MEETING_TEXTS.refusals.noProject(req.projectId));
      const permission = await editPermission(ctx, caller.userId, project);
      if (!permission.allowed) return refuse("forbidden", MEETING_TEXTS.refusals.notOnProject(req.projectId, permission.who));
      projectName = project.name;
    } else if (!ctx.admins.includes(caller.userId)) {
      return refuse("forbidden", MEETING_TEXTS.refusals.generalNeedsAdmin);
    }
    const meeting = req.meetingId !== undefined ? await getMeeting(ctx.db, req.meetingId) : await currentMeeting(ctx, caller);
    if (!meeting) return refuse("not_found", req.meetingId !== undefined ? MEETING_TEXTS.refusals.noMeeting(req.meetingId) : MEETING_TEXTS.refusals.noOpenMeeting);
    if (meeting.status === "CLOSED") return refuse("invalid", MEETING_TEXTS.refusals.meetingClosed(meeting.title, meeting.date));
    const actor = { author: caller.userId, source: caller.source };
    const projectId = req.projectId;
    const decision = await recordDecision(
      ctx.db,
      { meetingId: meeting.id, projectId, matter, unit, owner: req.owner.trim(), deadline: req.deadline, agendaRef: req.agendaRef },
      actor,
      projectId === null ? null : (tx) => openDecisionSupervision(tx, { projectId, matter, owner: req.owner.trim(), deadline: req.deadline }, actor, ctx.now, ctx.rules.timeZone),
      { at: ctx.now, requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs },
    );
    return done({ decision, meeting, projectName });
  });
}

/**
 * 销号 of a general task (a decision without a project, so without a 督办
 * item): by an admin or from the CLI. A decision on a project is closed
 * through its 督办 item (/project 销号 督办N).
 */
export async function closeGeneralTask(ctx: ServiceContext, caller: Caller, decisionId: number): Promise<Result<{ id: number }>> {
  return guard(async () => {
    if (!ctx.admins.includes(caller.userId) && caller.source !== "CLI") return refuse("forbidden", MEETING_TEXTS.refusals.closeGeneralNeedsAdmin);
    const d = await getDecision(ctx.db, decisionId);
    if (!d) return refuse("not_found", MEETING_TEXTS.refusals.noDecision(decisionId));
    if (d.supervisionId !== null) return refuse("invalid", MEETING_TEXTS.refusals.decisionSupervised(decisionId, d.supervisionId));
    if (!(await closeDecision(ctx.db, decisionId, { author: caller.userId, source: caller.source }, ctx.now))) return refuse("invalid", MEETING_TEXTS.refusals.decisionClosed(decisionId));
    return done({ id: decisionId });
  });
}

/** 散会: closes the given meeting, or the latest open one up to today. Admins only (the meeting's secretary). */
export async function adjournMeeting(ctx: ServiceContext, caller: Caller, meetingId?: number): Promise<Result<{ meeting: Meeting; closedNow: boolean }>> {
  return guard(async () => {
    if (!ctx.admins.includes(caller.userId) && caller.source !== "CLI") return refuse("forbidden", MEETING_TEXTS.refusals.adjournNeedsAdmin);
    const meeting = meetingId !== undefined ? await getMeeting(ctx.db, meetingId) : (await openMeetingsUpTo(ctx.db, today(ctx)))[0];
    if (!meeting) return refuse("not_found", meetingId !== undefined ? MEETING_TEXTS.refusals.noMeeting(meetingId) : MEETING_TEXTS.refusals.noOpenMeeting);
    return done(await closeMeeting(ctx.db, meeting.id, { author: caller.userId, source: caller.source }, ctx.now));
  });
}
