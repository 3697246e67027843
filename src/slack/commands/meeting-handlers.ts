import { dayInProse } from "../../domain/glossary.ts";
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
  const project = cmd.project ? await resolveProject(deps, turn, cmd.project, "例如 /project 决定 #7 事项=… 责任单位=… 责任人=@… 期限=12-31") : null;
  if (cmd.project && !project) return;
  const owner = cmd.owner.kind === "user" ? `<@${cmd.owner.userId}>` : cmd.owner.text;
  const r = await recordMeetingDecision(await serviceContext(deps), caller(turn), { projectId: project?.id ?? null, matter: cmd.matter, unit: cmd.unit, owner, deadline: cmd.deadline });
  if (!r.ok) return replyRefusal(deps, turn, r);
  const { decision: d, meeting } = r.value;
  const about = project ? `#${project.id} ${esc(project.name)}` : "综合事项";
  const supervision = d.supervisionId !== null ? `，已挂牌督办（督办${d.supervisionId}）` : "";
  await turn.reply(
    [section(`✅ 已记入${esc(meeting.title)}（${dayInProse(meeting.date)}）决定事项 ${d.id}${supervision}\n*${about}*：${esc(d.matter)}\n责任单位：${esc(d.unit)}　责任人：${owner}　时限：${dayInProse(d.deadline)}`)],
    `已记录会议决定 ${d.id}`,
  );
}

export async function handleAdjourn(_cmd: AdjournCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const r = await adjournMeeting(await serviceContext(deps), caller(turn));
  if (!r.ok) return replyRefusal(deps, turn, r);
  const { meeting, closedNow } = r.value;
  const posted = turn.client ? await postMeetingMinutes(turn.client, deps.db, meeting.id, deps.now()) : "open";
  const where = { posted: "会议纪要已发到汇总频道。", already: "会议纪要此前已发布。", no_channel: "未配置汇总频道，会议纪要未发布；可用 dispatch meeting minutes 生成。", open: "" }[posted];
  await turn.reply([section(`${closedNow ? "✅ 已散会" : "该会议此前已散会"}：${esc(meeting.title)}（${dayInProse(meeting.date)}）。${where}`)], closedNow ? "已散会" : "此前已散会");
}
