import { buildAgenda, type Agenda } from "../domain/agenda.ts";
import { dayEnd, toLocalDate } from "../domain/local-day.ts";
import { addDays } from "../domain/periods.ts";
import type { Rules } from "../domain/rules.ts";
import type { Db } from "../store/client.ts";
import { decisionsUpTo, meetingBefore, meetingOrdinal, type Meeting } from "../store/meetings.ts";
import { loadSnapshot } from "../store/snapshot.ts";
import { buildReport } from "./report-service.ts";

// Loads what the 会前议程 needs and hands it to the pure builder: the store
// as known today, every decision of earlier meetings with its 督办 item's
// state, and the groups' completion against 序时进度.

export async function loadAgenda(db: Db, rules: Rules, now: Date, meeting: Meeting): Promise<Agenda> {
  const today = toLocalDate(now, rules.timeZone);
  // Built from what is on record today (usually the working day before the meeting).
  const asOf = today;
  const snapshot = await loadSnapshot(db, asOf, rules);
  const previous = await meetingBefore(db, meeting.date);
  const projectNames = new Map(snapshot.projects.map((p) => [p.id, p.name]));
  const cutoff = dayEnd(asOf, rules.timeZone);
  const decisions = (await decisionsUpTo(db, addDays(meeting.date, -1))).map((d) => ({
    id: d.id,
    meetingDate: d.meetingDate,
    projectId: d.projectId,
    projectName: d.projectId !== null ? (projectNames.get(d.projectId) ?? null) : null,
    matter: d.matter,
    unit: d.unit,
    owner: d.owner,
    deadline: d.deadline,
    closedOn: d.closedAt && d.closedAt <= cutoff ? toLocalDate(d.closedAt, rules.timeZone) : null,
  }));
  const ranking = await buildReport(db, { kind: "ranking", by: "group", asOf, now }, rules);
  const groupPace = ranking.kind === "ranking" ? ranking.entries.map((e) => ({ name: e.name, completion: e.completion.agreed, share: ranking.paceShare })) : [];
  return buildAgenda({
    meeting: { id: meeting.id, date: meeting.date, time: meeting.time, title: meeting.title, place: meeting.place, host: meeting.host, attendees: meeting.attendees, ordinal: meeting.id !== null ? await meetingOrdinal(db, meeting) : null },
    asOf,
    rules,
    decisions,
    previousMeeting: previous?.date ?? null,
    projects: snapshot.projects,
    supervision: snapshot.supervision,
    lastUpdateOn: snapshot.lastUpdateOn,
    groupPace,
  });
}
