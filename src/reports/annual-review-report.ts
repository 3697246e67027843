import { annualReview, unstartedLimitDays, type ReviewRow, type ReviewSubject } from "../domain/annual-review.ts";
import type { Tally } from "../domain/counting.ts";
import { emptyTally } from "../domain/counting.ts";
import type { Rules } from "../domain/rules.ts";
import type { Group, Target, Unit } from "../domain/types.ts";
import type { RankBy } from "./ranking-report.ts";
import type { ReportPeriod } from "./report-period.ts";
import { metricOf, type MetricValues } from "./target-progress.ts";

// 年考核: the year's assessment table for groups and units, as of 12月31日
// (or today while the year runs): completion per metric against the annual
// target, the composite score as 分, 签约未开工 over the limit and the
// deductions the rules set. The scoring itself is domain/annual-review.ts.

export interface ReviewReportRow extends ReviewRow {
  achieved: MetricValues<number>;
  target: MetricValues<number> | null;
}

export interface AnnualReviewReport {
  kind: "review";
  period: ReportPeriod;
  year: number;
  /** 签约未开工 longer than this many days counts against a unit. */
  unstartedLimitDays: number;
  deductions: Rules["annualReview"]["deductions"];
  sections: Array<{ by: RankBy; rows: ReviewReportRow[] }>;
}

export interface AnnualReviewInput {
  period: ReportPeriod;
  rules: Rules;
  groups: Group[];
  units: Unit[];
  targets: Target[];
  tallies: Record<RankBy, Map<number, Tally>>;
  /** 签约未开工 over the limit on period.asOf, per group id and per lead unit id. */
  unstartedOverLimit: Record<RankBy, Map<number, number>>;
}

export function buildAnnualReview(input: AnnualReviewInput): AnnualReviewReport {
  const { period, rules } = input;
  const year = Number(period.label);
  const sectionOf = (by: RankBy) => {
    const subjects = by === "group" ? input.groups.map((g) => ({ id: g.id, name: g.name, kind: "GROUP" })) : input.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
    const reviewSubjects: ReviewSubject[] = subjects.map((s) => ({
      ...s,
      tally: input.tallies[by].get(s.id) ?? emptyTally(),
      target: input.targets.find((t) => t.year === year && (by === "group" ? t.groupId === s.id : t.unitId === s.id)),
      unstartedOverLimit: input.unstartedOverLimit[by].get(s.id) ?? 0,
    }));
    const byId = new Map(reviewSubjects.map((s) => [s.id, s]));
    const rows = annualReview(reviewSubjects, rules).map((r) => {
      const s = byId.get(r.id)!;
      return { ...r, achieved: metricOf(s.tally), target: s.target ? metricOf(s.target) : null };
    });
    return { by, rows };
  };
  return { kind: "review", period, year, unstartedLimitDays: unstartedLimitDays(rules), deductions: rules.annualReview.deductions, sections: [sectionOf("group"), sectionOf("unit")] };
}
