import { STAGES, type ActiveStage, type LocalDate, type Project, type Stage, type StageDates } from "./types.ts";
import { isLocalDate } from "./periods.ts";

// Project lifecycle (SPEC "Lifecycle"): LEAD → … → AT_CAPACITY, DROPPED from
// anywhere. Moving backwards or in/out of DROPPED needs a reason because it
// changes what was counted; the history records it.

export const STAGE_LABELS: Record<Stage, string> = {
  LEAD: "线索",
  NEGOTIATING: "洽谈",
  SIGNED: "签约",
  REGISTERED: "注册",
  STARTED: "开工",
  PRODUCING: "投产",
  AT_CAPACITY: "达产",
  DROPPED: "终止",
};

const ALIASES: Record<string, Stage> = {
  意向谈判: "NEGOTIATING",
  谈判: "NEGOTIATING",
  洽谈中: "NEGOTIATING",
  已签约: "SIGNED",
  达效: "AT_CAPACITY",
  达产达效: "AT_CAPACITY",
  中止: "DROPPED",
};

const BY_TEXT: Map<string, Stage> = new Map([
  ...Object.entries(STAGE_LABELS).map(([code, label]) => [label, code as Stage] as const),
  ...Object.entries(ALIASES),
]);

/** Chinese label or alias, or the English code in any case ("at-capacity" too); null if unknown. */
export function parseStage(text: string): Stage | null {
  const s = text.normalize("NFKC").trim();
  const byLabel = BY_TEXT.get(s);
  if (byLabel) return byLabel;
  const code = s.toUpperCase().replace(/[\s-]+/g, "_");
  return code === "DROPPED" || (STAGES as readonly string[]).includes(code) ? (code as Stage) : null;
}

/** Position on the ladder 0..6; DROPPED is off the ladder and gives -1 (never "reached" anything). */
export function stageIndex(stage: Stage): number {
  return (STAGES as readonly string[]).indexOf(stage);
}

/** Still being worked on: not DROPPED and not finished (AT_CAPACITY). */
export function isActive(stage: Stage): boolean {
  return stage !== "DROPPED" && stage !== "AT_CAPACITY";
}

/** A forward move that skips this many ladder stages or more is asked to be confirmed (签约 → 达产 skips three). */
export const JUMP_CONFIRM_SKIPS = 2;

/** Ladder stages strictly between `from` and `to` on a forward move; none when moving back, to or from 终止. */
export function skippedStages(from: Stage, to: Stage): ActiveStage[] {
  const a = stageIndex(from);
  const b = stageIndex(to);
  if (a < 0 || b < 0 || b <= a + 1) return [];
  return STAGES.slice(a + 1, b) as ActiveStage[];
}

/** A jump big enough to be a likely slip (a wrong choice in a list), so it is asked to be confirmed. */
export function needsJumpConfirmation(from: Stage, to: Stage): boolean {
  return skippedStages(from, to).length >= JUMP_CONFIRM_SKIPS;
}

/** The update form's tick box that confirms a large jump (its label, named in the question). */
export const JUMP_CONFIRM_BOX = "确认跳过中间阶段";

/** "注册、开工、投产" */
export const stageList = (stages: readonly Stage[]): string => stages.map((s) => STAGE_LABELS[s]).join("、");

/** The question asked before a large jump is saved; `how` says how to confirm (a field, a tick box). */
export function jumpQuestion(from: Stage, to: Stage, how: string): string {
  const skipped = skippedStages(from, to);
  return `阶段从“${STAGE_LABELS[from]}”直接改为“${STAGE_LABELS[to]}”，将跳过${stageList(skipped)}共${skipped.length}个阶段（各阶段日期留空，记为跳过）。如确属实，请${how}；如选错了阶段，请改正后重新提交。`;
}

/** What the answer and the history say about the stages a confirmed jump skipped. */
export function skippedNote(from: Stage, to: Stage): string {
  return `阶段由“${STAGE_LABELS[from]}”跳至“${STAGE_LABELS[to]}”，${stageList(skippedStages(from, to))}记为跳过（日期留空）`;
}

export type StageChange =
  | { ok: true; stage: Stage; stageDates: StageDates; backwards: boolean }
  | { ok: false; error: string };

function reasonExample(to: Stage): string {
  return `例如：阶段=${STAGE_LABELS[to]} 原因="投资方调整计划"`;
}

/**
 * Plan a stage move; the caller stores the result and the history entry.
 * Forward moves may skip stages. The new stage gets `on` as its date, except
 * when moving back (or restoring) to a stage that already has a date: that
 * date is kept, so a project's signing year does not shift when a later stage
 * is corrected.
 */
export function planStageChange(
  project: Pick<Project, "stage" | "stageDates">,
  to: Stage,
  on: LocalDate,
  reason?: string,
): StageChange {
  const from = project.stage;
  const why = (reason ?? "").trim();
  if (!isLocalDate(on)) return { ok: false, error: `日期“${on}”无效：请写成 2026-05-20 这样的格式` };
  if (to === from) return { ok: false, error: `项目已处于“${STAGE_LABELS[to]}”阶段，无需变更` };

  const dates: StageDates = { ...project.stageDates };

  if (to === "DROPPED") {
    if (!why) return { ok: false, error: `终止项目需要写明原因，${reasonExample("DROPPED")}` };
    dates.DROPPED = on;
    return { ok: true, stage: "DROPPED", stageDates: dates, backwards: false };
  }

  const restoring = from === "DROPPED";
  const backwards = restoring || stageIndex(to) < stageIndex(from);
  if (backwards && !why) {
    const what = restoring
      ? `恢复已终止的项目（改为“${STAGE_LABELS[to]}”）需要写明原因`
      : `阶段从“${STAGE_LABELS[from]}”退回“${STAGE_LABELS[to]}”需要写明原因`;
    return { ok: false, error: `${what}，${reasonExample(to)}` };
  }

  if (!backwards) {
    // Dates must not run backwards along the ladder, or as-of reports would disagree with the stage.
    const latest = latestDateBefore(dates, to);
    if (latest && on < latest.date) {
      return {
        ok: false,
        error: `“${STAGE_LABELS[to]}”日期 ${on} 早于“${STAGE_LABELS[latest.stage]}”日期 ${latest.date}：请检查日期`,
      };
    }
  }

  delete dates.DROPPED;
  for (const s of STAGES) if (stageIndex(s) > stageIndex(to)) delete dates[s];
  if (!(backwards && dates[to])) dates[to] = on;
  return { ok: true, stage: to, stageDates: dates, backwards };
}

function latestDateBefore(dates: StageDates, to: ActiveStage): { stage: ActiveStage; date: LocalDate } | null {
  let best: { stage: ActiveStage; date: LocalDate } | null = null;
  for (const s of STAGES) {
    const d = dates[s];
    if (stageIndex(s) < stageIndex(to) && d && (!best || d > best.date)) best = { stage: s, date: d };
  }
  return best;
}

/** Furthest stage reached on or before `asOf` according to the dates; DROPPED wins once dated. */
export function stageAsOf(stageDates: StageDates, asOf: LocalDate): Stage | null {
  const dropped = stageDates.DROPPED;
  if (dropped && dropped <= asOf) return "DROPPED";
  for (let i = STAGES.length - 1; i >= 0; i--) {
    const d = stageDates[STAGES[i]!];
    if (d && d <= asOf) return STAGES[i]!;
  }
  return null;
}

/** Date on which `stage` or any later ladder stage was first reached (covers skipped stages); null if never. */
export function reachedOn(stageDates: StageDates, stage: ActiveStage): LocalDate | null {
  let first: LocalDate | null = null;
  for (const s of STAGES) {
    const d = stageDates[s];
    if (stageIndex(s) >= stageIndex(stage) && d && (first === null || d < first)) first = d;
  }
  return first;
}

/** Reached `stage` (or later) on or before `asOf`. */
export function reachedBy(stageDates: StageDates, stage: ActiveStage, asOf: LocalDate): boolean {
  const d = reachedOn(stageDates, stage);
  return d !== null && d <= asOf;
}
