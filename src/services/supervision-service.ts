import type { LocalDate } from "../domain/types.ts";
import { getProject } from "../store/projects.ts";
import { closeSupervision, getSupervisionItem, openSupervision } from "../store/supervision.ts";
import { editPermission, today, type Caller, type ServiceContext } from "./project-service.ts";
import { isRequestApplied } from "../store/projects.ts";
import { ALREADY_DONE, CHECKED, done, guard, refuse, type Result } from "./service-result.ts";

// 挂牌督办 (list a blocker for supervision) and 销号 (close it out). Listing
// needs edit rights on the project; closing needs the item's owner, the
// project's editors or an admin.

export async function superviseProject(
  ctx: ServiceContext,
  caller: Caller,
  projectId: number,
  item: { issue: string; owner: string; deadline: LocalDate },
): Promise<Result<{ id: number; projectName: string }>> {
  return guard(async () => {
    if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
    const project = await getProject(ctx.db, projectId);
    if (!project) return refuse("not_found", `项目 #${projectId} 不存在。`);
    const permission = await editPermission(ctx, caller.userId, project);
    if (!permission.allowed) return refuse("forbidden", `你不能为项目 #${projectId} 挂牌督办。可操作的人：${permission.who}。`);
    if (!item.issue.trim()) return refuse("invalid", `缺少督办事项，例如：/project 督办 #${projectId} 事项="土地指标未落实" 负责人=<@U123> 期限=12-31`);
    if (item.deadline < today(ctx)) return refuse("invalid", `督办期限 ${item.deadline} 已过，请给一个今天或以后的日期，例如 期限=12-31`);
    if (ctx.checkOnly) return CHECKED;
    const row = await openSupervision(ctx.db, { projectId, issue: item.issue.trim(), owner: item.owner, deadline: item.deadline }, { author: caller.userId, source: caller.source }, { requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs, at: ctx.now });
    return done({ id: row.id, projectName: project.name });
  });
}

export async function closeSupervisionItem(ctx: ServiceContext, caller: Caller, itemId: number, note: string): Promise<Result<{ id: number; projectId: number }>> {
  return guard(async () => {
    if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
    const item = await getSupervisionItem(ctx.db, itemId);
    if (!item) return refuse("not_found", `督办事项 ${itemId} 不存在。用 /project 查看 #项目编号 查看项目的督办事项编号。`);
    const project = (await getProject(ctx.db, item.projectId))!;
    const owner = item.owner === caller.userId || item.owner === `<@${caller.userId}>`;
    const permission = await editPermission(ctx, caller.userId, project);
    if (!owner && !permission.allowed) return refuse("forbidden", `你不能为督办事项 ${itemId} 销号。可销号的人：督办负责人、${permission.who}。`);
    if (item.status === "CLOSED") return refuse("invalid", `督办事项 ${itemId} 已于此前销号。`);
    if (ctx.checkOnly) return CHECKED;
    await closeSupervision(ctx.db, itemId, note, { author: caller.userId, source: caller.source }, { requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs, at: ctx.now });
    return done({ id: itemId, projectId: item.projectId });
  });
}
