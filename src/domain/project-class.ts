import { CLASS_NAMES } from "./glossary.ts";
import type { Rules } from "./rules.ts";
import type { Project, ProjectClass } from "./types.ts";

// Project class (SPEC "Project class", seed 003 note 1): always derived from
// the numbers, never typed by hand, so it cannot drift from the amounts.

export const CLASS_LABELS: Record<ProjectClass, string> = CLASS_NAMES;

/** Highest class whose threshold is met (thresholds are inclusive: exactly 20亿 is 重大). */
export function classifyProject(p: Pick<Project, "agreedWan" | "outputWan" | "sector">, rules: Rules): ProjectClass {
  const c = rules.classes;
  if (p.agreedWan >= c.majorInvestWan || p.outputWan >= c.majorOutputWan) return "MAJOR";
  if (p.agreedWan >= c.largeInvestWan || p.outputWan >= c.largeOutputWan) return "LARGE";
  if (p.agreedWan >= c.keyInvestWan) return "KEY";
  const general = p.sector === "SERVICE" ? c.generalServiceWan : c.generalIndustryWan;
  return p.agreedWan >= general ? "GENERAL" : "NONE";
}
