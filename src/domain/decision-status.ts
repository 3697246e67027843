import { daysBetween } from "./periods.ts";
import type { LocalDate } from "./types.ts";

// 落实情况 of a meeting's decision, as the next agenda reports it: 已销号
// once its 督办 item (or, without a project, the decision itself) is closed
// by the day, 逾期 once its 期限 has passed, else 推进中.

export type DecisionStatus = "DONE" | "IN_PROGRESS" | "OVERDUE";

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = { DONE: "已落实（销号）", IN_PROGRESS: "推进中", OVERDUE: "逾期未落实" };

export function decisionStatus(d: { deadline: LocalDate; closedOn: LocalDate | null }, asOf: LocalDate): DecisionStatus {
  if (d.closedOn !== null && d.closedOn <= asOf) return "DONE";
  return daysBetween(d.deadline, asOf) > 0 ? "OVERDUE" : "IN_PROGRESS";
}

export interface DecisionTally {
  done: number;
  inProgress: number;
  overdue: number;
}

export function tallyDecisions(list: Array<{ deadline: LocalDate; closedOn: LocalDate | null }>, asOf: LocalDate): DecisionTally {
  const t: DecisionTally = { done: 0, inProgress: 0, overdue: 0 };
  for (const d of list) {
    const s = decisionStatus(d, asOf);
    if (s === "DONE") t.done++;
    else if (s === "OVERDUE") t.overdue++;
    else t.inProgress++;
  }
  return t;
}
