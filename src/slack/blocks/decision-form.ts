import type { LocalDate } from "../../domain/types.ts";
import { clip, plain, type Block } from "./kit.ts";

// The form a decision is recorded with from an agenda item: 事项, 责任单位
// (prefilled with the department the blocker's kind maps to), 责任人, 期限.

export const DECISION_FORM = "form_meeting_decision";

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
    title: plain("记录会议决定", 24),
    submit: plain("记录", 24),
    close: plain("取消", 24),
    private_metadata: JSON.stringify(meta),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(heading, 3000) } },
      input("matter", "决定事项", { type: "plain_text_input", multiline: true, placeholder: plain("例如：由区规划自然资源局牵头协调解决土地指标", 150) }),
      input("unit", "责任单位", { type: "plain_text_input", ...(prefill.unit ? { initial_value: clip(prefill.unit, 3000) } : {}) }),
      input("owner", "责任人", { type: "users_select" }),
      input("deadline", "完成时限", { type: "datepicker", ...(prefill.deadline ? { initial_date: prefill.deadline } : {}) }),
    ],
  };
}
