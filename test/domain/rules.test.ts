import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, rulesSchema } from "../../src/domain/rules.ts";

// The defaults are SPEC.md's numbers, written out here; an override changes
// only what it names; a value that makes no sense is refused, not used.

describe("rules", () => {
  it("defaults to SPEC.md's thresholds and weights", () => {
    expect(DEFAULT_RULES).toEqual({
      timeZone: "Asia/Shanghai",
      classes: { majorInvestWan: 200_000, majorOutputWan: 500_000, largeInvestWan: 100_000, largeOutputWan: 300_000, keyInvestWan: 10_000, generalServiceWan: 500, generalIndustryWan: 2_000 },
      originWeights: { OUTSIDE_CITY: 1, IN_CITY_OUTSIDE_DISTRICT: 0.2, IN_DISTRICT: 0 },
      jointLeadShare: 0.8,
      health: { redSignedNotStartedDays: 180, yellowSignedNotStartedDays: 90, redNextStepOverdueDays: 30, yellowDueWithinDays: 7, redNoUpdateDays: 30, yellowNoUpdateDays: 14 },
      supervision: { escalateAfterWorkdays: 3 },
      rankingWeights: { agreed: 0.4, arrived: 0.3, major: 0.1, large: 0.1, key: 0.1 },
    });
  });

  it("an override changes only what it names", () => {
    const r = rulesSchema.parse({ originWeights: { IN_DISTRICT: 0.1 }, health: { yellowDueWithinDays: 0 } });
    expect(r.originWeights).toEqual({ OUTSIDE_CITY: 1, IN_CITY_OUTSIDE_DISTRICT: 0.2, IN_DISTRICT: 0.1 });
    expect(r.health).toEqual({ ...DEFAULT_RULES.health, yellowDueWithinDays: 0 });
    expect(r.classes).toEqual(DEFAULT_RULES.classes);
  });

  it.each<[string, unknown]>([
    ["a weight over 100%", { originWeights: { OUTSIDE_CITY: 1.5 } }],
    ["a negative weight", { originWeights: { IN_DISTRICT: -0.1 } }],
    ["a lead share over 1", { jointLeadShare: 1.2 }],
    ["zero days for a light", { health: { redNoUpdateDays: 0 } }],
    ["fractional days", { health: { yellowNoUpdateDays: 14.5 } }],
    ["a negative 'due within'", { health: { yellowDueWithinDays: -1 } }],
    ["a zero class threshold", { classes: { keyInvestWan: 0 } }],
    ["a negative ranking weight", { rankingWeights: { key: -1 } }],
  ])("refuses %s", (_name, override) => {
    expect(rulesSchema.safeParse(override).success).toBe(false);
  });
});
