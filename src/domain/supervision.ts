import { personRef } from "./person-ref.ts";
import { isWorkday } from "./calendar.ts";
import { addDays, daysBetween } from "./periods.ts";
import { SUPERVISION_STATUS_LABELS, SUPERVISION_STEP_LABELS } from "./glossary.ts";
import type { LocalDate, SupervisionItem } from "./types.ts";

// 督办 as a closed loop (SPEC "签约未开工, 督办, 包联"; city speech: "纳入大督办
// 工作平台，实行销号管理，明确整改时限"). An item is nothing but its recorded
// steps; its state on any day is the fold of the steps taken by then, so a
// report of a past day shows that day's state and the history is the item.
//
// 挂牌 (a 督办员 lists it, or an editor proposes and a 督办员 confirms) → 办理
// (the 责任人 posts 反馈) → 申请销号 (责任人) → 复核 by a 督办员: 同意 → 销号,
// 退回 (with a reason) → back to 办理. Nobody closes their own item; only a
// 督办员 moves a deadline, and only with a reason.

export const SUPERVISION_STEP_KINDS = ["PROPOSE", "LIST", "CONFIRM", "DECLINE", "FEEDBACK", "REQUEST_CLOSE", "APPROVE", "RETURN", "EXTEND"] as const;
export type SupervisionStepKind = (typeof SUPERVISION_STEP_KINDS)[number];

/** PROPOSED 待确认 · OPEN 办理中 · REVIEW 待复核 · CLOSED 已销号 · DECLINED 未予挂牌. */
export const SUPERVISION_STATUSES = ["PROPOSED", "OPEN", "REVIEW", "CLOSED", "DECLINED"] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export interface SupervisionStep {
  kind: SupervisionStepKind;
  /** Slack user id (or "cli"/"demo"/"import") of who took the step. */
  by: string;
  /** District-local day the step was taken; steps are given in the order they were taken. */
  on: LocalDate;
  /** 反馈 text, 申请销号 说明, 退回/延期/不予挂牌 reason. */
  note: string;
  /** PROPOSE/LIST: the item as listed; CONFIRM may restate them; EXTEND: the new deadline. */
  issue?: string;
  owner?: string;
  deadline?: LocalDate;
}

export interface SupervisionState {
  status: SupervisionStatus;
  issue: string;
  /** `<@U…>` for a Slack member, or a plain name of someone outside Slack. */
  owner: string;
  deadline: LocalDate;
  proposedOn: LocalDate;
  /** Day it was listed (挂牌): LIST or CONFIRM; null while only proposed or when declined. */
  openedOn: LocalDate | null;
  openedBy: string | null;
  closedOn: LocalDate | null;
  closedBy: string | null;
  /** Who asked for 销号 in the current round (cleared by 退回). */
  requestedBy: string | null;
  feedbackCount: number;
  lastFeedbackOn: LocalDate | null;
  steps: SupervisionStep[];
}

/** The item's state after the steps taken on or before `asOf` (all steps when omitted); null if it did not exist yet. */
export function supervisionStateOn(steps: readonly SupervisionStep[], asOf?: LocalDate): SupervisionState | null {
  let s: SupervisionState | null = null;
  for (const step of steps) {
    if (asOf !== undefined && step.on > asOf) break;
    s = applyStep(s, step);
  }
  return s;
}

/**
 * The item as the lights (health.ts) see it on `asOf`: listed by then, with
 * the deadline in force that day (a later 延期 does not move a past day's
 * deadline), closed only if 销号 by then. Null if not listed (挂牌) by then.
 * The one way from steps to a light, so a past report and today's agree.
 */
export function supervisionItemOn(item: { id: number; projectId: number; steps: readonly SupervisionStep[] }, asOf: LocalDate): SupervisionItem | null {
  const s = supervisionStateOn(item.steps, asOf);
  if (!s || s.openedOn === null || s.status === "PROPOSED" || s.status === "DECLINED") return null;
  return { id: item.id, projectId: item.projectId, issue: s.issue, owner: s.owner, deadline: s.deadline, openedOn: s.openedOn, closedOn: s.closedOn, closedBy: s.closedBy };
}

function applyStep(s: SupervisionState | null, step: SupervisionStep): SupervisionState | null {
  if (s === null) {
    if (step.kind !== "PROPOSE" && step.kind !== "LIST") return null;
    const listed = step.kind === "LIST";
    return {
      status: listed ? "OPEN" : "PROPOSED",
      issue: step.issue ?? "",
      owner: step.owner ?? "",
      deadline: step.deadline ?? step.on,
      proposedOn: step.on,
      openedOn: listed ? step.on : null,
      openedBy: listed ? step.by : null,
      closedOn: null,
      closedBy: null,
      requestedBy: null,
      feedbackCount: 0,
      lastFeedbackOn: null,
      steps: [step],
    };
  }
  const next: SupervisionState = { ...s, steps: [...s.steps, step] };
  switch (step.kind) {
    case "CONFIRM":
      return { ...next, status: "OPEN", openedOn: step.on, openedBy: step.by, issue: step.issue ?? s.issue, owner: step.owner ?? s.owner, deadline: step.deadline ?? s.deadline };
    case "DECLINE":
      return { ...next, status: "DECLINED" };
    case "FEEDBACK":
      return { ...next, feedbackCount: s.feedbackCount + 1, lastFeedbackOn: step.on };
    case "REQUEST_CLOSE":
      return { ...next, status: "REVIEW", requestedBy: step.by };
    case "APPROVE":
      return { ...next, status: "CLOSED", closedOn: step.on, closedBy: step.by };
    case "RETURN":
      return { ...next, status: "OPEN", requestedBy: null };
    case "EXTEND":
      return { ...next, deadline: step.deadline ?? s.deadline };
    default:
      return next;
  }
}

/** Who the caller is, as far as one item is concerned. */
export interface SupervisionActor {
  userId: string;
  /** In the `supervisors` setting, or an admin. */
  isSupervisor: boolean;
  /** May edit the project (its group's members, its 责任人, admins). */
  isEditor: boolean;
}

export type StepRefusal = { code: "forbidden" | "invalid" | "conflict"; text: string };

/** Is the caller this item's 责任人? A plain-name owner (outside Slack) is represented by the project's editors. */
export function isOwner(state: Pick<SupervisionState, "owner">, actor: SupervisionActor): boolean {
  const id = slackIdOf(state.owner);
  return id === null ? actor.isEditor : id === actor.userId;
}

/** The owner's Slack id when the owner is a member (stored as `U…`, or written `<@U…>`), else null. */
export function slackIdOf(owner: string): string | null {
  const m = /^(?:<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>|([UW][A-Z0-9_]{2,}))$/.exec(owner.trim());
  return m ? (m[1] ?? m[2])! : null;
}

/** The owner as a message names them: a person reference for a member (a mention in Slack, a name in plain text), the name otherwise. */
export function ownerLabel(owner: string): string {
  const id = slackIdOf(owner);
  return id ? personRef(id) : owner;
}

const ALLOWED_FROM: Record<SupervisionStepKind, readonly (SupervisionStatus | null)[]> = {
  PROPOSE: [null],
  LIST: [null],
  CONFIRM: ["PROPOSED"],
  DECLINE: ["PROPOSED"],
  FEEDBACK: ["OPEN", "REVIEW"],
  REQUEST_CLOSE: ["OPEN"],
  APPROVE: ["REVIEW"],
  RETURN: ["REVIEW"],
  EXTEND: ["OPEN", "REVIEW"],
};

/**
 * May `actor` take `step` on an item in `state` (null: not yet created)?
 * Returns null when allowed, else why not and how to do it right.
 */
export function checkStep(state: SupervisionState | null, step: Pick<SupervisionStep, "kind" | "note" | "deadline" | "issue">, actor: SupervisionActor, today: LocalDate): StepRefusal | null {
  const status = state?.status ?? null;
  const wrongState = (): StepRefusal => ({
    code: "conflict",
    text: `督办事项当前${status ? `为“${SUPERVISION_STATUS_LABELS[status]}”` : "不存在"}，不能${SUPERVISION_STEP_LABELS[step.kind]}。${nextStepHint(status)}`,
  });
  if (state === null && step.kind !== "LIST" && step.kind !== "PROPOSE") return wrongState();
  // Who may comes first: a person who may never take the step is told who may, whatever the state.
  const role = roleRefusal(state, step.kind, actor);
  if (role) return role;
  if (!ALLOWED_FROM[step.kind].includes(status)) return wrongState();
  const reason = step.note.trim();
  switch (step.kind) {
    case "LIST":
    case "PROPOSE":
      return checkNewItem(step, today);
    case "DECLINE":
      return reason ? null : { code: "invalid", text: "不予挂牌须写明理由，例如：理由=\"已在项目下一步中安排\"" };
    case "CONFIRM":
      return step.deadline !== undefined && step.deadline < today ? { code: "invalid", text: `督办期限 ${step.deadline} 已过，请给一个今天或以后的日期。` } : null;
    case "FEEDBACK":
      return reason ? null : { code: "invalid", text: "反馈内容不能为空，例如：/project 反馈 督办12 已完成用地预审" };
    case "APPROVE":
      // Nobody closes their own item: not its 责任人, not whoever asked for the 销号.
      if ((slackIdOf(state!.owner) !== null && isOwner(state!, actor)) || state!.requestedBy === actor.userId) {
        return { code: "forbidden", text: "不能为本人负责或本人申请的督办事项销号，请由其他督办员复核。" };
      }
      return null;
    case "RETURN":
      return reason ? null : { code: "invalid", text: "退回须写明理由，例如：理由=\"用地批复尚未下达\"" };
    case "EXTEND":
      if (!reason) return { code: "invalid", text: "延期须写明理由，例如：/project 延期 督办12 期限=12-31 理由=\"等待市级批复\"" };
      if (!step.deadline) return { code: "invalid", text: "请写明新的期限，例如：期限=12-31" };
      if (step.deadline <= state!.deadline) return { code: "invalid", text: `新期限须晚于原期限 ${state!.deadline}。` };
      return null;
    default:
      return null;
  }
}

function roleRefusal(state: SupervisionState | null, kind: SupervisionStepKind, actor: SupervisionActor): StepRefusal | null {
  switch (kind) {
    case "LIST":
      return actor.isSupervisor ? null : { code: "forbidden", text: "只有督办员可以挂牌督办。项目的编辑人可提出督办建议，由督办员确认后挂牌。" };
    case "PROPOSE":
      return actor.isEditor || actor.isSupervisor ? null : { code: "forbidden", text: "只有督办员可以挂牌督办，项目所在工作组成员、责任人可以提出督办建议。" };
    case "FEEDBACK":
    case "REQUEST_CLOSE":
      return isOwner(state!, actor) ? null : { code: "forbidden", text: `只有责任人 ${ownerLabel(state!.owner)} 可以${SUPERVISION_STEP_LABELS[kind]}。` };
    case "APPROVE":
    case "RETURN":
      return actor.isSupervisor ? null : { code: "forbidden", text: "只有督办员可以复核销号申请（同意销号或退回）；责任人办结后请用 /project 申请销号 督办编号。" };
    default:
      return actor.isSupervisor ? null : { code: "forbidden", text: `只有督办员可以${SUPERVISION_STEP_LABELS[kind]}。` };
  }
}

function checkNewItem(step: Pick<SupervisionStep, "issue" | "deadline">, today: LocalDate): StepRefusal | null {
  if (!step.issue?.trim()) return { code: "invalid", text: "缺少督办事项，例如：事项=\"土地指标未落实\"" };
  if (!step.deadline) return { code: "invalid", text: "缺少督办期限，例如：期限=12-31" };
  if (step.deadline < today) return { code: "invalid", text: `督办期限 ${step.deadline} 已过，请给一个今天或以后的日期，例如 期限=12-31` };
  return null;
}

function nextStepHint(status: SupervisionStatus | null): string {
  switch (status) {
    case "PROPOSED": return "请督办员确认挂牌或不予挂牌。";
    case "OPEN": return "责任人可报送反馈或申请销号；督办员可延期。";
    case "REVIEW": return "请督办员复核：同意销号或退回。";
    case "CLOSED": return "该事项已销号。";
    case "DECLINED": return "该建议未予挂牌。";
    default: return "";
  }
}

/** Listed, not closed: counts as open (and may be overdue). */
export function isOpen(s: Pick<SupervisionState, "status">): boolean {
  return s.status === "OPEN" || s.status === "REVIEW";
}

/** Days past the deadline of an open item on `asOf`; 0 when not overdue or not open. */
export function daysOverdue(s: Pick<SupervisionState, "status" | "deadline">, asOf: LocalDate): number {
  if (!isOpen(s)) return 0;
  return Math.max(0, daysBetween(s.deadline, asOf));
}

/** Working days an item has been past its deadline on `asOf` (days off do not count toward escalation). */
export function workdaysOverdue(deadline: LocalDate, asOf: LocalDate): number {
  let n = 0;
  for (let d = addDays(deadline, 1); d <= asOf; d = addDays(d, 1)) if (isWorkday(d)) n += 1;
  return n;
}

/**
 * Who is told of a step by direct message, because the next move is theirs:
 * a 申请销号 goes to the 督办员 who listed the item (or, when it was listed
 * from outside Slack, to every 督办员 but the asker); a 退回 goes to the
 * 责任人 (or, for an owner outside Slack, to whoever asked for the 销号).
 * `state` is the item after the step. Nobody is told of their own step.
 */
export function toldOfStep(state: Pick<SupervisionState, "owner" | "openedBy" | "steps">, step: Pick<SupervisionStep, "kind" | "by">, supervisors: readonly string[]): string[] {
  const member = (id: string | null | undefined): id is string => !!id && /^[UW][A-Z0-9_]{2,}$/.test(id);
  const others = (ids: (string | null | undefined)[]) => [...new Set(ids.filter(member))].filter((id) => id !== step.by);
  switch (step.kind) {
    case "REQUEST_CLOSE": {
      const opener = others([state.openedBy]);
      return opener.length ? opener : others(supervisors.filter((s) => s !== slackIdOf(state.owner)));
    }
    case "RETURN": {
      const asker = [...state.steps].reverse().find((s) => s.kind === "REQUEST_CLOSE")?.by;
      return others([slackIdOf(state.owner) ?? asker]);
    }
    default:
      return [];
  }
}
