import { dayInProse, LIFECYCLE_TERMS } from "./glossary.ts";
import { isLocalDate } from "./periods.ts";
import { reachedOn, STAGE_LABELS, stageIndex } from "./stages.ts";
import type { LocalDate, Project } from "./types.ts";

// 拿地 (land acquired) is a dated milestone of seed 000's 开工拿地 node, not a
// stage: a project that has its land but has not broken ground is still
// 签约未开工, and 开工率 counts 开工 only. So it is kept beside the ladder.

const LAND = LIFECYCLE_TERMS.land;
const LAND_WORDS = new Set([LAND, "已拿地", "土地摘牌", "摘牌", "land"]);

/** Whether a stage value names the 拿地 milestone (`阶段=拿地`) rather than a stage. */
export function isLandWord(text: string): boolean {
  return LAND_WORDS.has(text.normalize("NFKC").trim().toLowerCase());
}

export type LandPlan = { ok: true; landAcquiredOn: LocalDate | null } | { ok: false; error: string };

/**
 * Record (or, with null, clear) the 拿地 date of a project as it stands after
 * any stage change of the same update. Land comes after signing and not after
 * 开工 (the same day is fine on both ends); a dropped project records nothing.
 */
export function planLandMilestone(project: Pick<Project, "stage" | "stageDates">, on: LocalDate | null): LandPlan {
  if (on === null) return { ok: true, landAcquiredOn: null };
  if (!isLocalDate(on)) return { ok: false, error: `${LAND}日期“${on}”无效：请写成 ${LAND}=11-20 或 ${LAND}=2026-11-20` };
  if (project.stage === "DROPPED") return { ok: false, error: `项目已终止，不能登记${LAND}。如项目恢复推进，请先写 阶段=签约 原因="…"` };
  const signed = reachedOn(project.stageDates, "SIGNED");
  if (stageIndex(project.stage) < stageIndex("SIGNED")) {
    return { ok: false, error: `${LAND}须在签约之后：项目当前为“${STAGE_LABELS[project.stage]}”阶段。请先登记签约，例如 阶段=签约 阶段日期=11-10 ${LAND}=11-20` };
  }
  // An imported project may be at 签约 or later with its dates left empty: nothing to compare with then.
  if (signed !== null && on < signed) return { ok: false, error: `${LAND}日期${dayInProse(on, true)}早于签约日期${dayInProse(signed, true)}：请检查日期` };
  const started = reachedOn(project.stageDates, "STARTED");
  if (started !== null && on > started) {
    return { ok: false, error: `${LAND}日期${dayInProse(on, true)}晚于开工日期${dayInProse(started, true)}：${LAND}应在开工之前或同日，请检查日期` };
  }
  return { ok: true, landAcquiredOn: on };
}
