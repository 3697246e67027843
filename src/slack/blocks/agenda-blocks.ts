import type { Agenda, AgendaItem, AgendaSection } from "../../domain/agenda.ts";
import { MEETING_TEXTS as T, TERMS } from "../../domain/glossary.ts";
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
  return [section(text, button(T.decideButton, `${DECIDE_ACTION}:${s.key}:${item.no}`, JSON.stringify(value)))];
}

export function agendaMessages(agenda: Agenda): Messages {
  const m = agenda.meeting;
  const blocks: Block[] = [
    header(`📌 ${m.title}${TERMS.agenda}`),
    context([T.agendaTimePlace(m.date, m.time, m.place ? esc(m.place) : "", m.host ? esc(m.host) : "", agenda.asOf)]),
  ];
  for (const s of agenda.sections) {
    blocks.push(divider(), section(`*${s.title}*${s.items.length ? T.agendaSectionCount(s.items.length) : ""}`));
    if (s.key === "followUp" && s.items.length) blocks.push(context([T.agendaFollowUpCounts(agenda.counts.done, agenda.counts.inProgress, agenda.counts.overdue)]));
    if (s.byKind?.length) blocks.push(context([T.agendaByKind(s.byKind.map((g) => `${g.label}（${esc(g.unit)}）${g.projectIds.map((id) => `#${id}`).join("、")}`))]));
    if (!s.items.length) blocks.push(context([T.agendaNone]));
    for (const item of s.items.slice(0, MAX_ITEMS_PER_SECTION)) blocks.push(...itemBlocks(agenda, s, item));
    if (s.items.length > MAX_ITEMS_PER_SECTION) blocks.push(context([T.agendaMore(s.items.length - MAX_ITEMS_PER_SECTION)]));
  }
  blocks.push(context([T.agendaHowToDecide]));
  return paginate(blocks);
}

/** The decision form's buttons, in a message of their own (e.g. the sandbox shows them under an agenda). */
export const decideButtons = (values: DecideButtonValue[]): Block => actions(values.map((v, i) => button(T.decideButtonNumbered(i + 1), `${DECIDE_ACTION}:x:${i}`, JSON.stringify(v))));
