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
      health: { redSignedNotStartedDays: 180, yellowSignedNotStartedDays: 90, redNextStepOverdueDays: 30, yellowDueWithinDays: 7, redNoUpdateDays: 30, yellowNoUpdateDays: 14, dueSoonIsYellow: false },
      belowStandardMoneyCounts: false,
      pace: { checkpoints: [], tolerancePoints: 5 },
      rankingWeights: { agreed: 0.4, arrived: 0.3, major: 0.1, large: 0.1, key: 0.1 },
      supervision: { escalateAfterWorkdays: 3 },
      meeting: {
        weekday: 2,
        time: "09:00",
        title: "全区招商引资工作调度会",
        place: "区政府常务会议室",
        host: "分管副区长",
        attendees: ["区招商投资促进局", "区发展改革委", "区规划自然资源局", "区生态环境局", "区财政局", "各专项招商工作组"],
        unstartedDays: 90,
      },
      blockerUnits: {
        PLANNING: "区规划自然资源局",
        LAND: "区规划自然资源局",
        ENVIRONMENT: "区生态环境局",
        ENERGY: "区发展改革委",
        FUNDING: "区财政局",
        APPROVAL: "区政务服务管理办公室",
        UTILITIES: "区住房城乡建委",
        OTHER: "区招商投资促进局",
      },
      bulletin: { named: 3 },
      annualReview: { deductions: { perUnstartedOverLimit: 0, maxUnstartedPoints: null } },
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
    ["a checkpoint day not written MM-DD", { pace: { checkpoints: [{ day: "5-31", share: 0.3 }] } }],
    ["checkpoints out of order", { pace: { checkpoints: [{ day: "09-30", share: 0.7 }, { day: "05-31", share: 0.3 }] } }],
    ["a checkpoint share that falls", { pace: { checkpoints: [{ day: "05-31", share: 0.5 }, { day: "09-30", share: 0.4 }] } }],
    ["a share over 100%", { pace: { checkpoints: [{ day: "05-31", share: 1.3 }] } }],
    ["a negative tolerance", { pace: { tolerancePoints: -1 } }],
    ["a meeting on day 8 of the week", { meeting: { weekday: 8 } }],
    ["a meeting at 25:00", { meeting: { time: "25:00" } }],
    ["a blocker kind without a department", { blockerUnits: { LAND: "" } }],
  ])("refuses %s", (_name, override) => {
    expect(rulesSchema.safeParse(override).success).toBe(false);
  });
});
