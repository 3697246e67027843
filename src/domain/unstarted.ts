import { stageOn } from "./health.ts";
import { daysBetween } from "./periods.ts";
import type { LocalDate, Project } from "./types.ts";

// 签约未开工 (SPEC): signed (签约 or 注册) with no 开工 date, counted from the
// signing (or, if skipped, registration) day. One small function so the
// supervision loop's standing list can replace it without touching the agenda.

export interface UnstartedProject {
  project: Project;
  since: LocalDate;
  days: number;
}

/** Projects signed but not started for more than `overDays` days on `asOf`, longest first. */
export function signedNotStarted(projects: Project[], asOf: LocalDate, overDays: number): UnstartedProject[] {
  const out: UnstartedProject[] = [];
  for (const p of projects) {
    const stage = stageOn(p, asOf);
    if (stage !== "SIGNED" && stage !== "REGISTERED") continue;
    if (p.stageDates.STARTED && p.stageDates.STARTED <= asOf) continue;
    const since = p.stageDates.SIGNED ?? p.stageDates.REGISTERED;
    if (!since) continue;
    const days = daysBetween(since, asOf);
    if (days > overDays) out.push({ project: p, since, days });
  }
  return out.sort((a, b) => b.days - a.days || a.project.id - b.project.id);
}
