import { FOLLOW_ON_KIND_NAMES, LIFECYCLE_TERMS } from "./glossary.ts";
import { isDroppedBy } from "./counting.ts";
import { STAGE_LABELS } from "./stages.ts";
import { FOLLOW_ON_KINDS, type FollowOnKind, type LocalDate, type Project } from "./types.ts";

// 未来订单 (seed 000's last node): follow-on investment of a producing
// project — 增资扩产, 二期, 以商引商 referrals — recorded as a new project
// linked to it, so it runs the lifecycle and counts toward targets on its own.

const WORDS: Record<string, FollowOnKind> = {
  增资扩产: "EXPANSION", 增资: "EXPANSION", 扩产: "EXPANSION", expansion: "EXPANSION",
  二期: "PHASE_TWO", 二期项目: "PHASE_TWO", 后续期: "PHASE_TWO", phase2: "PHASE_TWO", phase_two: "PHASE_TWO",
  以商引商: "REFERRAL", 以商招商: "REFERRAL", 引荐: "REFERRAL", referral: "REFERRAL",
};

export const FOLLOW_ON_CHOICES = FOLLOW_ON_KINDS.map((k) => FOLLOW_ON_KIND_NAMES[k]).join("、");

/** 类型 as typed (Chinese name, short word or English code); null if unknown. */
export function parseFollowOnKind(text: string): FollowOnKind | null {
  const s = text.normalize("NFKC").trim();
  return WORDS[s] ?? WORDS[s.toLowerCase()] ?? ((FOLLOW_ON_KINDS as readonly string[]).includes(s.toUpperCase()) ? (s.toUpperCase() as FollowOnKind) : null);
}

/** Only a project at 投产 or 达产 has follow-on investment to record. */
export function canHaveFollowOn(parent: Pick<Project, "stage">): boolean {
  return parent.stage === "PRODUCING" || parent.stage === "AT_CAPACITY";
}

/** The command that records one, for help texts and refusals. */
export const followOnExample = (parentId: number) => `/project ${LIFECYCLE_TERMS.followOn} #${parentId} 类型=增资扩产 名称="某某项目扩产" 协议资金=5亿`;

/** Why the parent cannot have follow-on investment yet, with the right form; null when it can. */
export function followOnParentProblem(parent: Pick<Project, "id" | "name" | "stage">): string | null {
  if (canHaveFollowOn(parent)) return null;
  return (
    `#${parent.id}“${parent.name}”当前为“${STAGE_LABELS[parent.stage]}”阶段：${LIFECYCLE_TERMS.followOn}须源自已投产或达产的项目。` +
    `项目投产后可写：${followOnExample(parent.id)}`
  );
}

/** A 以商引商 referral is another company's investment: its investor must be named (the others default to the parent's). */
export function needsOwnInvestor(kind: FollowOnKind): boolean {
  return kind === "REFERRAL";
}

export interface FollowOnTotals {
  count: number;
  agreedWan: number;
}

/** The funnel's 未来订单 figure: follow-on projects on record by the day and not dropped by then, with their 协议资金. */
export function followOnTotals(projects: Pick<Project, "followOnOf" | "agreedWan" | "stage" | "stageDates">[], asOf: LocalDate): FollowOnTotals {
  const live = projects.filter((p) => p.followOnOf != null && !isDroppedBy(p, asOf));
  return { count: live.length, agreedWan: live.reduce((s, p) => s + p.agreedWan, 0) };
}
