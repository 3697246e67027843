import type { LocalDate } from "../domain/types.ts";
import { inTransaction, type Db, type Tx } from "./client.ts";
import { NotFoundError } from "./errors.ts";
import { claimRequest, type Actor, type WriteOptions } from "./projects.ts";

// 调度会 and their decisions (议定事项). A decision on a project carries the
// id of the 督办 item it opened, in the same transaction as the decision.

export interface Meeting {
  id: number;
  date: LocalDate;
  time: string;
  title: string;
  place: string;
  host: string;
  attendees: string[];
  status: "OPEN" | "CLOSED";
  closedAt: Date | null;
  minutesPostedAt: Date | null;
}

export interface Decision {
  id: number;
  meetingId: number;
  projectId: number | null;
  matter: string;
  unit: string;
  owner: string;
  deadline: LocalDate;
  supervisionId: number | null;
  agendaRef: string | null;
  createdAt: Date;
  /** When it was closed: its 督办 item's 销号, or its own for a general task. */
  closedAt: Date | null;
}

type MeetingRow = Omit<Meeting, "attendees" | "status"> & { attendees: string; status: string };

function toMeeting(r: MeetingRow): Meeting {
  return { id: r.id, date: r.date, time: r.time, title: r.title, place: r.place, host: r.host, attendees: r.attendees ? r.attendees.split("、") : [], status: r.status === "CLOSED" ? "CLOSED" : "OPEN", closedAt: r.closedAt, minutesPostedAt: r.minutesPostedAt };
}

export type NewMeeting = Pick<Meeting, "date" | "time" | "title" | "place" | "host" | "attendees">;

/** The meeting of that day and title, created if it does not exist yet (the weekly one is made on first use). */
export async function ensureMeeting(db: Db, m: NewMeeting, actor: Actor): Promise<{ meeting: Meeting; created: boolean }> {
  const found = await db.meeting.findUnique({ where: { date_title: { date: m.date, title: m.title } } });
  if (found) return { meeting: toMeeting(found), created: false };
  try {
    const row = await db.meeting.create({ data: { ...m, attendees: m.attendees.join("、"), createdBy: actor.author } });
    return { meeting: toMeeting(row), created: true };
  } catch (e) {
    // Two callers made it at once: the other one's row is the meeting.
    const again = await db.meeting.findUnique({ where: { date_title: { date: m.date, title: m.title } } });
    if (again) return { meeting: toMeeting(again), created: false };
    throw e;
  }
}

export async function getMeeting(db: Db | Tx, id: number): Promise<Meeting | null> {
  const row = await db.meeting.findUnique({ where: { id } });
  return row ? toMeeting(row) : null;
}

/** Meetings on a day (several: the weekly one and a 专题协调会), in order of creation. */
export async function meetingsOn(db: Db, date: LocalDate): Promise<Meeting[]> {
  return (await db.meeting.findMany({ where: { date }, orderBy: { id: "asc" } })).map(toMeeting);
}

/** The open meetings on or before a day, latest first: where a decision typed in Slack goes. */
export async function openMeetingsUpTo(db: Db, date: LocalDate): Promise<Meeting[]> {
  return (await db.meeting.findMany({ where: { status: "OPEN", date: { lte: date } }, orderBy: [{ date: "desc" }, { id: "desc" }] })).map(toMeeting);
}

/** The first open meeting on or after a day: the one an agenda is made for. */
export async function nextOpenMeetingFrom(db: Db, date: LocalDate): Promise<Meeting | null> {
  const row = await db.meeting.findFirst({ where: { status: "OPEN", date: { gte: date } }, orderBy: [{ date: "asc" }, { id: "asc" }] });
  return row ? toMeeting(row) : null;
}

/** Which meeting of its title this is in its year (1 for the first), counting the ones on record: 第X次 of the agenda document. */
export async function meetingOrdinal(db: Db, m: Pick<Meeting, "date" | "title">): Promise<number> {
  return db.meeting.count({ where: { title: m.title, date: { gte: `${m.date.slice(0, 4)}-01-01`, lte: m.date } } });
}

/** The latest meeting before a day (any status): the "previous meeting" of an agenda. */
export async function meetingBefore(db: Db, date: LocalDate): Promise<Meeting | null> {
  const row = await db.meeting.findFirst({ where: { date: { lt: date } }, orderBy: [{ date: "desc" }, { id: "desc" }] });
  return row ? toMeeting(row) : null;
}

export async function latestMeetingUpTo(db: Db, date: LocalDate): Promise<Meeting | null> {
  const row = await db.meeting.findFirst({ where: { date: { lte: date } }, orderBy: [{ date: "desc" }, { id: "desc" }] });
  return row ? toMeeting(row) : null;
}

export interface NewDecision {
  meetingId: number;
  projectId: number | null;
  matter: string;
  unit: string;
  owner: string;
  deadline: LocalDate;
  agendaRef?: string;
}

/**
 * Records a decision; `openItem` opens its 督办 item inside the same
 * transaction (a decision on a project) and returns the item's id.
 */
export async function recordDecision(db: Db, d: NewDecision, actor: Actor, openItem: ((tx: Tx) => Promise<number>) | null, opts: WriteOptions = {}): Promise<Decision> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (tx) => {
    await claimRequest(tx, opts, "decision");
    const meeting = await tx.meeting.findUnique({ where: { id: d.meetingId } });
    if (!meeting) throw new NotFoundError(`会议 ${d.meetingId} 不存在。`);
    const supervisionId = openItem ? await openItem(tx) : null;
    const row = await tx.meetingDecision.create({ data: { ...d, agendaRef: d.agendaRef ?? null, supervisionId, createdAt: at, createdBy: actor.author } });
    return { ...row, closedAt: null };
  });
}

/** Decisions of meetings on or before a day, each with its closing instant (its 督办 item's, or its own). */
export async function decisionsUpTo(db: Db, date: LocalDate): Promise<Array<Decision & { meetingDate: LocalDate }>> {
  const rows = await db.meetingDecision.findMany({ where: { meeting: { date: { lte: date } } }, include: { meeting: { select: { date: true } } }, orderBy: { id: "asc" } });
  const itemIds = rows.map((r) => r.supervisionId).filter((id): id is number => id !== null);
  const items = new Map((await db.supervisionItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, closedAt: true } })).map((i) => [i.id, i.closedAt]));
  return rows.map(({ meeting, ...r }) => ({ ...r, meetingDate: meeting.date, closedAt: r.supervisionId !== null ? (items.get(r.supervisionId) ?? null) : r.closedAt }));
}

export async function decisionsOf(db: Db, meetingId: number): Promise<Decision[]> {
  const rows = await db.meetingDecision.findMany({ where: { meetingId }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r }));
}

/** 散会: closes the meeting once; a second close is a no-op that says so. */
export async function closeMeeting(db: Db, id: number, actor: Actor, at: Date): Promise<{ meeting: Meeting; closedNow: boolean }> {
  const { count } = await db.meeting.updateMany({ where: { id, status: "OPEN" }, data: { status: "CLOSED", closedAt: at, closedBy: actor.author } });
  const meeting = await getMeeting(db, id);
  if (!meeting) throw new NotFoundError(`会议 ${id} 不存在。`);
  return { meeting, closedNow: count === 1 };
}

/** Claims the posting of a closed meeting's 纪要: true for exactly one caller. */
export async function claimMinutesPost(db: Db, id: number, at: Date): Promise<boolean> {
  const { count } = await db.meeting.updateMany({ where: { id, status: "CLOSED", minutesPostedAt: null }, data: { minutesPostedAt: at } });
  return count === 1;
}

/** Gives the claim back when posting failed, so a retry (dispatch meeting close) posts it. */
export async function releaseMinutesPost(db: Db, id: number): Promise<void> {
  await db.meeting.update({ where: { id }, data: { minutesPostedAt: null } });
}

/** 销号 of a general task (a decision without a 督办 item); false when there is none open with that id. */
export async function closeDecision(db: Db, id: number, actor: Actor, at: Date): Promise<boolean> {
  const { count } = await db.meetingDecision.updateMany({ where: { id, closedAt: null, supervisionId: null }, data: { closedAt: at, closedBy: actor.author } });
  return count === 1;
}

export async function getDecision(db: Db, id: number) {
  return db.meetingDecision.findUnique({ where: { id } });
}
