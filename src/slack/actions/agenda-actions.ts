import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { blockersInProse } from "../../domain/blockers.ts";
import { MEETING_TEXTS as T } from "../../domain/glossary.ts";
import { addDays } from "../../domain/periods.ts";
import { toLocalDate } from "../../domain/local-day.ts";
import { getProject } from "../../store/projects.ts";
import { DECIDE_ACTION, type DecideButtonValue } from "../blocks/agenda-blocks.ts";
import { decisionForm } from "../blocks/decision-form.ts";
import { esc } from "../blocks/kit.ts";
import { refusal } from "../blocks/messages.ts";
import type { SlackDeps } from "../deps.ts";

// "记录决定" on an agenda item: opens the decision form for that item's
// project, the 责任单位 prefilled from the blocker's kind. The form must open
// within 3 s of the click, so it opens right after the ack.

export function registerAgendaActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${DECIDE_ACTION}:`), async ({ ack, body, action, client }) => {
    await ack();
    let v: DecideButtonValue;
    try {
      v = JSON.parse(action.value ?? "") as DecideButtonValue;
    } catch {
      return;
    }
    const project = v.projectId !== null ? await getProject(deps.db, v.projectId) : null;
    if (v.projectId !== null && !project) {
      await client.chat.postEphemeral({ channel: body.channel?.id ?? body.user.id, user: body.user.id, blocks: refusal(T.projectGone(v.projectId)) as never, text: T.projectGoneShort });
      return;
    }
    const rules = await deps.rules();
    const blockers = project ? blockersInProse(project, rules) : "";
    const heading = project ? `*#${project.id} ${esc(project.name)}*${blockers ? `\n${T.blockersLine(esc(blockers))}` : ""}` : `*${T.generalMatter}*`;
    const deadline = addDays(toLocalDate(deps.now(), rules.timeZone), 14);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: decisionForm(heading, { unit: v.unit, deadline }, { meetingId: v.meetingId, projectId: v.projectId, agendaRef: v.agendaRef, channelId: body.channel?.id }) as never,
    });
  });
}
