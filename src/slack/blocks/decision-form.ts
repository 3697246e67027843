import { MEETING_TEXTS } from "../../domain/glossary.ts";
import type { LocalDate } from "../../domain/types.ts";
import { clip, plain, type Block } from "./kit.ts";

// The form a decision is recorded with from an agenda item: 事项, 责任单位
// (prefilled with the department the blocker's kind maps to), 责任人, 期限.

export const DECISION_FORM = "form_meeting_decision";

const F = MEETING_TEXTS.form;

export interface DecisionFormMeta {
  meetingId: number;
  projectId: number | null;
  agendaRef: string;
  channelId?: string;
}

const input = (field: string, label: string, element: Block): Block => ({ type: "input", block_id: field, label: plain(label, 2000), element: { ...element, action_id: field } });

export function decisionForm(heading: string, prefill: { unit?: string; deadline?: LocalDate }, meta: DecisionFormMeta): Block {
  return {
    type: "modal",
    callback_id: DECISION_FORM,
    title: plain(F.title, 24),
    submit: plain(F.submit, 24),
    close: plain(F.cancel, 24),
    private_metadata: JSON.stringify(meta),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(heading, 3000) } },
      input("matter", F.matter, { type: "plain_text_input", multiline: true, placeholder: plain(F.matterExample, 150) }),
      input("unit", F.unit, { type: "plain_text_input", ...(prefill.unit ? { initial_value: clip(prefill.unit, 3000) } : {}) }),
      input("owner", F.owner, { type: "users_select" }),
      input("deadline", F.deadline, { type: "datepicker", ...(prefill.deadline ? { initial_date: prefill.deadline } : {}) }),
    ],
  };
}
