import { describe, expect, it } from "vitest";
import { CLASS_LABELS, classifyProject } from "../../src/domain/project-class.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import type { ProjectClass, Sector } from "../../src/domain/types.ts";

describe("classifyProject (thresholds inclusive)", () => {
  it.each<[string, number, number, Sector, ProjectClass]>([
    ["exactly 20亿 invest", 200_000, 0, "INDUSTRY", "MAJOR"],
    ["19.99亿 invest, 49亿 output", 199_900, 490_000, "INDUSTRY", "LARGE"],
    ["output exactly 50亿 only", 0, 500_000, "SERVICE", "MAJOR"],
    ["output 49.99亿 only", 0, 499_900, "INDUSTRY", "LARGE"],
    ["output exactly 30亿 only", 0, 300_000, "INDUSTRY", "LARGE"],
    ["output 29.99亿 only, no invest", 0, 299_900, "INDUSTRY", "NONE"],
    ["exactly 10亿 invest", 100_000, 0, "SERVICE", "LARGE"],
    ["9.99亿 invest", 99_900, 0, "INDUSTRY", "KEY"],
    ["exactly 1亿 invest", 10_000, 0, "INDUSTRY", "KEY"],
    ["9999万 industry", 9_999, 0, "INDUSTRY", "GENERAL"],
    ["600万 service", 600, 0, "SERVICE", "GENERAL"],
    ["600万 industry", 600, 0, "INDUSTRY", "NONE"],
    ["exactly 500万 service", 500, 0, "SERVICE", "GENERAL"],
    ["499万 service", 499, 0, "SERVICE", "NONE"],
    ["exactly 2000万 industry", 2_000, 0, "INDUSTRY", "GENERAL"],
    ["1999万 industry", 1_999, 0, "INDUSTRY", "NONE"],
    ["nothing", 0, 0, "SERVICE", "NONE"],
  ])("%s → %s", (_name, agreedWan, outputWan, sector, cls) => {
    expect(classifyProject({ agreedWan, outputWan, sector }, DEFAULT_RULES)).toBe(cls);
  });

  it("uses the configured thresholds", () => {
    const rules = { ...DEFAULT_RULES, classes: { ...DEFAULT_RULES.classes, keyInvestWan: 5_000 } };
    expect(classifyProject({ agreedWan: 5_000, outputWan: 0, sector: "INDUSTRY" }, rules)).toBe("KEY");
  });

  it("labels every class", () => {
    expect(CLASS_LABELS).toEqual({ MAJOR: "重大项目", LARGE: "较大项目", KEY: "重点项目", GENERAL: "一般项目", NONE: "未达统计标准" });
  });
});
