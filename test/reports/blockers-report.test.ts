import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import type { Group } from "../../src/domain/types.ts";
import { blockersText, buildBlockersReport } from "../../src/reports/blockers-report.ts";
import { project } from "../domain/factories.ts";

// The 要素保障 问题清单 groups by the project's kind column (Project.blockerKind)
// and sends a blocker to the project's own department when it names one.

const groups = [{ id: 1, name: "新能源组" }] as Group[];
const projects = [
  project({ id: 1, name: "甲", blockers: "土地指标未落实", blockerKind: "LAND" }),
  project({ id: 2, name: "乙", blockers: "配套资金未到位", blockerKind: "FUNDING", blockerUnit: "区发改委" }),
  // written before the column: the label in front still counts
  project({ id: 3, name: "丙", blockers: "环评：批复待省厅" }),
  project({ id: 4, name: "丁", blockers: "无关紧要", blockerKind: "LAND", stage: "DROPPED", stageDates: { SIGNED: "2026-03-01", DROPPED: "2026-04-01" }, dropReason: "x" }),
];

describe("dispatch report blockers from the kind column", () => {
  it("by kind: each kind's projects, with the department that removes the blocker", () => {
    const r = buildBlockersReport({ asOf: "2026-11-23", by: "kind", rules: DEFAULT_RULES, projects, groups });
    expect(r.total).toBe(3);
    expect(r.groups.map((g) => [g.key, g.rows.map((row) => [row.projectId, row.unit, row.text])])).toEqual([
      ["LAND", [[1, "区规划自然资源局", "土地指标未落实"]]],
      ["ENVIRONMENT", [[3, "区生态环境局", "批复待省厅"]]],
      ["FUNDING", [[2, "区发改委", "配套资金未到位"]]],
    ]);
  });

  it("by unit: a project's own department is a list of its own, after the rules' departments", () => {
    const r = buildBlockersReport({ asOf: "2026-11-23", by: "unit", rules: DEFAULT_RULES, projects, groups });
    expect(r.groups.map((g) => [g.title, g.rows.map((row) => row.projectId)])).toEqual([
      ["区规划自然资源局", [1]],
      ["区生态环境局", [3]],
      ["区发改委", [2]],
    ]);
    expect(blockersText(r)).toContain("【区发改委】");
  });
});
