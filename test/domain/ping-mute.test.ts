import { describe, expect, it } from "vitest";
import { MAX_MUTE_DAYS, muteProblem } from "../../src/domain/ping-mute.ts";

describe("muting one's pings", () => {
  it("is allowed from today up to 30 days ahead", () => {
    expect(MAX_MUTE_DAYS).toBe(30);
    expect(muteProblem("2026-12-04", "2026-12-04")).toBeNull();
    expect(muteProblem("2026-12-04", "2027-01-03")).toBeNull();
  });
  it("refuses a day past, and a day beyond 30, saying which day is the last", () => {
    expect(muteProblem("2026-12-04", "2026-12-03")).toContain("已经过去");
    expect(muteProblem("2026-12-04", "2027-01-04")).toBe("最多暂停 30 天：请选1月3日或更早的日期。到期后可以再次暂停。");
    expect(muteProblem("2026-12-04", "2099-12-31")).toContain("最多暂停 30 天");
  });
});
