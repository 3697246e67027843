import type { Agenda, AgendaItem, AgendaSection } from "../../domain/agenda.ts";
import { dayInProse, TERMS } from "../../domain/glossary.ts";
import { actions, button, context, divider, esc, header, section, type Block } from "./kit.ts";
import { paginate, type Messages } from "./report-blocks.ts";

// The 会前议程 as Slack messages: each section, each numbered item, and on
// the items a meeting decides about (red projects, 签约未开工, overdue 督办)
// a button that opens the decision form for that item.

export const DECIDE_ACTION = "meeting_decide";

/** What a decision button carries to the form (kept short: a button value is at most 2,000 characters). */
export interface DecideButtonValue {
  meetingId: number;
  projectId: number | null;
  agendaRef: string;
  unit?: string;
}

/** A meeting studies a few dozen items at most; the rest of a long section is named, and printed in full by the CLI. */
export const MAX_ITEMS_PER_SECTION = 30;

const DECIDABLE = new Set<AgendaSection["key"]>(["red", "unstarted", "supervision"]);

function itemBlocks(agenda: Agenda, s: AgendaSection, item: AgendaItem): Block[] {
  const text = `*${item.no}. ${esc(item.title)}*\n${item.lines.map((l) => `　${esc(l)}`).join("\n")}`;
  if (!DECIDABLE.has(s.key) || agenda.meeting.id === null || item.projectId === null) return [section(text)];
  const value: DecideButtonValue = { meetingId: agenda.meeting.id, projectId: item.projectId, agendaRef: `${s.key}:${item.no}`, ...(item.suggestedUnit ? { unit: item.suggestedUnit } : {}) };
  return [section(text, button("记录决定", `${DECIDE_ACTION}:${s.key}:${item.no}`, JSON.stringify(value)))];
}

export function agendaMessages(agenda: Agenda): Messages {
  const m = agenda.meeting;
  const blocks: Block[] = [
    header(`📌 ${m.title}${TERMS.agenda}`),
    context([`会议时间：${dayInProse(m.date, true)} ${m.time}${m.place ? `　地点：${esc(m.place)}` : ""}${m.host ? `　${TERMS.host}：${esc(m.host)}` : ""}　${TERMS.asOf} ${dayInProse(agenda.asOf)}`]),
  ];
  for (const s of agenda.sections) {
    blocks.push(divider(), section(`*${s.title}*${s.items.length ? `（${s.items.length} 项）` : ""}`));
    if (s.key === "followUp" && s.items.length) blocks.push(context([`已落实 ${agenda.counts.done} 项　推进中 ${agenda.counts.inProgress} 项　逾期 ${agenda.counts.overdue} 项`]));
    if (s.byKind?.length) blocks.push(context([`按要素类别：${s.byKind.map((g) => `${g.label}（${esc(g.unit)}）${g.projectIds.map((id) => `#${id}`).join("、")}`).join("；")}`]));
    if (!s.items.length) blocks.push(context(["无"]));
    for (const item of s.items.slice(0, MAX_ITEMS_PER_SECTION)) blocks.push(...itemBlocks(agenda, s, item));
    if (s.items.length > MAX_ITEMS_PER_SECTION) blocks.push(context([`另有 ${s.items.length - MAX_ITEMS_PER_SECTION} 项未列出；完整议程：dispatch meeting agenda --format docx`]));
  }
  blocks.push(context(["会上可点“记录决定”，或发送 /project 决定 #编号 事项=… 责任单位=… 责任人=@… 期限=…；会后发送 /project 散会 生成会议纪要。"]));
  return paginate(blocks);
}

/** The decision form's buttons, in a message of their own (e.g. the sandbox shows them under an agenda). */
export const decideButtons = (values: DecideButtonValue[]): Block => actions(values.map((v, i) => button(`记录决定 ${i + 1}`, `${DECIDE_ACTION}:x:${i}`, JSON.stringify(v))));
