import type { App, ViewSubmitAction } from "@slack/bolt";
import { dayInProse } from "../../domain/glossary.ts";
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
    f.require("matter", "请写明决定事项，例如：由区规划自然资源局牵头协调解决土地指标");
    f.require("unit", "请写明责任单位，例如：区规划自然资源局");
    f.require("owner", "请选择责任人");
    f.require("deadline", "请选择完成时限");
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
      const field = /期限/.test(r.error) ? "deadline" : "matter";
      return ack({ response_action: "errors", errors: { [field]: r.error.slice(0, 1900) } });
    }
    await ack();
    const { decision: d, meeting, projectName } = r.value;
    const text = `✅ 已记入${esc(meeting.title)}（${dayInProse(meeting.date)}）决定事项 ${d.id}${d.supervisionId !== null ? `，已挂牌督办（督办${d.supervisionId}）` : ""}\n*${d.projectId !== null ? `#${d.projectId} ${esc(projectName ?? "")}` : "综合事项"}*：${esc(d.matter)}\n责任单位：${esc(d.unit)}　责任人：${owner}　时限：${dayInProse(d.deadline)}`;
    if (meta.channelId) await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, blocks: [section(text)] as never, text: `已记录会议决定 ${d.id}` });
    else await client.chat.postMessage({ channel: body.user.id, blocks: [section(text)] as never, text: `已记录会议决定 ${d.id}` });
  });
}
