import type { WebClient } from "@slack/web-api";
import { MEETING_TEXTS } from "../domain/glossary.ts";
import { minutesDocx } from "../reports/minutes-docx.ts";
import { loadMinutes } from "../services/minutes-service.ts";
import type { Db } from "../store/client.ts";
import { claimMinutesPost, decisionsOf, getMeeting, releaseMinutesPost } from "../store/meetings.ts";
import { context, section } from "../slack/blocks/kit.ts";
import { loadJobsConfig } from "./job-config.ts";
import { postPlan } from "./slack-poster.ts";

// After 散会 the 纪要 (.docx) goes to the summary channel once: the meeting
// row is claimed before posting and given back if posting fails, so a second
// 散会 or `dispatch meeting close` posts it then, and never twice.

export type MinutesPostOutcome = "posted" | "already" | "no_channel" | "open";

/** Slack names of the people the decisions mention (<@U…>), for the document. */
async function slackNames(client: WebClient, owners: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(owners.flatMap((o) => [...o.matchAll(/<@([A-Z0-9]+)/g)].map((m) => m[1])))) {
    try {
      const u = await client.users.info({ user: id });
      const name = u.user?.profile?.real_name || u.user?.real_name || u.user?.name;
      if (name) names.set(id, name);
    } catch {
      // An unknown user keeps its id in the document.
    }
  }
  return names;
}

export async function postMeetingMinutes(client: WebClient, db: Db, meetingId: number, now: Date): Promise<MinutesPostOutcome> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting || meeting.status !== "CLOSED") return "open";
  const channel = (await loadJobsConfig(db)).summaryChannel;
  if (!channel) return "no_channel";
  if (!(await claimMinutesPost(db, meetingId, now))) return "already";
  try {
    const owners = (await decisionsOf(db, meetingId)).map((d) => d.owner);
    const minutes = await loadMinutes(db, meeting, await slackNames(client, owners));
    const bytes = await minutesDocx(minutes);
    const count = minutes.topics.reduce((n, t) => n + t.decisions.length, 0);
    const title = MEETING_TEXTS.minutesPostTitle(meeting.title, meeting.date);
    await postPlan(
      client,
      { posts: [{ key: "minutes", channel, text: title, messages: [[section(`*${title}*\n${MEETING_TEXTS.minutesPostSummary(count)}`), context([MEETING_TEXTS.minutesAttached])]], files: [{ filename: MEETING_TEXTS.minutesFileName(meeting.date), title, bytes }] }] },
      { job: "meeting_minutes", period: `meeting-${meetingId}` },
      {},
      async () => {},
      { retrying: false },
    );
    return "posted";
  } catch (e) {
    await releaseMinutesPost(db, meetingId);
    throw e;
  }
}
