import type { App, ViewSubmitAction } from "@slack/bolt";
import { MEETING_TEXTS as T } from "../../domain/glossary.ts";
import { recordMeetingDecision } from "../../services/meeting-service.ts";
import { DECISION_FORM, type DecisionFormMeta } from "../blocks/decision-form.ts";
import { esc, section } from "../blocks/kit.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import { FormReader } from "./form-values.ts";

// The decision form from an agenda item: records the decision against the
// meeting and the project (opening its 督办 item). A refusal is shown under
// the field it concerns; one view is recorded at most once.

export function registerDecisionSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(DECISION_FORM, async ({ ack, body, view, client }) => {
    const f = new FormReader(view.state.values as never);
    f.require("matter", T.form.needMatter);
    f.require("unit", T.form.needUnit);
    f.require("owner", T.form.needOwner);
    f.require("deadline", T.form.needDeadline);
    if (!f.ok) return ack({ response_action: "errors", errors: f.errors });
    const meta = JSON.parse(view.private_metadata || "{}") as DecisionFormMeta;
    const owner = `<@${f.user("owner")}>`;
    const r = await recordMeetingDecision(await serviceContext(deps), { userId: body.user.id, source: "FORM", requestKey: `view:${view.id}` }, {
      meetingId: meta.meetingId,
      projectId: meta.projectId,
      matter: f.text("matter")!,
      unit: f.text("unit")!,
      owner,
      deadline: f.date("deadline")!,
      agendaRef: meta.agendaRef,
    });
    if (!r.ok) {
      if (r.kind === "duplicate") return ack();
      const field = r.error === T.refusals.pastDeadline(f.date("deadline")!) ? "deadline" : "matter";
      return ack({ response_action: "errors", errors: { [field]: r.error.slice(0, 1900) } });
    }
    await ack();
    const { decision: d, meeting, projectName } = r.value;
    const about = d.projectId !== null ? `#${d.projectId} ${esc(projectName ?? "")}` : T.generalMatter;
    const text = `${T.decisionRecorded(esc(meeting.title), meeting.date, d.id, d.supervisionId)}\n*${about}*：${esc(d.matter)}\n${T.decisionDuty(esc(d.unit), owner, d.deadline)}`;
    if (meta.channelId) await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, blocks: [section(text)] as never, text: T.decisionRecordedShort(d.id) });
    else await client.chat.postMessage({ channel: body.user.id, blocks: [section(text)] as never, text: T.decisionRecordedShort(d.id) });
  });
}
