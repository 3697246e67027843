import { BLOCKER_KIND_LABELS, type BlockerKind } from "../../domain/blockers.ts";
import { personRef } from "../../domain/person-ref.ts";
import type { SupervisionStepKind } from "../../domain/supervision.ts";
import { CLASS_NAMES, dayInProse, FIELD_LABELS, FOLLOW_ON_KIND_NAMES, formatMoney, LIGHT_NAMES, ORIGIN_NAMES, SECTOR_NAMES, SUPERVISION_STEP_LABELS } from "../../domain/glossary.ts";
import { STAGE_LABELS } from "../../domain/stages.ts";
import type { HealthLight, ProjectClass, Stage } from "../../domain/types.ts";

// How values read in Slack: one place for labels so the card, the
// confirmation and the history say the same thing.

export const LIGHT_EMOJI: Record<HealthLight, string> = { RED: "🔴", YELLOW: "🟡", GREEN: "🟢" };
export const LIGHT_LABEL: Record<HealthLight, string> = LIGHT_NAMES;

export { FIELD_LABELS };

const ORIGIN_LABELS: Record<string, string> = ORIGIN_NAMES;
const SECTOR_LABELS: Record<string, string> = SECTOR_NAMES;

export const stageLabel = (s: Stage) => STAGE_LABELS[s];
export const classLabel = (c: ProjectClass) => CLASS_NAMES[c];
export const originLabel = (o: string) => ORIGIN_LABELS[o] ?? o;
export const sectorLabel = (s: string) => SECTOR_LABELS[s] ?? s;
/** Money in 亿元/万元 with at most two decimals (the glossary's format). */
export const wan = (n: number) => formatMoney(n);
/** A day in prose ("12月4日"); "—" when there is none. */
export const day = (d: string | null | undefined) => (d ? dayInProse(d) : "—");

/** A history value as people read it (stages and origins in Chinese, money with units). */
export function valueLabel(field: string, value: string | null): string {
  if (value === null || value === "") return "（空）";
  if (field === "stage") return STAGE_LABELS[value as Stage] ?? value;
  if (field === "origin") return originLabel(value);
  if (field === "followOnKind") return FOLLOW_ON_KIND_NAMES[value as keyof typeof FOLLOW_ON_KIND_NAMES] ?? value;
  if (field === "followOnOfId") return `#${value}`;
  if (field === "landAt") return dayInProse(value);
  if (field === "sector") return sectorLabel(value);
  if (field === "blockerKind") return BLOCKER_KIND_LABELS[value as BlockerKind] ?? value;
  if (field === "agreedWan" || field === "outputWan") return wan(Number(value));
  if (field === "leaderSlackId") return personRef(value);
  if (field === "responsibleUserIds") return (JSON.parse(value) as string[]).map(personRef).join("、") || "（无）";
  if (field === "FUNDS") {
    const f = JSON.parse(value) as { amountWan: number; date: string };
    return `+${wan(f.amountWan)}（${dayInProse(f.date)}）`;
  }
  if (field === "SUPERVISION") {
    const s = JSON.parse(value) as { action: string; issue?: string; note?: string; id: number; deadline?: string };
    if (s.action === "OPEN") return `挂牌督办 ${s.id}：${s.issue}`;
    if (s.action === "CLOSE") return `销号 ${s.id}${s.note ? `：${s.note}` : ""}`;
    const label = SUPERVISION_STEP_LABELS[s.action as SupervisionStepKind] ?? s.action;
    const what = s.issue ?? (s.action === "EXTEND" && s.deadline ? `新期限 ${s.deadline}` : s.note);
    return `督办${s.id} ${label}${what ? `：${what}` : ""}`;
  }
  return value;
}
