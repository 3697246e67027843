import { refsAsMentions } from "../../domain/person-ref.ts";
import { ownerLabel } from "../../domain/supervision.ts";
import type { Project, SupervisionItem } from "../../domain/types.ts";
import { esc, section, type Block } from "./kit.ts";

// The part of a group's overdue ping that escalates 督办 items overdue for
// the rules' working days: the project's 包联领导 and the 督办员 are named.

export interface EscalatedItem {
  item: SupervisionItem;
  project: Pick<Project, "id" | "name" | "leaderSlackId" | "leaderName">;
  workdays: number;
}

export function supervisionEscalationBlocks(items: EscalatedItem[], supervisors: readonly string[], after: number): Block[] {
  if (!items.length) return [];
  const leaders = [...new Set(items.map((i) => (i.project.leaderSlackId ? `<@${i.project.leaderSlackId}>` : i.project.leaderName)).filter(Boolean))];
  const who = [leaders.length ? `包联领导 ${leaders.join("、")}` : null, supervisors.length ? `督办员 ${supervisors.map((s) => `<@${s}>`).join("、")}` : null].filter(Boolean).join("，");
  const lines = items.map((i) => `• 督办${i.item.id} #${i.project.id} ${esc(i.project.name)}：${esc(i.item.issue)}（责任人 ${refsAsMentions(esc(ownerLabel(i.item.owner)))}，已超期 ${i.workdays} 个工作日）`);
  return [section(`⚠️ 以下督办事项超期已满 ${after} 个工作日仍未销号，请${who}督促办理：\n${lines.join("\n")}`)];
}
