import { MEETING_TEXTS as T } from "../../domain/glossary.ts";
import { postMeetingMinutes } from "../../jobs/minutes-post.ts";
import { adjournMeeting, recordMeetingDecision } from "../../services/meeting-service.ts";
import type { Caller } from "../../services/project-service.ts";
import type { AdjournCommand, DecideCommand } from "../../slack-grammar/types.ts";
import { esc, section } from "../blocks/kit.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import type { Turn } from "../turn.ts";
import { replyRefusal } from "./edit-handlers.ts";
import { resolveProject } from "./resolve-project.ts";

// /project 决定 (a decision of the open 调度会) and /project 散会 (close it,
// post the 纪要 to the summary channel).

const caller = (turn: Turn): Caller => ({ userId: turn.userId, source: "SLASH", requestKey: turn.requestKey, requestKeyTtlMs: turn.requestKeyTtlMs });

export async function handleDecide(cmd: DecideCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const project = cmd.project ? await resolveProject(deps, turn, cmd.project, T.decideProjectHint) : null;
  if (cmd.project && !project) return;
  const owner = cmd.owner.kind === "user" ? `<@${cmd.owner.userId}>` : cmd.owner.text;
  const r = await recordMeetingDecision(await serviceContext(deps), caller(turn), { projectId: project?.id ?? null, matter: cmd.matter, unit: cmd.unit, owner, deadline: cmd.deadline });
  if (!r.ok) return replyRefusal(deps, turn, r);
  const { decision: d, meeting } = r.value;
  const about = project ? `#${project.id} ${esc(project.name)}` : T.generalMatter;
  await turn.reply(
    [section(`${T.decisionRecorded(esc(meeting.title), meeting.date, d.id, d.supervisionId)}\n*${about}*：${esc(d.matter)}\n${T.decisionDuty(esc(d.unit), owner, d.deadline)}`)],
    T.decisionRecordedShort(d.id),
  );
}

export async function handleAdjourn(_cmd: AdjournCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const r = await adjournMeeting(await serviceContext(deps), caller(turn));
  if (!r.ok) return replyRefusal(deps, turn, r);
  const { meeting, closedNow } = r.value;
  const posted = turn.client ? await postMeetingMinutes(turn.client, deps.db, meeting.id, deps.now()) : "open";
  await turn.reply([section(`${T.adjourned(closedNow, esc(meeting.title), meeting.date)}${T.minutesPosted[posted]}`)], T.adjournedShort(closedNow));
}
