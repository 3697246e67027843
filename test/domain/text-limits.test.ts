import { describe, expect, it } from "vitest";
import { textLimitProblem, TEXT_LIMITS } from "../../src/domain/text-limits.ts";

describe("text limits", () => {
  it("count characters as people do, at the exact boundary", () => {
    expect(textLimitProblem("name", "项".repeat(TEXT_LIMITS.name))).toBeNull();
    expect(textLimitProblem("name", "项".repeat(TEXT_LIMITS.name + 1))).toBe("项目名称最多 100 个字，现有 101 个字：请精简后重新填写。");
    expect(textLimitProblem("name", "😀".repeat(100))).toBeNull();
    expect(textLimitProblem("blockers", undefined)).toBeNull();
  });
});
