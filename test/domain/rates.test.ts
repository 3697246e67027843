import { describe, expect, it } from "vitest";
import { computeRates } from "../../src/domain/rates.ts";
import type { Stage, StageDates } from "../../src/domain/types.ts";
import { fund, project } from "./factories.ts";

const asOf = "2026-06-30";
const p = (id: number, stage: Stage, stageDates: StageDates, agreedWan = 10_000) => project({ id, stage, stageDates, agreedWan });

describe("computeRates", () => {
  const projects = [
    p(1, "STARTED", { SIGNED: "2026-02-01", STARTED: "2026-05-01" }), // signed + started
    p(2, "SIGNED", { SIGNED: "2026-03-01" }), // signed, not started
    p(3, "PRODUCING", { SIGNED: "2026-01-10", PRODUCING: "2026-06-30" }), // 开工 skipped: counts as started, producing on as-of
    p(4, "STARTED", { SIGNED: "2026-04-01", STARTED: "2026-07-01" }), // started after as-of
    p(5, "DROPPED", { SIGNED: "2026-02-01", DROPPED: "2026-06-01" }), // dropped: out of everything
    p(6, "SIGNED", { SIGNED: "2026-07-01" }), // signed after as-of
    p(7, "PRODUCING", { SIGNED: "2025-05-01", STARTED: "2025-09-01", PRODUCING: "2026-03-01" }), // last year's signing
    p(8, "STARTED", { SIGNED: "2025-05-01", STARTED: "2025-10-01" }), // started earlier, not producing
    p(9, "AT_CAPACITY", { STARTED: "2024-01-01", AT_CAPACITY: "2025-01-01" }), // at capacity counts as producing
  ];
  const funds = [
    fund({ id: 1, projectId: 1, date: "2025-12-01", amountWan: 1_000 }), // before the signing year: still counts
    fund({ id: 2, projectId: 1, date: "2026-06-30", amountWan: 2_000 }),
    fund({ id: 3, projectId: 2, date: "2026-07-01", amountWan: 5_000 }), // after as-of
    fund({ id: 4, projectId: 5, date: "2026-03-01", amountWan: 9_000 }), // dropped project
    fund({ id: 5, projectId: 7, date: "2026-03-01", amountWan: 9_000 }), // not signed this year
  ];
  const r = computeRates({ projects, funds, year: 2026, asOf });

  it("落地转化率: signed this year (not dropped) that started by as-of", () => {
    expect(r.conversion).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });

  it("资金到位率: all funds up to as-of over 协议资金 of the same projects", () => {
    expect(r.fundsArrival).toEqual({ numerator: 3_000, denominator: 40_000, rate: 0.075 });
  });

  it("投产达效率: started (any year, not dropped) that reached 投产 or 达产", () => {
    expect(r.productionRate).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
  });

  it("null rates when there is nothing to divide by", () => {
    const none = computeRates({ projects: [], funds: [], year: 2026, asOf });
    for (const ratio of Object.values(none)) expect(ratio).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  it("signed projects with 0 协议资金 give no 资金到位率", () => {
    const z = computeRates({ projects: [p(1, "SIGNED", { SIGNED: "2026-01-01" }, 0)], funds: [], year: 2026, asOf });
    expect(z.fundsArrival.rate).toBeNull();
    expect(z.conversion).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });
});
