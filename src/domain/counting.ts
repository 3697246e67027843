import { yearOf } from "./periods.ts";
import { classifyProject } from "./project-class.ts";
import type { Rules } from "./rules.ts";
import { reachedOn } from "./stages.ts";
import type { FundEntry, LocalDate, Origin, Project, ProjectClass } from "./types.ts";

// Counting toward targets (SPEC "Counting toward targets", seed 003 note 2).
// Money is weighted by origin and split between units; class counts go whole
// to the lead unit. Weighted money stays a float; callers round for display.

export interface UnitShare {
  unitId: number;
  share: number;
  role: "LEAD" | "CO";
}

/**
 * Lead alone: 100%. Joint (联合招商): lead gets `jointLeadShare`, the rest is
 * split equally among distinct cooperating units other than the lead. With no
 * lead unit, cooperating units still get only their joint share: the lead's
 * part is not redistributed (nobody led it, so nobody is credited for it).
 */
export function unitShares(p: Pick<Project, "leadUnitId" | "coUnitIds">, rules: Rules): UnitShare[] {
  const co = [...new Set(p.coUnitIds)].filter((id) => id !== p.leadUnitId);
  const out: UnitShare[] = [];
  if (p.leadUnitId !== null) out.push({ unitId: p.leadUnitId, share: co.length ? rules.jointLeadShare : 1, role: "LEAD" });
  for (const unitId of co) out.push({ unitId, share: (1 - rules.jointLeadShare) / co.length, role: "CO" });
  return out;
}

export function originWeight(origin: Origin, rules: Rules): number {
  return rules.originWeights[origin];
}

/** Money credited to one unit: amount × origin weight × that unit's share (0 if not involved). */
export function countedWan(
  amountWan: number,
  p: Pick<Project, "origin" | "leadUnitId" | "coUnitIds">,
  rules: Rules,
  unitId: number,
): number {
  const share = unitShares(p, rules).find((s) => s.unitId === unitId)?.share ?? 0;
  return amountWan * originWeight(p.origin, rules) * share;
}

/**
 * Day the project was signed. A project that skipped 签约 (went straight to
 * 注册/开工…) counts as signed on the first later stage it reached, otherwise
 * its 协议资金 would never count anywhere.
 */
export function signedOn(p: Pick<Project, "stageDates">): LocalDate | null {
  return reachedOn(p.stageDates, "SIGNED");
}

export function signedYear(p: Pick<Project, "stageDates">): number | null {
  const d = signedOn(p);
  return d === null ? null : yearOf(d);
}

/** Dropped on or before asOf. A DROPPED project with no drop date counts as dropped at any date. */
export function isDroppedBy(p: Pick<Project, "stage" | "stageDates">, asOf: LocalDate): boolean {
  const d = p.stageDates.DROPPED;
  return d ? d <= asOf : p.stage === "DROPPED";
}

/** Counts toward `year`'s 协议资金 and class counts as of `asOf`. */
export function countsTowardYear(p: Pick<Project, "stage" | "stageDates">, year: number, asOf: LocalDate): boolean {
  const d = signedOn(p);
  return d !== null && yearOf(d) === year && d <= asOf && !isDroppedBy(p, asOf);
}

export interface Tally {
  agreedWan: number;
  arrivedWan: number;
  majorCount: number;
  largeCount: number;
  keyCount: number;
  /** Projects signed in the year that meet a class (未达统计标准 ones do not), credited to the lead unit like class counts. */
  signedCount: number;
  /** The part of agreedWan from 服务业 projects: the parks' 非工业 sub-target (seed 003, 附件1). */
  nonIndustryAgreedWan: number;
}

export function emptyTally(): Tally {
  return { agreedWan: 0, arrivedWan: 0, majorCount: 0, largeCount: 0, keyCount: 0, signedCount: 0, nonIndustryAgreedWan: 0 };
}

export interface TallyInput {
  projects: Project[];
  funds: FundEntry[];
  year: number;
  asOf: LocalDate;
  rules: Rules;
  classOf?: (p: Project) => ProjectClass;
}

type Credit = { id: number; share: number; countsClass: boolean };

/**
 * SPEC "Project class": a project below the 一般项目 threshold (未达统计标准)
 * counts toward neither class counts nor money, unless the rules turn its
 * money counting on (its class never counts).
 */
export function countsMoney(cls: ProjectClass, rules: Pick<Rules, "belowStandardMoneyCounts">): boolean {
  return cls !== "NONE" || rules.belowStandardMoneyCounts;
}

/**
 * Shared by units and groups so the two cannot drift apart: `credits` says who
 * gets which share of a project's money and who gets its class count.
 * Only ids that received something appear in the map.
 */
function tally(input: TallyInput, credits: (p: Project) => Credit[]): Map<number, Tally> {
  const { projects, funds, year, asOf, rules } = input;
  const classOf = input.classOf ?? ((p: Project) => classifyProject(p, rules));
  const out = new Map<number, Tally>();
  const get = (id: number) => {
    let t = out.get(id);
    if (!t) out.set(id, (t = emptyTally()));
    return t;
  };

  for (const p of projects) {
    if (!countsTowardYear(p, year, asOf)) continue;
    const weight = originWeight(p.origin, rules);
    const cls = classOf(p);
    const money = countsMoney(cls, rules);
    for (const c of credits(p)) {
      const t = get(c.id);
      if (money) {
        t.agreedWan += p.agreedWan * weight * c.share;
        if (p.sector === "SERVICE") t.nonIndustryAgreedWan += p.agreedWan * weight * c.share;
      }
      if (!c.countsClass || cls === "NONE") continue;
      t.signedCount += 1;
      if (cls === "MAJOR") t.majorCount += 1;
      else if (cls === "LARGE") t.largeCount += 1;
      else if (cls === "KEY") t.keyCount += 1;
    }
  }

  // Arrived funds count in the year they arrived, even for dropped or earlier-signed projects.
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const f of funds) {
    if (yearOf(f.date) !== year || f.date > asOf) continue;
    const p = byId.get(f.projectId);
    if (!p || !countsMoney(classOf(p), rules)) continue;
    const weight = originWeight(p.origin, rules);
    for (const c of credits(p)) get(c.id).arrivedWan += f.amountWan * weight * c.share;
  }
  return out;
}

export function tallyUnits(input: TallyInput): Map<number, Tally> {
  return tally(input, (p) => unitShares(p, input.rules).map((s) => ({ id: s.unitId, share: s.share, countsClass: s.role === "LEAD" })));
}

/** A group gets 100% (origin-weighted) of its projects' money and all their class counts. */
export function tallyGroups(input: TallyInput): Map<number, Tally> {
  return tally(input, (p) => (p.groupId === null ? [] : [{ id: p.groupId, share: 1, countsClass: true }]));
}
