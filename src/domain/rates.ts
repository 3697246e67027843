import { countsTowardYear, isDroppedBy } from "./counting.ts";
import { reachedBy } from "./stages.ts";
import type { FundEntry, LocalDate, Project } from "./types.ts";

// Rates (SPEC "Rates", seeds 001/004). Raw amounts and counts: origin weights
// and unit shares are for targets, not for how far projects have progressed.
// "Reached X" includes a later stage reached with X skipped.

export interface Ratio {
  numerator: number;
  denominator: number;
  /** null when there is nothing to divide by. */
  rate: number | null;
}

export interface Rates {
  /** 落地转化率/开工率: of projects signed this year, those started. */
  conversion: Ratio;
  /** 资金到位率: all funds arrived so far / 协议资金, over projects signed this year. */
  fundsArrival: Ratio;
  /** 投产达效率: of started projects (any year), those producing or at capacity. */
  productionRate: Ratio;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

export function computeRates(input: { projects: Project[]; funds: FundEntry[]; year: number; asOf: LocalDate }): Rates {
  const { projects, funds, year, asOf } = input;
  const signed = projects.filter((p) => countsTowardYear(p, year, asOf));
  const signedIds = new Set(signed.map((p) => p.id));

  const started = signed.filter((p) => reachedBy(p.stageDates, "STARTED", asOf)).length;
  const agreed = signed.reduce((sum, p) => sum + p.agreedWan, 0);
  // Every entry up to asOf, whatever its year: a project signed this year may have had money arrive earlier.
  const arrived = funds.filter((f) => f.date <= asOf && signedIds.has(f.projectId)).reduce((sum, f) => sum + f.amountWan, 0);

  const running = projects.filter((p) => reachedBy(p.stageDates, "STARTED", asOf) && !isDroppedBy(p, asOf));
  const producing = running.filter((p) => reachedBy(p.stageDates, "PRODUCING", asOf)).length;

  return {
    conversion: ratio(started, signed.length),
    fundsArrival: ratio(arrived, agreed),
    productionRate: ratio(producing, running.length),
  };
}
