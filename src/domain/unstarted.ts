import { countsTowardYear, isDroppedBy, originWeight } from "./counting.ts";
import { stageOn } from "./health.ts";
import { daysBetween, yearOf } from "./periods.ts";
import type { Rules } from "./rules.ts";
import type { FundEntry, LocalDate, Project } from "./types.ts";

// 签约未开工 (city speech: "签约项目开工慢…变成了躺在纸上的抽屉协议"): every
// project at 签约 or 注册 with no 开工 date, aged from its signing (or, if 签约
// was skipped, its registration) and banded by the same thresholds as the
// yellow and red lights, so the list and the lights cannot disagree.

/** ≤ yellow days · yellow+1 … red days · over red days (抽屉协议 risk) · no signing date on record. */
export const UNSTARTED_BANDS = ["WITHIN_YELLOW", "WITHIN_RED", "OVER_RED", "UNDATED"] as const;
export type UnstartedBand = (typeof UNSTARTED_BANDS)[number];

export interface UnstartedAge {
  signedOn: LocalDate | null;
  daysSinceSigned: number | null;
  band: UnstartedBand;
}

/** The day a 签约未开工 project's wait began (signing, else registration; null if undated), or undefined when it is not 签约未开工 on `asOf`. */
export function unstartedSince(p: Pick<Project, "stage" | "stageDates">, asOf: LocalDate): LocalDate | null | undefined {
  if (isDroppedBy(p, asOf)) return undefined;
  const stage = stageOn(p, asOf);
  if (stage !== "SIGNED" && stage !== "REGISTERED") return undefined;
  const since = p.stageDates.SIGNED ?? p.stageDates.REGISTERED ?? null;
  return since !== null && since > asOf ? undefined : since;
}

/** The project's 签约未开工 age on `asOf`, or null when it is not 签约未开工 that day. */
export function unstartedAge(p: Pick<Project, "stage" | "stageDates">, asOf: LocalDate, rules: Rules): UnstartedAge | null {
  const since = unstartedSince(p, asOf);
  if (since === undefined) return null;
  if (since === null) return { signedOn: null, daysSinceSigned: null, band: "UNDATED" };
  const days = daysBetween(since, asOf);
  return { signedOn: since, daysSinceSigned: days, band: bandOf(days, rules) };
}

export interface UnstartedProject {
  project: Project;
  since: LocalDate;
  days: number;
}

/** The meeting agenda's list: 签约未开工 for more than `overDays` days on `asOf`, longest first. */
export function signedNotStarted(projects: readonly Project[], asOf: LocalDate, overDays: number): UnstartedProject[] {
  const out: UnstartedProject[] = [];
  for (const project of projects) {
    const since = unstartedSince(project, asOf);
    if (!since) continue;
    const days = daysBetween(since, asOf);
    if (days > overDays) out.push({ project, since, days });
  }
  return out.sort((a, b) => b.days - a.days || a.project.id - b.project.id);
}

export function bandOf(days: number, rules: Rules): UnstartedBand {
  if (days > rules.health.redSignedNotStartedDays) return "OVER_RED";
  if (days > rules.health.yellowSignedNotStartedDays) return "WITHIN_RED";
  return "WITHIN_YELLOW";
}

/** What the list reads of a project (the weekly summary reads only this for thousands of candidates). */
export type UnstartedFacts = Pick<Project, "id" | "stage" | "stageDates" | "agreedWan" | "origin">;

export interface UnstartedEntry<P extends UnstartedFacts = Project> extends UnstartedAge {
  project: P;
  agreedWan: number;
  /** 协议资金 × origin weight (折算额). */
  weightedWan: number;
  /** Funds arrived on or before asOf. */
  fundsWan: number;
}

/** What the list needs of a fund entry. */
export type FundArrival = Pick<FundEntry, "projectId" | "date" | "amountWan">;

export interface UnstartedList<P extends UnstartedFacts = Project> {
  asOf: LocalDate;
  /** Longest-waiting first (undated last), then by project id. */
  entries: UnstartedEntry<P>[];
  byBand: Record<UnstartedBand, { count: number; agreedWan: number }>;
  total: { count: number; agreedWan: number; weightedWan: number; fundsWan: number };
  /** This year's signings (as of asOf, not dropped), and how many of them are still 签约未开工. */
  yearSigned: number;
  yearUnstarted: number;
}

/** `funds`: fund entries (or per-project sums dated by the day); only those on or before asOf count. */
export function buildUnstartedList<P extends UnstartedFacts>(projects: readonly P[], funds: readonly FundArrival[], asOf: LocalDate, rules: Rules): UnstartedList<P> {
  const arrived = new Map<number, number>();
  for (const f of funds) if (f.date <= asOf) arrived.set(f.projectId, (arrived.get(f.projectId) ?? 0) + f.amountWan);
  const year = yearOf(asOf);
  const byBand = Object.fromEntries(UNSTARTED_BANDS.map((b) => [b, { count: 0, agreedWan: 0 }])) as UnstartedList["byBand"];
  const total = { count: 0, agreedWan: 0, weightedWan: 0, fundsWan: 0 };
  const entries: UnstartedEntry<P>[] = [];
  let yearSigned = 0;
  let yearUnstarted = 0;
  for (const p of projects) {
    const age = unstartedAge(p, asOf, rules);
    const signedThisYear = countsTowardYear(p, year, asOf);
    if (signedThisYear) yearSigned += 1;
    if (!age) continue;
    if (signedThisYear) yearUnstarted += 1;
    const entry: UnstartedEntry<P> = { ...age, project: p, agreedWan: p.agreedWan, weightedWan: p.agreedWan * originWeight(p.origin, rules), fundsWan: arrived.get(p.id) ?? 0 };
    entries.push(entry);
    byBand[age.band].count += 1;
    byBand[age.band].agreedWan += p.agreedWan;
    total.count += 1;
    total.agreedWan += entry.agreedWan;
    total.weightedWan += entry.weightedWan;
    total.fundsWan += entry.fundsWan;
  }
  entries.sort((a, b) => (b.daysSinceSigned ?? -1) - (a.daysSinceSigned ?? -1) || a.project.id - b.project.id);
  return { asOf, entries, byBand, total, yearSigned, yearUnstarted };
}
