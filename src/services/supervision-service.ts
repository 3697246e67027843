import { SUPERVISION_STATUS_LABELS, SUPERVISION_STEP_LABELS } from "../domain/glossary.ts";
import { checkStep, isOwner, supervisionStateOn, toldOfStep, type SupervisionActor, type SupervisionState, type SupervisionStatus, type SupervisionStep, type SupervisionStepKind } from "../domain/supervision.ts";
import type { LocalDate, Project } from "../domain/types.ts";
import { getProject, isRequestApplied } from "../store/projects.ts";
import { readSetting } from "../store/settings.ts";
import { appendSupervisionStep, createSupervision, loadSupervision, type StoredSupervision } from "../store/supervision.ts";
import { editPermission, today, type Caller, type ServiceContext } from "./project-service.ts";
import { ALREADY_DONE, CHECKED, done, guard, refuse, type Refusal, type Result } from "./service-result.ts";

// The 督办 loop's use cases: open an item (a 督办员 lists it; an editor
// proposes it), and take each further step. The domain says who may take
// which step; this layer finds out who the caller is and records the step.

/** The `supervisors` setting: Slack ids of the 督办员 (admins are 督办员 too). */
export async function loadSupervisors(ctx: Pick<ServiceContext, "db" | "admins">): Promise<string[]> {
  const listed = (await readSetting(ctx.db, "supervisors")) ?? [];
  const ids = Array.isArray(listed) ? listed.filter((x): x is string => typeof x === "string") : [];
  return [...new Set([...ids, ...ctx.admins])];
}

export async function isSupervisor(ctx: Pick<ServiceContext, "db" | "admins">, userId: string): Promise<boolean> {
  return (await loadSupervisors(ctx)).includes(userId);
}

async function actorFor(ctx: ServiceContext, userId: string, project: Project): Promise<SupervisionActor> {
  const [sup, edit] = await Promise.all([isSupervisor(ctx, userId), editPermission(ctx, userId, project)]);
  return { userId, isSupervisor: sup, isEditor: edit.allowed };
}

export interface OpenedItem {
  id: number;
  projectId: number;
  projectName: string;
  /** OPEN when listed by a 督办员, PROPOSED when an editor proposed it. */
  status: SupervisionStatus;
}

/**
 * 挂牌督办: a 督办员 lists the item at once; a project's editor proposes it
 * for a 督办员 to confirm. The one entry point for anything that opens a 督办
 * item (slash command, form, a meeting's decision).
 */
export async function openSupervisionItem(
  ctx: ServiceContext,
  caller: Caller,
  projectId: number,
  item: { issue: string; owner: string; deadline: LocalDate; note?: string },
): Promise<Result<OpenedItem>> {
  return guard(async () => {
    if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
    const project = await getProject(ctx.db, projectId);
    if (!project) return refuse("not_found", `项目 #${projectId} 不存在。用 /project 查看 项目名称 查找项目编号。`);
    const actor = await actorFor(ctx, caller.userId, project);
    const kind: SupervisionStepKind = actor.isSupervisor ? "LIST" : "PROPOSE";
    const step: SupervisionStep = { kind, by: caller.userId, on: today(ctx), note: item.note?.trim() ?? "", issue: item.issue.trim(), owner: item.owner.trim(), deadline: item.deadline };
    if (!item.owner.trim()) return refuse("invalid", `缺少责任人，例如：/project 督办 #${projectId} 事项="土地指标未落实" 责任人=@王小峡 期限=12-31`);
    const refusal = checkStep(null, step, actor, today(ctx));
    if (refusal) return asRefusal(refusal);
    if (ctx.checkOnly) return CHECKED;
    const id = await createSupervision(ctx.db, projectId, step, { author: caller.userId, source: caller.source }, { at: ctx.now, requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs });
    return done({ id, projectId, projectName: project.name, status: kind === "LIST" ? "OPEN" : "PROPOSED" });
  });
}

export interface StepTaken {
  id: number;
  projectId: number;
  projectName: string;
  kind: SupervisionStepKind;
  state: SupervisionState;
}

/** Any further step (确认, 不予挂牌, 反馈, 申请销号, 同意销号, 退回, 延期) on item `itemId`. */
export async function takeSupervisionStep(
  ctx: ServiceContext,
  caller: Caller,
  itemId: number,
  kind: Exclude<SupervisionStepKind, "LIST" | "PROPOSE">,
  input: { note?: string; deadline?: LocalDate } = {},
): Promise<Result<StepTaken>> {
  return guard(async () => {
    if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
    const item = await loadSupervision(ctx.db, itemId, ctx.rules.timeZone);
    if (!item) return refuse("not_found", `督办${itemId} 不存在。督办编号见项目卡片或 /project 督办 列表，例如 督办12。`);
    const project = (await getProject(ctx.db, item.projectId))!;
    const actor = await actorFor(ctx, caller.userId, project);
    const step: SupervisionStep = { kind, by: caller.userId, on: today(ctx), note: input.note?.trim() ?? "", ...(input.deadline ? { deadline: input.deadline } : {}) };
    const state = supervisionStateOn(item.steps)!;
    const refusal = checkStep(state, step, actor, today(ctx));
    if (refusal) return asRefusal(refusal, itemId);
    if (ctx.checkOnly) return CHECKED;
    const moved = await appendSupervisionStep(ctx.db, item, step, { author: caller.userId, source: caller.source }, { at: ctx.now, requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs });
    if (!moved) return raced(ctx, itemId, kind);
    return done({ id: itemId, projectId: item.projectId, projectName: project.name, kind, state: supervisionStateOn([...item.steps, step])! });
  });
}

/**
 * `/project 销号 督办12`: what 销号 means depends on who asks. The 责任人
 * asks for it (申请销号); a 督办员 reviewing a request grants it (同意销号).
 */
export async function closeOrRequest(ctx: ServiceContext, caller: Caller, itemId: number, note: string): Promise<Result<StepTaken>> {
  const item = await loadSupervision(ctx.db, itemId, ctx.rules.timeZone);
  if (!item) return refuse("not_found", `督办${itemId} 不存在。督办编号见项目卡片，例如 督办12。`);
  const project = (await getProject(ctx.db, item.projectId))!;
  const state = supervisionStateOn(item.steps)!;
  const actor = await actorFor(ctx, caller.userId, project);
  const kind = state.status === "OPEN" && isOwner(state, actor) ? "REQUEST_CLOSE" : "APPROVE";
  return takeSupervisionStep(ctx, caller, itemId, kind, { note });
}

/** The item and its project, for cards and listings. */
export async function getSupervisionItem(ctx: ServiceContext, itemId: number): Promise<{ item: StoredSupervision; state: SupervisionState; project: Project } | null> {
  const item = await loadSupervision(ctx.db, itemId, ctx.rules.timeZone);
  if (!item) return null;
  const project = (await getProject(ctx.db, item.projectId))!;
  return { item, state: supervisionStateOn(item.steps)!, project };
}

function asRefusal(r: { code: "forbidden" | "invalid" | "conflict"; text: string }, itemId?: number): Refusal {
  const text = itemId === undefined ? r.text : `督办${itemId}：${r.text}`;
  return refuse(r.code === "conflict" ? "invalid" : r.code, text);
}

/** Someone moved the item between our read and our write (two 督办员 at once, or a retry). */
async function raced(ctx: ServiceContext, itemId: number, kind: SupervisionStepKind): Promise<Refusal> {
  const now = await loadSupervision(ctx.db, itemId, ctx.rules.timeZone);
  if (now?.steps.at(-1)?.kind === kind) return ALREADY_DONE;
  const status = now ? SUPERVISION_STATUS_LABELS[now.status] : "已删除";
  return refuse("invalid", `督办${itemId} 刚刚已被他人处理，当前为“${status}”，未能${SUPERVISION_STEP_LABELS[kind]}。请查看最新状态后再操作。`);
}

/**
 * Would the caller be allowed to take `kind` on the item now (before a form
 * asks them for the words)? The refusal, or null.
 */
export async function refusalBeforeForm(ctx: ServiceContext, userId: string, itemId: number, kind: SupervisionStepKind): Promise<Refusal | null> {
  const found = await getSupervisionItem(ctx, itemId);
  if (!found) return refuse("not_found", `督办${itemId} 不存在。`);
  const actor = await actorFor(ctx, userId, found.project);
  const r = checkStep(found.state, { kind, note: "—", deadline: "9999-12-31" }, actor, today(ctx));
  return r ? asRefusal(r, itemId) : null;
}

/** Whom to tell of a step just taken by `by` (申请销号 → the listing 督办员; 退回 → the 责任人): Slack ids. */
export async function toldOf(ctx: Pick<ServiceContext, "db" | "admins">, taken: Pick<StepTaken, "kind" | "state">, by: string): Promise<string[]> {
  return toldOfStep(taken.state, { kind: taken.kind, by }, await loadSupervisors(ctx));
}
