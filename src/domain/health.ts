import { dayInProse, dueOn, noProgressFor, overdueBy } from "./glossary.ts";
import { daysBetween } from "./periods.ts";
import type { Rules } from "./rules.ts";
import { stageAsOf } from "./stages.ts";
import { STAGES, type HealthLight, type LocalDate, type Project, type Stage, type SupervisionItem } from "./types.ts";

// 红黄绿灯 (SPEC "Health", seed 004). Every reason is listed so a leader sees
// why, not just the colour. All thresholds are "over N days": exactly N is not yet.

export type HealthLevel = "RED" | "YELLOW";
export interface HealthReason {
  level: HealthLevel;
  code: string;
  text: string;
}
export interface HealthContext {
  asOf: LocalDate;
  /** Day of the last recorded update on or before asOf; null if none is known. */
  lastUpdateOn: LocalDate | null;
  /** Supervision items of this project (items of other projects are ignored). */
  supervision: SupervisionItem[];
}
export interface Health {
  light: HealthLight | null;
  reasons: HealthReason[];
}

/**
 * Stage as of asOf: the current stage if it was reached by then (or its date
 * is unknown), otherwise what the dates say, so past reports show past state.
 */
export function stageOn(p: Pick<Project, "stage" | "stageDates">, asOf: LocalDate): Stage {
  const d = p.stageDates[p.stage];
  if (!d || d <= asOf) return p.stage;
  return stageAsOf(p.stageDates, asOf) ?? p.stage;
}

export function assessHealth(p: Project, ctx: HealthContext, rules: Rules): Health {
  const { asOf } = ctx;
  const h = rules.health;
  const stage = stageOn(p, asOf);
  if (stage === "DROPPED" || stage === "AT_CAPACITY") return { light: null, reasons: [] };

  const reasons: HealthReason[] = [];
  const add = (level: HealthLevel, code: string, text: string) => reasons.push({ level, code, text });

  // 签约未开工: at SIGNED or REGISTERED, counted from the signing (or, if skipped, registration) date.
  if (stage === "SIGNED" || stage === "REGISTERED") {
    const since = p.stageDates.SIGNED ?? p.stageDates.REGISTERED;
    if (since) {
      const days = daysBetween(since, asOf);
      const text = (limit: number) => `签约未开工已${days}天（超过${limit}天）`;
      if (days > h.redSignedNotStartedDays) add("RED", "SIGNED_NOT_STARTED", text(h.redSignedNotStartedDays));
      else if (days > h.yellowSignedNotStartedDays) add("YELLOW", "SIGNED_NOT_STARTED", text(h.yellowSignedNotStartedDays));
    }
  }

  if (p.nextStepDue) {
    const step = stepName(p);
    const overdue = daysBetween(p.nextStepDue, asOf);
    const deadline = `（应于${dayInProse(p.nextStepDue)}完成）`;
    if (overdue > h.redNextStepOverdueDays) add("RED", "NEXT_STEP_OVERDUE", `${step}${overdueBy(overdue)}${deadline}`);
    else if (overdue > 0) add("YELLOW", "NEXT_STEP_OVERDUE", `${step}${overdueBy(overdue)}${deadline}`);
    else if (h.dueSoonIsYellow && -overdue <= h.yellowDueWithinDays) add("YELLOW", "NEXT_STEP_DUE_SOON", `${step}${dueOn(p.nextStepDue)}`);
  }

  // No update: without a recorded update, the earliest stage date stands in for
  // the last update; with neither, the project has never been updated at all.
  const lastSeen = ctx.lastUpdateOn ?? earliestStageDate(p);
  if (lastSeen === null) {
    add("RED", "NO_UPDATE", "从未报送进展");
  } else {
    const days = daysBetween(lastSeen, asOf);
    if (days > h.redNoUpdateDays) add("RED", "NO_UPDATE", noProgressFor(days));
    else if (days > h.yellowNoUpdateDays) add("YELLOW", "NO_UPDATE", noProgressFor(days));
  }

  for (const item of ctx.supervision) {
    if (item.projectId !== p.id || item.openedOn > asOf) continue;
    if (item.closedOn !== null && item.closedOn <= asOf) continue;
    const late = daysBetween(item.deadline, asOf);
    if (late > 0) add("RED", "SUPERVISION_OVERDUE", `督办事项“${item.issue}”超过办理期限${late}天未销号（期限${dayInProse(item.deadline)}）`);
  }

  reasons.sort((a, b) => rank(a.level) - rank(b.level)); // stable: keeps rule order within a level
  const light: HealthLight = reasons.some((r) => r.level === "RED")
    ? "RED"
    : reasons.length > 0
      ? "YELLOW"
      : "GREEN";
  return { light, reasons };
}

const stepName = (p: Pick<Project, "nextStep">) => (p.nextStep.trim() ? `下一步“${p.nextStep.trim()}”` : "下一步");

/**
 * A next step due within yellowDueWithinDays (today included): a reminder for
 * pings and App Home ("下一步“…”将于12月4日到期"), not a light unless the rules
 * say so. Null when nothing is due soon (or it is already overdue).
 */
export function dueSoonReminder(p: Pick<Project, "stage" | "nextStep" | "nextStepDue">, asOf: LocalDate, rules: Rules): string | null {
  if (!p.nextStepDue || p.stage === "DROPPED" || p.stage === "AT_CAPACITY") return null;
  const left = daysBetween(asOf, p.nextStepDue);
  if (left < 0 || left > rules.health.yellowDueWithinDays) return null;
  return `${stepName(p)}${dueOn(p.nextStepDue)}`;
}

const rank = (l: HealthLevel) => (l === "RED" ? 0 : 1);

function earliestStageDate(p: Pick<Project, "stageDates">): LocalDate | null {
  let first: LocalDate | null = null;
  for (const s of STAGES) {
    const d = p.stageDates[s];
    if (d && (first === null || d < first)) first = d;
  }
  return first;
}
