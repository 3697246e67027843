import { tallyDecisions, type DecisionTally } from "../domain/decision-status.ts";
import { dayEnd, toLocalDate } from "../domain/local-day.ts";
import { MEETING_TEXTS } from "../domain/glossary.ts";
import type { Rules } from "../domain/rules.ts";
import type { LocalDate } from "../domain/types.ts";
import type { Db } from "../store/client.ts";
import { decisionsUpTo } from "../store/meetings.ts";

// How far the 调度会's decisions have got as of a day, for the weekly summary.

export async function loadDecisionTally(db: Db, rules: Rules, asOf: LocalDate): Promise<DecisionTally> {
  const cutoff = dayEnd(asOf, rules.timeZone);
  const list = (await decisionsUpTo(db, asOf)).filter((d) => d.createdAt <= cutoff);
  return tallyDecisions(list.map((d) => ({ deadline: d.deadline, closedOn: d.closedAt && d.closedAt <= cutoff ? toLocalDate(d.closedAt, rules.timeZone) : null })), asOf);
}

export const decisionTallyLine = (t: DecisionTally) => MEETING_TEXTS.decisionTally(t.done, t.inProgress, t.overdue);
