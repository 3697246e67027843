import { canAnswerPing, canEditProject } from "../domain/permissions.ts";
import { muteProblem } from "../domain/ping-mute.ts";
import type { Group, Project } from "../domain/types.ts";
import { listGroups } from "../store/directory.ts";
import { acknowledgePing, findPing, muteUntil } from "../store/pings.ts";
import { getProject } from "../store/projects.ts";
import { done, refuse, type Result } from "./service-result.ts";
import { today, updateProject, type Caller, type ServiceContext } from "./project-service.ts";

// Answers to an overdue ping: 已处理, ✅ and 暂停我的提醒. Only people who may
// change one of its projects may answer (anyone else would stop the escalation
// to the 组长 without anyone responsible having seen it); a mute is bounded.

export interface PingRef {
  channelId: string;
  messageTs: string;
}

async function pingGroup(ctx: ServiceContext, ref: PingRef | undefined): Promise<{ group: Group | null; projects: Project[] } | null> {
  const ping = ref ? await findPing(ctx.db, ref.channelId, ref.messageTs) : null;
  if (!ping) return null;
  const group = (await listGroups(ctx.db)).find((g) => g.id === ping.groupId) ?? null;
  const ids = JSON.parse(ping.projectIds) as number[];
  const projects = (await Promise.all(ids.map((id) => getProject(ctx.db, id)))).filter((p): p is Project => p !== null);
  return { group, projects };
}

/** ✅ on a ping: recorded only from someone who may answer it; false means ignored. */
export async function acknowledgePingReaction(ctx: ServiceContext, userId: string, ref: PingRef): Promise<boolean> {
  const found = await pingGroup(ctx, ref);
  if (!found || !canAnswerPing(userId, found.projects, found.group, ctx.admins)) return false;
  return acknowledgePing(ctx.db, ref.channelId, ref.messageTs, userId, ctx.now);
}

/**
 * 已处理 on a project of a ping: the overdue next step is done, so it is
 * recorded as progress and cleared (the project leaves the overdue lists of
 * App Home and tomorrow's ping); the ping counts as answered.
 */
export async function markOverdueHandled(ctx: ServiceContext, caller: Caller, projectId: number, ref: PingRef | undefined): Promise<Result<{ project: Project; day: string }>> {
  const project = await getProject(ctx.db, projectId);
  if (!project) return refuse("not_found", `项目 #${projectId} 已不存在。`);
  const group = project.groupId === null ? null : ((await listGroups(ctx.db)).find((g) => g.id === project.groupId) ?? null);
  const permission = canEditProject(caller.userId, project, group, ctx.admins);
  if (!permission.allowed) return refuse("forbidden", `只有本项目的责任人、所在工作组成员或管理员可以答复这条提醒。可答复的人：${permission.who}。`);
  const day = today(ctx);
  if (!project.nextStepDue || project.nextStepDue >= day)
    return refuse("invalid", `#${projectId} 的下一步没有逾期，无需点“已处理”。逾期的督办事项请由负责人销号，例如：/project 销号 #${projectId} 说明="已解决"`);
  const step = project.nextStep.trim() ? `“${project.nextStep.trim()}”` : "";
  const r = await updateProject(ctx, caller, projectId, { progress: `已完成下一步${step}（逾期提醒中确认）`, nextStep: "", nextStepDue: null });
  if (!r.ok) return r;
  if (ref) await acknowledgePing(ctx.db, ref.channelId, ref.messageTs, caller.userId, ctx.now);
  return done({ project: r.value.project, day });
}

/** 暂停我的提醒至…: at most 30 days; silences the person's mention, never the project. */
export async function muteMyPings(ctx: ServiceContext, userId: string, until: string): Promise<Result<{ until: string }>> {
  const problem = muteProblem(today(ctx), until);
  if (problem) return refuse("invalid", problem);
  await muteUntil(ctx.db, userId, until);
  return done({ until });
}
