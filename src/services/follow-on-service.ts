import { FOLLOW_ON_KIND_NAMES } from "../domain/glossary.ts";
import { followOnExample, followOnParentProblem, needsOwnInvestor } from "../domain/follow-on.ts";
import type { FollowOnKind, Project } from "../domain/types.ts";
import { getProject, isRequestApplied } from "../store/projects.ts";
import { createNewProject, editPermission, type Caller, type ProjectChangeRequest, type ServiceContext } from "./project-service.ts";
import { ALREADY_DONE, guard, refuse, type Result } from "./service-result.ts";

// 未来订单: a producing project's follow-on investment (增资扩产, 二期,
// 以商引商) recorded as a new project linked to it. The new project takes the
// parent's group, units, people, origin and sector unless told otherwise, and
// the parent's investor except for a referral, which is another company's.

export async function recordFollowOn(
  ctx: ServiceContext,
  caller: Caller,
  parentId: number,
  kind: FollowOnKind,
  req: ProjectChangeRequest,
): Promise<Result<{ project: Project; parent: Project }>> {
  return guard(async () => {
    if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
    const parent = await getProject(ctx.db, parentId);
    if (!parent) return refuse("not_found", `项目 #${parentId} 不存在。用 /project 列表 查看项目编号。`);
    const problem = followOnParentProblem(parent);
    if (problem) return refuse("invalid", problem);
    // Recording a follow-on is an action on the parent: its people decide, as for any change to it.
    const permission = await editPermission(ctx, caller.userId, parent);
    if (!permission.allowed) return refuse("forbidden", `你没有为项目 #${parentId}“${parent.name}”登记未来订单的权限。可登记的人：${permission.who}。`);
    if (needsOwnInvestor(kind) && !req.investor?.trim())
      return refuse("invalid", `${FOLLOW_ON_KIND_NAMES[kind]}引进的是另一家企业的投资，请写明投资方，例如：${followOnExample(parentId).replace("类型=增资扩产", "类型=以商引商")} 投资方="某某科技有限公司"`);
    if (!req.name?.trim()) return refuse("invalid", `请写明未来订单项目的名称，例如：${followOnExample(parentId)}`);
    const created = await createNewProject(ctx, caller, req, {
      investor: needsOwnInvestor(kind) ? undefined : parent.investor,
      industryChain: parent.industryChain,
      groupId: parent.groupId,
      leadUnitId: parent.leadUnitId,
      coUnitIds: parent.coUnitIds,
      landingUnitId: parent.landingUnitId,
      origin: parent.origin,
      sector: parent.sector,
      leaderName: parent.leaderName,
      leaderSlackId: parent.leaderSlackId,
      responsibleUserIds: parent.responsibleUserIds.length ? parent.responsibleUserIds : undefined,
      followOnOf: parent.id,
      followOnKind: kind,
      groupChecked: true,
    });
    return created.ok ? { ok: true, value: { project: created.value, parent } } : created;
  });
}
