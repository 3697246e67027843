import { refsAsMentions } from "../../domain/person-ref.ts";
import { dayInProse, SUPERVISION_DM, SUPERVISION_STATUS_LABELS, SUPERVISION_STEP_LABELS, supervisionOverdueBy } from "../../domain/glossary.ts";
import { daysOverdue, ownerLabel, type SupervisionState, type SupervisionStatus, type SupervisionStep, type SupervisionStepKind } from "../../domain/supervision.ts";
import type { LocalDate } from "../../domain/types.ts";
import { actions, button, clip, context, esc, plain, section, type Block } from "./kit.ts";

// A 督办 item as Slack shows it: what, who, by when, its state, every step,
// and a button for each step that may come next. The buttons are offered by
// state; whether the viewer may take the step is decided when it is pressed,
// and a refusal says who may.

export const SUPERVISION_ACTIONS = {
  confirm: "sup_confirm",
  decline: "sup_decline",
  feedback: "sup_feedback",
  request: "sup_request",
  approve: "sup_approve",
  return: "sup_return",
  extend: "sup_extend",
} as const;

/** The step each button takes. */
export const ACTION_STEP: Record<keyof typeof SUPERVISION_ACTIONS, Exclude<SupervisionStepKind, "LIST" | "PROPOSE">> = {
  confirm: "CONFIRM",
  decline: "DECLINE",
  feedback: "FEEDBACK",
  request: "REQUEST_CLOSE",
  approve: "APPROVE",
  return: "RETURN",
  extend: "EXTEND",
};

/** Steps that need words (a reason, the feedback, a new deadline): their buttons open a form. */
export const STEPS_WITH_FORM: ReadonlySet<SupervisionStepKind> = new Set(["DECLINE", "FEEDBACK", "RETURN", "EXTEND"]);

const NEXT: Record<SupervisionStatus, (keyof typeof SUPERVISION_ACTIONS)[]> = {
  PROPOSED: ["confirm", "decline"],
  OPEN: ["feedback", "request", "extend"],
  REVIEW: ["approve", "return", "extend"],
  CLOSED: [],
  DECLINED: [],
};

export interface SupervisionView {
  id: number;
  projectId: number;
  projectName: string;
  state: SupervisionState;
}

/** The 责任人 in mrkdwn: a mention for a member, the escaped name otherwise. */
const ownerText = (owner: string) => refsAsMentions(esc(ownerLabel(owner)));
const who = (by: string) => (/^[UW][A-Z0-9]+$/.test(by) ? `<@${by}>` : esc(by));

export function stepLine(s: SupervisionStep): string {
  const extra = [s.kind === "EXTEND" && s.deadline ? `新期限 ${dayInProse(s.deadline)}` : null, s.note ? esc(s.note) : null].filter(Boolean).join("；");
  return `${dayInProse(s.on)} ${who(s.by)} ${SUPERVISION_STEP_LABELS[s.kind]}${extra ? `：${extra}` : ""}`;
}

/** One line for lists (App Home, pings, digests). */
export function supervisionLine(v: SupervisionView, asOf: LocalDate): string {
  const late = daysOverdue(v.state, asOf);
  return `督办${v.id} #${v.projectId} ${esc(v.projectName)}：${esc(v.state.issue)}（责任人 ${ownerText(v.state.owner)}，期限 ${dayInProse(v.state.deadline)}，${SUPERVISION_STATUS_LABELS[v.state.status]}${late ? `，*${supervisionOverdueBy(late)}*` : ""}）`;
}

export function nextStepButtons(v: SupervisionView): Block | null {
  const next = NEXT[v.state.status];
  if (!next.length) return null;
  return actions(
    // Action ids are unique within a message (several items may share one): the item id is appended.
    next.map((a) => button(SUPERVISION_STEP_LABELS[ACTION_STEP[a]], `${SUPERVISION_ACTIONS[a]}_${v.id}`, String(v.id), a === "approve" || a === "confirm" ? "primary" : undefined)),
    `sup_${v.id}`,
  );
}

/** The item with its history (newest last, the last 20 steps) and the next steps' buttons. */
export function supervisionItemBlocks(v: SupervisionView, asOf: LocalDate): Block[] {
  const s = v.state;
  const steps = s.steps.slice(-20).map(stepLine);
  const more = s.steps.length > 20 ? [`（另有 ${s.steps.length - 20} 条较早记录）`] : [];
  const buttons = nextStepButtons(v);
  return [
    section(`*督办${v.id}｜${SUPERVISION_STATUS_LABELS[s.status]}*\n${supervisionLine(v, asOf)}`),
    context([clip([...more, ...steps].join("\n"), 3000)]),
    ...(buttons ? [buttons] : []),
  ];
}

export const SUPERVISION_FORM = "form_supervision_step";

export interface SupervisionFormMeta {
  itemId: number;
  kind: SupervisionStepKind;
  channelId?: string;
}

const FORM_TITLES: Partial<Record<SupervisionStepKind, { label: string; placeholder: string }>> = {
  FEEDBACK: { label: "办理情况", placeholder: "例如：已完成用地预审，待市级批复" },
  DECLINE: { label: "不予挂牌的理由", placeholder: "例如：已在项目下一步中安排" },
  RETURN: { label: "退回理由", placeholder: "例如：批复文件尚未下达" },
  EXTEND: { label: "延期理由", placeholder: "例如：等待市级批复" },
};

/** The small form behind 反馈, 不予挂牌, 退回 and 延期. */
export function supervisionStepForm(v: SupervisionView, kind: SupervisionStepKind, meta: Omit<SupervisionFormMeta, "itemId" | "kind">): Block {
  const t = FORM_TITLES[kind] ?? { label: "说明", placeholder: "" };
  const blocks: Block[] = [
    section(supervisionLine(v, v.state.deadline)),
    {
      type: "input",
      block_id: "note",
      label: plain(t.label, 2000),
      element: { type: "plain_text_input", action_id: "note", multiline: true, placeholder: plain(t.placeholder, 150) },
    },
  ];
  if (kind === "EXTEND") {
    blocks.push({ type: "input", block_id: "deadline", label: plain("新期限", 2000), element: { type: "datepicker", action_id: "deadline", initial_date: v.state.deadline } });
  }
  return {
    type: "modal",
    callback_id: SUPERVISION_FORM,
    title: plain(`督办${v.id} ${SUPERVISION_STEP_LABELS[kind]}`, 24),
    submit: plain("提交", 24),
    close: plain("取消", 24),
    private_metadata: JSON.stringify({ itemId: v.id, kind, ...meta } satisfies SupervisionFormMeta),
    blocks,
  };
}

/** What the person who took a step is told. */
export function stepDoneText(v: SupervisionView, kind: SupervisionStepKind): string {
  const s = v.state;
  const tail: Partial<Record<SupervisionStepKind, string>> = {
    LIST: `责任人 ${ownerText(s.owner)}，期限 ${dayInProse(s.deadline)}。`,
    PROPOSE: "已提交督办建议，待督办员确认后挂牌。",
    CONFIRM: `已确认挂牌，责任人 ${ownerText(s.owner)}，期限 ${dayInProse(s.deadline)}。`,
    REQUEST_CLOSE: "已申请销号，待督办员复核。",
    APPROVE: "复核同意，已销号。",
    RETURN: "已退回，责任人继续办理。",
    EXTEND: `期限已调整为 ${dayInProse(s.deadline)}。`,
    FEEDBACK: "反馈已记录。",
    DECLINE: "该建议不予挂牌。",
  };
  return `✅ 督办${v.id}（#${v.projectId} ${esc(v.projectName)}）${SUPERVISION_STEP_LABELS[kind]}：${tail[kind] ?? ""}`;
}

/** The direct message to whoever must act after `kind` (domain toldOfStep): what happened and why, then the item with its buttons. */
export function stepNoticeMessage(v: SupervisionView, kind: SupervisionStepKind, by: string, asOf: LocalDate): { text: string; blocks: Block[] } | null {
  const note = esc(v.state.steps.at(-1)?.note ?? "");
  const item = `督办${v.id}（#${v.projectId} ${esc(v.projectName)}）：${esc(v.state.issue)}`;
  const text = kind === "REQUEST_CLOSE" ? SUPERVISION_DM.closeRequested(item, who(by), note) : kind === "RETURN" ? SUPERVISION_DM.returned(item, who(by), note) : null;
  return text ? { text, blocks: [section(text), ...supervisionItemBlocks(v, asOf)] } : null;
}
