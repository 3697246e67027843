import type { BlockerKind } from "../domain/blockers.ts";
import { toLocalDate } from "../domain/local-day.ts";
import { resolveLeader } from "../domain/leaders.ts";
import { formatWan } from "../domain/money.ts";
import { mergeFormChanges } from "../domain/form-merge.ts";
import { personRef } from "../domain/person-ref.ts";
import { FIELD_LABELS, formOverlap } from "../domain/glossary.ts";
import { textLimitProblem } from "../domain/text-limits.ts";
import { canCreateInGroup, canEditProject, type EditDecision } from "../domain/permissions.ts";
import type { Rules } from "../domain/rules.ts";
import { planLandMilestone } from "../domain/land-milestone.ts";
import { JUMP_CONFIRM_BOX, jumpQuestion, needsJumpConfirmation, planStageChange, skippedNote, STAGE_LABELS } from "../domain/stages.ts";
import type { Group, LocalDate, Origin, Project, Sector, Stage } from "../domain/types.ts";
import { inTransaction, type Db } from "../store/client.ts";
import { listGroups, listUnits } from "../store/directory.ts";
import { listLeaders } from "../store/leaders.ts";
import { VersionConflictError } from "../store/errors.ts";
import { recordFunds } from "../store/funds.ts";
import { STAGE_DATE_COLUMNS, fromDomain, type FieldValue, type HistoryField } from "../store/project-row.ts";
import { changesSinceVersion, countProjectsByName, createProject, getProject, isRequestApplied, saveProjectChanges, searchProjectsByName, type FieldChange, type UpdateSource } from "../store/projects.ts";
import { ALREADY_DONE, CHECKED, done, guard, refuse, type Result } from "./service-result.ts";

// Use cases that change projects, shared by slash commands, forms, buttons
// and the CLI: permission, domain rules, then one store transaction.

export interface ServiceContext {
  db: Db;
  rules: Rules;
  /** Slack user ids of administrators (may change any project). */
  admins: readonly string[];
  now: Date;
  /** Run every check, write nothing, answer CHECKED (a form's quick check before Slack closes it). */
  checkOnly?: boolean;
}

export interface Caller {
  userId: string;
  source: UpdateSource;
  /** Idempotency key of the request (Slack retry, double submit). */
  requestKey?: string;
  /** How long the key blocks a repeat (a typed command may be repeated on purpose later); default forever. */
  requestKeyTtlMs?: number;
}

/** Everything a user may change in one go; names are resolved to ids here. */
export interface ProjectChangeRequest {
  stage?: Stage;
  /** Day the new stage was reached; default today. */
  stageDate?: LocalDate;
  reason?: string;
  /** A large stage jump (domain/stages.ts needsJumpConfirmation) was confirmed: 确认=是, or the form's tick box. */
  confirmJump?: boolean;
  /** 拿地 milestone day; null clears it. Never moves the stage. */
  landOn?: LocalDate | null;
  progress?: string;
  nextStep?: string;
  nextStepDue?: LocalDate | null;
  blockers?: string;
  /** 要素制约 kind; null clears it. */
  blockerKind?: BlockerKind | null;
  /** Department overriding the rules' one for the kind; "" or null clears it. */
  blockerUnit?: string | null;
  agreedWan?: number;
  outputWan?: number;
  name?: string;
  investor?: string;
  industryChain?: string;
  groupName?: string;
  leadUnitName?: string;
  coUnitNames?: string[];
  landingUnitName?: string;
  origin?: Origin;
  sector?: Sector;
  /** 包联领导 as a name or a mention; resolved against the leaders directory. */
  leaderName?: string;
  leaderSlackId?: string | null;
  responsibleUserIds?: string[];
  /** 到位资金 recorded with the update. */
  fundsWan?: number;
  fundsDate?: LocalDate;
}

export interface UpdateOutcome {
  project: Project;
  changes: FieldChange[];
  progress?: string;
  fundsWan?: number;
  /** Names of the groups and units the changes refer to by id ("groupId:3" → "数字经济组"), so nobody reads a raw id. */
  names: Record<string, string>;
}

async function namesOfIds(db: Db): Promise<Record<string, string>> {
  const [groups, units] = await Promise.all([listGroups(db), listUnits(db)]);
  return Object.fromEntries([
    ...groups.map((g) => [`groupId:${g.id}`, g.name]),
    ...units.flatMap((u) => ["leadUnitId", "landingUnitId", "coUnitIds"].map((f) => [`${f}:${u.id}`, u.name])),
  ]);
}

export type ProjectLookup =
  | { status: "found"; project: Project }
  | { status: "ambiguous"; matches: Project[]; total: number }
  | { status: "none"; suggestions: Project[] };

/** How many matching projects a pick list offers as buttons. */
export const PICK_LIST_SIZE = 10;

export type ProjectRef = { kind: "id"; id: number } | { kind: "name"; text: string };

export function today(ctx: Pick<ServiceContext, "now" | "rules">): LocalDate {
  return toLocalDate(ctx.now, ctx.rules.timeZone);
}

/** `#12` or part of a name; several matches give a pick list, none gives the closest names. */
export async function findProject(db: Db, ref: ProjectRef): Promise<ProjectLookup> {
  if (ref.kind === "id") {
    const p = await getProject(db, ref.id);
    return p ? { status: "found", project: p } : { status: "none", suggestions: [] };
  }
  const matches = await searchProjectsByName(db, ref.text, PICK_LIST_SIZE);
  const exact = matches.filter((p) => p.name === ref.text);
  if (exact.length === 1 || matches.length === 1) return { status: "found", project: exact[0] ?? matches[0] };
  if (matches.length > 1) return { status: "ambiguous", matches, total: await countProjectsByName(db, ref.text) };
  // Nothing contains the text: suggest names sharing the most characters with it.
  const chars = [...new Set(ref.text)];
  const near = (await Promise.all(chars.slice(0, 6).map((c) => searchProjectsByName(db, c, 20)))).flat();
  const score = (p: Project) => chars.filter((c) => p.name.includes(c)).length;
  const seen = new Set<number>();
  const suggestions = near
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .sort((a, b) => score(b) - score(a) || a.id - b.id)
    .slice(0, 5);
  return { status: "none", suggestions };
}

async function resolveNames(db: Db, req: ProjectChangeRequest): Promise<{ patch: Partial<Record<HistoryField, FieldValue>>; group: Group | null | undefined; errors: string[] }> {
  const patch: Partial<Record<HistoryField, FieldValue>> = {};
  const errors: string[] = (["name", "investor", "industryChain", "leaderName", "nextStep", "blockers", "blockerUnit", "progress", "reason"] as const)
    .map((f) => textLimitProblem(f, req[f]))
    .filter((e): e is string => e !== null);
  let group: Group | null | undefined;
  if (req.groupName !== undefined) {
    const groups = await listGroups(db);
    const found = groups.filter((g) => g.name === req.groupName || g.name.includes(req.groupName!));
    if (found.length === 1) [group] = found;
    else errors.push(`工作组“${req.groupName}”${found.length ? "不唯一" : "不存在"}。可选：${groups.map((g) => g.name).join("、")}`);
    if (group) patch.groupId = group.id;
  }
  const needUnits = req.leadUnitName !== undefined || req.coUnitNames !== undefined || req.landingUnitName !== undefined;
  if (needUnits) {
    const units = await listUnits(db);
    const unitId = (name: string, what: string): number | null => {
      const found = units.filter((u) => u.name === name || u.name.includes(name));
      if (found.length === 1) return found[0].id;
      errors.push(`${what}“${name}”${found.length ? "不唯一，请写全称" : "不存在"}。例如：${units.slice(0, 3).map((u) => u.name).join("、")}`);
      return null;
    };
    if (req.leadUnitName !== undefined) patch.leadUnitId = unitId(req.leadUnitName, "牵头单位");
    if (req.landingUnitName !== undefined) patch.landingUnitId = unitId(req.landingUnitName, "落地单位");
    if (req.coUnitNames !== undefined) patch.coUnitIds = req.coUnitNames.map((n) => unitId(n, "配合单位")).filter((x): x is number => x !== null);
  }
  if (req.leaderName !== undefined) {
    const leader = resolveLeader(req.leaderName, await listLeaders(db));
    req = { ...req, leaderName: leader.leaderName, leaderSlackId: leader.leaderSlackId };
    patch.leaderSlackId = leader.leaderSlackId;
  }
  const plain = ["nextStep", "nextStepDue", "blockers", "agreedWan", "outputWan", "name", "investor", "industryChain", "origin", "sector", "leaderName", "responsibleUserIds"] as const;
  for (const k of plain) if (req[k] !== undefined) patch[k] = req[k] as FieldValue;
  if (req.blockerKind !== undefined) patch.blockerKind = req.blockerKind;
  if (req.blockerUnit !== undefined) patch.blockerUnit = req.blockerUnit?.trim() || null;
  return { patch, group, errors };
}

/** Whether the caller may change the project (SPEC: its group's members, its responsible users, admins), and who may. */
export async function editPermission(ctx: ServiceContext, userId: string, project: Project): Promise<EditDecision> {
  const group = project.groupId === null ? null : ((await listGroups(ctx.db)).find((g) => g.id === project.groupId) ?? null);
  return canEditProject(userId, project, group, ctx.admins);
}

/** `/project 更新 #12 阶段=开工 下一步=...`, the update form, and the card's buttons. */
export async function updateProject(
  ctx: ServiceContext,
  caller: Caller,
  projectId: number,
  req: ProjectChangeRequest,
  expectedVersion?: number,
): Promise<Result<UpdateOutcome>> {
  // A command or button names no version: another writer saving the project
  // between our read and our write is no conflict for it, so the change is
  // worked out again on the new version (merged) rather than refused. A form
  // names the version it was filled in on: what it changed is merged with
  // what others changed since, and refused only where both changed a field.
  return guard(async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await updateOnce(ctx, caller, projectId, req, expectedVersion);
      } catch (e) {
        // Each lost race means another change went in: a few dozen tries outlast any burst of them.
        if (!(e instanceof VersionConflictError) || attempt >= 30) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * Math.min(attempt, 5)));
      }
    }
  });
}

async function updateOnce(ctx: ServiceContext, caller: Caller, projectId: number, req: ProjectChangeRequest, expectedVersion?: number): Promise<Result<UpdateOutcome>> {
  // A retry is answered before validation: the first attempt already moved the state on.
  if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
  const current = await getProject(ctx.db, projectId);
  if (!current) return refuse("not_found", `项目 #${projectId} 不存在。用 /project 列表 查看项目编号。`);
  const permission = await editPermission(ctx, caller.userId, current);
  if (!permission.allowed) return refuse("forbidden", `你没有修改项目 #${projectId}“${current.name}”的权限。可修改的人：${permission.who}。`);
  const resolved = await resolveNames(ctx.db, req);
  let patch = resolved.patch;
  const { group: target, errors } = resolved;
  // A form filled in on an old version: merged when what it changed and what was changed since are different fields.
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    const merged = await mergeWithChangesSince(ctx, current, expectedVersion, patch, req.stage);
    if (!merged.ok) return merged;
    const { stage, ...rest } = merged.value;
    patch = rest;
    if (stage === undefined) req = { ...req, stage: undefined };
  }
  // Moving a project into a group is creating one there: it needs the same rights.
  if (target && target.id !== current.groupId && !canCreateInGroup(caller.userId, target, ctx.admins))
    return refuse("forbidden", `只有“${target.name}”工作组成员、组长或管理员可以把项目移入该组。如需移交，请该组成员或管理员操作。`);
  const day = today(ctx);
  let after: Pick<Project, "stage" | "stageDates"> = current;
  if (req.stage !== undefined) {
    const plan = planStageChange(current, req.stage, req.stageDate ?? day, req.reason);
    if (!plan.ok) errors.push(plan.error);
    else if (needsJumpConfirmation(current.stage, plan.stage) && !req.confirmJump) {
      const how = caller.source === "FORM" ? `勾选“${JUMP_CONFIRM_BOX}”后保存` : "在命令末尾加上 确认=是 重新提交";
      return { ok: false, kind: "invalid", field: "confirmJump", error: jumpQuestion(current.stage, plan.stage, how) };
    } else {
      patch.stage = plan.stage;
      for (const [stage, column] of Object.entries(STAGE_DATE_COLUMNS)) patch[column as HistoryField] = plan.stageDates[stage as Stage] ?? null;
      if (plan.stage === "DROPPED") patch.dropReason = req.reason!.trim();
      after = plan;
    }
  }
  // 拿地 is judged against the stage this same update leaves (阶段=签约 拿地=11-20 together is fine).
  if (req.landOn !== undefined) {
    const land = planLandMilestone(after, req.landOn);
    if (!land.ok) errors.push(land.error);
    else patch.landAt = land.landAcquiredOn;
  }
  if (req.fundsWan !== undefined && req.fundsWan <= 0) errors.push(`到位金额须大于 0，例如：到位=+3000万`);
  if (errors.length) return refuse("invalid", errors.join("\n"));

  // A confirmed jump says in the answer and the history which stages were skipped.
  const jumped = req.stage && needsJumpConfirmation(current.stage, req.stage) ? skippedNote(current.stage, req.stage) : undefined;
  const progress = [req.progress, req.stage && req.reason ? `阶段调整为${STAGE_LABELS[req.stage]}，原因：${req.reason}` : undefined, jumped].filter(Boolean).join("；") || undefined;
  if (ctx.checkOnly) return CHECKED;
  const actor = { author: caller.userId, source: caller.source };
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const saved = await saveProjectChanges(tx, projectId, current.version, patch, actor, { requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs, progress, at: ctx.now });
    if (req.fundsWan !== undefined)
      await recordFunds(tx, { projectId, date: req.fundsDate ?? day, amountWan: req.fundsWan }, actor, { at: ctx.now });
    return saved;
  });
  const names = outcome.changes.some((c) => /^(groupId|leadUnitId|landingUnitId|coUnitIds)$/.test(c.field)) ? await namesOfIds(ctx.db) : {};
  return done({ ...outcome, progress, fundsWan: req.fundsWan, names });
}

/**
 * A form's patch (and stage move) on version `from` against the changes since
 * (mergeFormChanges): the fields the form changed, or a conflict naming the
 * field both changed and who changed it.
 */
async function mergeWithChangesSince(
  ctx: ServiceContext,
  current: Project,
  from: number,
  patch: Partial<Record<HistoryField, FieldValue>>,
  stage: Stage | undefined,
): Promise<Result<Partial<Record<HistoryField, FieldValue>>>> {
  const since = await changesSinceVersion(ctx.db, current.id, from, current.version);
  // A history that cannot say what changed: refused as before, the current values shown.
  if (!since) return { ok: false, kind: "conflict", error: new VersionConflictError(current).message, current };
  const form = stage === undefined ? patch : { ...patch, stage };
  const empty = (v: FieldValue) => (v === "" || v === undefined ? null : v);
  const same = (a: FieldValue, b: FieldValue) => JSON.stringify(empty(a)) === JSON.stringify(empty(b));
  // A stage, its dates and its 终止原因 move together: a change to any of them is a change of the stage.
  const group = (f: HistoryField) => (f === "stage" || f === "dropReason" || (Object.values(STAGE_DATE_COLUMNS) as HistoryField[]).includes(f) ? "stage" : f);
  const decision = mergeFormChanges(form, fromDomain(current), since, same, group);
  if (decision.ok) return done(decision.patch);
  // A person as a marker (a mention in messages, a name in form errors); "import", "cli" as written.
  const by = /^[UW][A-Z0-9_]+$/.test(decision.author) ? ` ${personRef(decision.author)} ` : `“${decision.author}”`;
  return { ok: false, kind: "conflict", error: formOverlap(current.id, FIELD_LABELS[decision.field] ?? decision.field, by), current };
}

/** `/project 到位 #7 +500万` and the funds form. Recorded at most once per request key. */
export async function recordProjectFunds(
  ctx: ServiceContext,
  caller: Caller,
  projectId: number,
  entry: { amountWan: number; date?: LocalDate; note?: string },
): Promise<Result<{ project: Project; amountWan: number; date: LocalDate }>> {
  return guard(async () => {
    // A retry is answered before validation: the first attempt already moved the state on.
    if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
    const project = await getProject(ctx.db, projectId);
    if (!project) return refuse("not_found", `项目 #${projectId} 不存在。用 /project 列表 查看项目编号。`);
    const permission = await editPermission(ctx, caller.userId, project);
    if (!permission.allowed) return refuse("forbidden", `你没有为项目 #${projectId}“${project.name}”登记到位资金的权限。可登记的人：${permission.who}。`);
    const tooLong = textLimitProblem("note", entry.note);
    if (tooLong) return refuse("invalid", tooLong);
    if (!(entry.amountWan > 0)) return refuse("invalid", `到位金额须大于 0，例如：/project 到位 #${projectId} +${formatWan(3000)}`);
    const date = entry.date ?? today(ctx);
    if (date > today(ctx)) return refuse("invalid", `到位日期 ${date} 在今天之后：请登记已经到账的资金。`);
    if (ctx.checkOnly) return CHECKED;
    await recordFunds(ctx.db, { projectId, date, amountWan: entry.amountWan, note: entry.note }, { author: caller.userId, source: caller.source }, { requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs, at: ctx.now });
    return done({ project, amountWan: entry.amountWan, date });
  });
}

/**
 * Defaults a new project takes where the request is silent, and its 未来订单
 * link: a follow-on takes its parent's. `groupChecked`: the caller's right to
 * create in the inherited group was already decided (on the parent).
 */
export type NewProjectBase = Partial<
  Pick<Project, "investor" | "industryChain" | "groupId" | "leadUnitId" | "coUnitIds" | "landingUnitId" | "origin" | "sector" | "leaderName" | "leaderSlackId" | "responsibleUserIds" | "followOnOf" | "followOnKind">
> & { groupChecked?: boolean };

/** `/project 新建 ...`, the new-project form, and 未来订单 (with the parent's `base`). */
export async function createNewProject(ctx: ServiceContext, caller: Caller, req: ProjectChangeRequest, base: NewProjectBase = {}): Promise<Result<Project>> {
  return guard(async () => {
    // A retry is answered before validation: the first attempt already moved the state on.
    if (await isRequestApplied(ctx.db, caller.requestKey, ctx.now)) return ALREADY_DONE;
    const { patch, group, errors } = await resolveNames(ctx.db, req);
    const investor = req.investor?.trim() || base.investor;
    const origin = req.origin ?? base.origin;
    const sector = req.sector ?? base.sector;
    if (!req.name?.trim()) errors.push(`缺少项目名称，例如：/project 新建 锂电池正极材料项目 投资方=某某新能源 协议资金=25亿 工作组=新材料`);
    if (!investor) errors.push(`缺少投资方，例如：投资方="某某新能源科技有限公司"`);
    if (!origin) errors.push(`缺少项目来源，例如：来源=市外（可选：市外、区外市内、区内）`);
    if (!sector) errors.push(`缺少产业类别，例如：产业类别=工业（可选：工业、服务业）`);
    if (errors.length) return refuse("invalid", errors.join("\n"));
    const inherited = group === undefined && base.groupId !== undefined && base.groupChecked === true;
    if (!inherited && !canCreateInGroup(caller.userId, group ?? null, ctx.admins))
      return refuse("forbidden", group ? `只有“${group.name}”工作组成员或管理员可以在该组新建项目。` : `请用 工作组=... 指明项目所属工作组（须是你所在的工作组）。`);
    if (ctx.checkOnly) return CHECKED;
    const day = today(ctx);
    const stage = req.stage ?? "LEAD";
    const pick = <T>(field: HistoryField, fallback: T): T => (field in patch ? (patch[field] as T) : fallback);
    const project = await createProject(
      ctx.db,
      {
        name: req.name!.trim(),
        investor: investor!,
        industryChain: req.industryChain ?? base.industryChain ?? "",
        groupId: pick("groupId", base.groupId ?? null),
        leadUnitId: pick("leadUnitId", base.leadUnitId ?? null),
        coUnitIds: pick("coUnitIds", base.coUnitIds ?? []),
        landingUnitId: pick("landingUnitId", base.landingUnitId ?? null),
        origin: origin!,
        sector: sector!,
        agreedWan: req.agreedWan ?? 0,
        outputWan: req.outputWan ?? 0,
        stage,
        stageDates: { [stage]: req.stageDate ?? day },
        dropReason: null,
        leaderName: pick("leaderName", base.leaderName ?? ""),
        leaderSlackId: pick("leaderSlackId", base.leaderSlackId ?? null),
        responsibleUserIds: req.responsibleUserIds ?? base.responsibleUserIds ?? [caller.userId],
        nextStep: req.nextStep ?? "",
        nextStepDue: req.nextStepDue ?? null,
        blockers: req.blockers ?? "",
        blockerKind: req.blockerKind ?? null,
        blockerUnit: req.blockerUnit?.trim() || null,
        followOnOf: base.followOnOf ?? null,
        followOnKind: base.followOnKind ?? null,
      },
      { author: caller.userId, source: caller.source },
      { requestKey: caller.requestKey, requestKeyTtlMs: caller.requestKeyTtlMs, at: ctx.now },
    );
    return done(project);
  }).catch((e) => {
    if ((e as { code?: string }).code === "P2002") return refuse("invalid", `已有同名同投资方的项目“${req.name}”（${req.investor ?? base.investor}）。请用 /project 查看 ${req.name} 找到它并更新。`);
    throw e;
  });
}
