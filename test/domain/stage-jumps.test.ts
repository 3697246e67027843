import { describe, expect, it } from "vitest";
import { jumpQuestion, needsJumpConfirmation, skippedNote, skippedStages } from "../../src/domain/stages.ts";
import type { Stage } from "../../src/domain/types.ts";

describe("large stage jumps", () => {
  it.each<[Stage, Stage, Stage[], boolean]>([
    ["SIGNED", "AT_CAPACITY", ["REGISTERED", "STARTED", "PRODUCING"], true],
    ["LEAD", "SIGNED", ["NEGOTIATING"], false],
    ["LEAD", "REGISTERED", ["NEGOTIATING", "SIGNED"], true],
    ["SIGNED", "STARTED", ["REGISTERED"], false],
    ["SIGNED", "PRODUCING", ["REGISTERED", "STARTED"], true],
    ["SIGNED", "REGISTERED", [], false],
    ["PRODUCING", "SIGNED", [], false], // backwards: asks for a reason instead
    ["AT_CAPACITY", "LEAD", [], false],
    ["LEAD", "DROPPED", [], false],
    ["DROPPED", "AT_CAPACITY", [], false], // restoring: asks for a reason instead
    ["LEAD", "AT_CAPACITY", ["NEGOTIATING", "SIGNED", "REGISTERED", "STARTED", "PRODUCING"], true],
  ])("%s → %s skips %j (confirm: %s)", (from, to, skipped, confirm) => {
    expect(skippedStages(from, to)).toEqual(skipped);
    expect(needsJumpConfirmation(from, to)).toBe(confirm);
  });

  it("names the skipped stages in the question and in the note", () => {
    expect(jumpQuestion("SIGNED", "AT_CAPACITY", "加上 确认=是 重新提交")).toBe(
      "阶段从“签约”直接改为“达产”，将跳过注册、开工、投产共3个阶段（各阶段日期留空，记为跳过）。如确属实，请加上 确认=是 重新提交；如选错了阶段，请改正后重新提交。",
    );
    expect(skippedNote("SIGNED", "AT_CAPACITY")).toBe("阶段由“签约”跳至“达产”，注册、开工、投产记为跳过（日期留空）");
  });
});
