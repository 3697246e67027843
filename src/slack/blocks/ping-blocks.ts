import { dayInProse } from "../../domain/glossary.ts";
import type { LocalDate, Project } from "../../domain/types.ts";
import { actions, button, context, esc, header, section, type Block } from "./kit.ts";

// The daily overdue ping of one group and the Friday reminder. Pure.

export const PING_ACTIONS = { update: "ping_update", done: "ping_done", postpone: "ping_postpone", mute: "ping_mute" } as const;
/** Each overdue project takes a section and an actions block. */
export const PING_PROJECTS_PER_MESSAGE = 20;

export interface PingItem {
  project: Project;
  reasons: string[];
  /** Responsible users to name (muted ones left out). */
  mention: string[];
  /** Responsible users who muted their pings: the project is listed, they are not named. */
  muted?: number;
}

/** Who is named on a project's line; a mute silences the person, never the project. */
function named(it: { mention: string[]; muted?: number }): string {
  const muted = it.muted ? `（${it.muted} 位责任人已暂停提醒）` : "";
  return `${it.mention.map((u) => `<@${u}>`).join(" ")}${muted}` || "（未指定责任人）";
}

export const PING_ACK_BLOCK = "ping_ack";
const ACK_HINT = "点 ✅ 表示已知悉；处理完成后点“已处理”，或点“更新进展”填写新的下一步。";

export function pingMessages(groupName: string, day: LocalDate, items: PingItem[], escalateTo: string | null, escalateAfter: number): Block[][] {
  const head: Block[] = [header(`⏰ 逾期提醒 · ${groupName} · ${dayInProse(day)}`)];
  if (escalateTo) head.push(section(`⚠️ 本组逾期提醒已连续 ${escalateAfter} 个工作日无人回应，请 <@${escalateTo}> 关注。`));
  const perProject = items.map((it): Block[] => [
    { ...section(`*#${it.project.id} ${esc(it.project.name)}*　${named(it)}\n${it.reasons.map((r) => `• ${esc(r)}`).join("\n")}`), block_id: `ping_item_${it.project.id}` },
    actions(
      [
        // Action ids carry the project so each is unique within the message.
        button("更新进展", `${PING_ACTIONS.update}_${it.project.id}`, String(it.project.id), "primary"),
        button("已处理", `${PING_ACTIONS.done}_${it.project.id}`, String(it.project.id)),
        button("延期7天", `${PING_ACTIONS.postpone}_${it.project.id}`, String(it.project.id)),
      ],
      `ping_${it.project.id}`,
    ),
  ]);
  const footer: Block[] = [
    { ...context([ACK_HINT]), block_id: PING_ACK_BLOCK },
    { type: "actions", block_id: "ping_mute", elements: [{ type: "datepicker", action_id: PING_ACTIONS.mute, placeholder: { type: "plain_text", text: "暂停我的提醒至…" } }] },
  ];
  const messages: Block[][] = [];
  for (let i = 0; i < perProject.length; i += PING_PROJECTS_PER_MESSAGE) messages.push(perProject.slice(i, i + PING_PROJECTS_PER_MESSAGE).flat());
  if (!messages.length) messages.push([]);
  messages[0] = [...head, ...messages[0], ...footer];
  return messages;
}

/** The ping after a project was answered: its buttons give way to who did what, so nobody answers twice. */
export function markProjectAnswered(blocks: Block[], projectId: number, note: string): Block[] {
  return blocks.map((b) => (b.block_id === `ping_${projectId}` ? { ...context([note]), block_id: `ping_${projectId}` } : b));
}

/** The ping after ✅ reactions: the footer names who has seen it. */
export function markAcknowledged(blocks: Block[], userIds: string[]): Block[] {
  return blocks.map((b) => (b.block_id === PING_ACK_BLOCK ? { ...context([`✅ 已知悉：${userIds.map((u) => `<@${u}>`).join(" ")}`, ACK_HINT]), block_id: PING_ACK_BLOCK } : b));
}

export function fridayReminderBlocks(groupName: string, week: string, items: Array<{ project: Project; mention: string[]; muted?: number }>): Block[][] {
  const lines = items.map((it) => `• *#${it.project.id} ${esc(it.project.name)}*　${named(it)}`);
  const blocks: Block[] = [header(`📝 本周进展提醒 · ${groupName} · ${week}`), section(`以下 ${items.length} 个项目本周还没有更新进展，请在今天下班前更新（/project 更新 #编号 进展="..."）：`)];
  for (let i = 0; i < lines.length; i += 30) blocks.push(section(lines.slice(i, i + 30).join("\n")));
  return [blocks.slice(0, 50)];
}
