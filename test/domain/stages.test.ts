import { describe, expect, it } from "vitest";
import {
  isActive,
  parseStage,
  planStageChange,
  reachedBy,
  STAGE_LABELS,
  stageAsOf,
  stageIndex,
} from "../../src/domain/stages.ts";
import type { Stage, StageDates } from "../../src/domain/types.ts";

describe("parseStage", () => {
  it.each<[string, Stage | null]>([
    ["线索", "LEAD"],
    ["洽谈", "NEGOTIATING"],
    ["意向谈判", "NEGOTIATING"],
    ["签约", "SIGNED"],
    ["注册", "REGISTERED"],
    ["开工", "STARTED"],
    ["拿地", null], // a milestone beside the ladder (land-milestone.ts), no longer an alias of 开工
    ["投产", "PRODUCING"],
    ["达产", "AT_CAPACITY"],
    ["达效", "AT_CAPACITY"],
    ["终止", "DROPPED"],
    ["中止", "DROPPED"],
    [" 签约 ", "SIGNED"],
    ["signed", "SIGNED"],
    ["At_Capacity", "AT_CAPACITY"],
    ["at-capacity", "AT_CAPACITY"],
    ["at - capacity", "AT_CAPACITY"], // a run of separators is one
    ["DROPPED", "DROPPED"],
    ["", null],
    ["完成", null],
    ["SIGN", null],
  ])("%j → %s", (text, stage) => {
    expect(parseStage(text)).toBe(stage);
  });

  it("parses every label back to its code", () => {
    for (const [code, label] of Object.entries(STAGE_LABELS)) expect(parseStage(label)).toBe(code);
  });
});

describe("stageIndex / isActive", () => {
  it.each<[Stage, number, boolean]>([
    ["LEAD", 0, true],
    ["NEGOTIATING", 1, true],
    ["SIGNED", 2, true],
    ["REGISTERED", 3, true],
    ["STARTED", 4, true],
    ["PRODUCING", 5, true],
    ["AT_CAPACITY", 6, false],
    ["DROPPED", -1, false],
  ])("%s", (stage, index, active) => {
    expect(stageIndex(stage)).toBe(index);
    expect(isActive(stage)).toBe(active);
  });
});

describe("planStageChange", () => {
  const at = (stage: Stage, stageDates: StageDates) => ({ stage, stageDates });

  it.each<[string, ReturnType<typeof at>, Stage, string | undefined, Stage, StageDates, boolean]>([
    ["forward one step", at("LEAD", { LEAD: "2026-01-05" }), "NEGOTIATING", undefined, "NEGOTIATING", { LEAD: "2026-01-05", NEGOTIATING: "2026-05-20" }, false],
    ["forward skipping stages leaves them empty", at("NEGOTIATING", { NEGOTIATING: "2026-01-05" }), "STARTED", undefined, "STARTED", { NEGOTIATING: "2026-01-05", STARTED: "2026-05-20" }, false],
    ["forward on the same day as the previous stage", at("SIGNED", { SIGNED: "2026-05-20" }), "REGISTERED", undefined, "REGISTERED", { SIGNED: "2026-05-20", REGISTERED: "2026-05-20" }, false],
    ["drop with a reason keeps the dates", at("SIGNED", { SIGNED: "2026-03-01" }), "DROPPED", "投资方撤资", "DROPPED", { SIGNED: "2026-03-01", DROPPED: "2026-05-20" }, false],
    ["back with a reason clears later dates", at("STARTED", { NEGOTIATING: "2026-01-05", SIGNED: "2026-03-01", REGISTERED: "2026-04-01", STARTED: "2026-05-01" }), "NEGOTIATING", "协议作废重谈", "NEGOTIATING", { NEGOTIATING: "2026-01-05" }, true],
    ["back to an undated stage sets today", at("SIGNED", { LEAD: "2026-01-05", SIGNED: "2026-03-01" }), "NEGOTIATING", "重新谈判", "NEGOTIATING", { LEAD: "2026-01-05", NEGOTIATING: "2026-05-20" }, true],
    ["restore clears the drop date and keeps the signing date", at("DROPPED", { SIGNED: "2025-11-01", DROPPED: "2026-02-01" }), "SIGNED", "误操作恢复", "SIGNED", { SIGNED: "2025-11-01" }, true],
    ["restore to an earlier stage clears later dates", at("DROPPED", { NEGOTIATING: "2026-01-05", SIGNED: "2026-03-01", DROPPED: "2026-04-01" }), "NEGOTIATING", "重新洽谈", "NEGOTIATING", { NEGOTIATING: "2026-01-05" }, true],
    ["restore to a new stage sets today", at("DROPPED", { LEAD: "2026-01-05", DROPPED: "2026-04-01" }), "NEGOTIATING", "重启", "NEGOTIATING", { LEAD: "2026-01-05", NEGOTIATING: "2026-05-20" }, true],
    // Moving back keeps the stage's own date, so the day it is recorded is not checked against earlier stages.
    ["back, whatever the earlier stages' dates", at("STARTED", { LEAD: "2026-06-01", SIGNED: "2026-06-10", STARTED: "2026-06-20" }), "SIGNED", "开工推迟", "SIGNED", { LEAD: "2026-06-01", SIGNED: "2026-06-10" }, true],
    // Dates of the target stage or later ones (an imported row may carry them) are replaced by this move, so they do not block it.
    ["forward over dates this move replaces", at("NEGOTIATING", { NEGOTIATING: "2026-04-01", SIGNED: "2026-06-01", STARTED: "2026-06-15" }), "SIGNED", undefined, "SIGNED", { NEGOTIATING: "2026-04-01", SIGNED: "2026-05-20" }, false],
  ])("%s", (_name, project, to, reason, stage, stageDates, backwards) => {
    expect(planStageChange(project, to, "2026-05-20", reason)).toEqual({ ok: true, stage, stageDates, backwards });
  });

  it.each<[string, ReturnType<typeof at>, Stage, string | undefined, string]>([
    ["same stage", at("SIGNED", { SIGNED: "2026-03-01" }), "SIGNED", undefined, "已处于“签约”阶段"],
    ["back without reason", at("STARTED", { STARTED: "2026-05-01" }), "NEGOTIATING", undefined, "退回“洽谈”需要写明原因，例如：阶段=洽谈 原因="],
    ["back with a blank reason", at("STARTED", { STARTED: "2026-05-01" }), "SIGNED", "   ", "需要写明原因"],
    ["drop without reason", at("LEAD", { LEAD: "2026-01-01" }), "DROPPED", undefined, "终止项目需要写明原因，例如：阶段=终止 原因="],
    ["restore without reason", at("DROPPED", { DROPPED: "2026-01-01" }), "LEAD", "", "恢复已终止的项目"],
    ["forward dated before the previous stage", at("SIGNED", { SIGNED: "2026-06-01" }), "STARTED", undefined, "早于“签约”日期 2026-06-01"],
    ["forward dated before the latest earlier stage, not just the first", at("NEGOTIATING", { LEAD: "2026-04-01", NEGOTIATING: "2026-05-25" }), "SIGNED", undefined, "“签约”日期 2026-05-20 早于“洽谈”日期 2026-05-25"],
    ["forward dated before two earlier stages of the same day: the first is named", at("NEGOTIATING", { LEAD: "2026-05-25", NEGOTIATING: "2026-05-25" }), "SIGNED", undefined, "早于“线索”日期 2026-05-25"],
  ])("refuses: %s", (_name, project, to, reason, fragment) => {
    const r = planStageChange(project, to, "2026-05-20", reason);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it("refuses an invalid date", () => {
    const r = planStageChange(at("LEAD", {}), "SIGNED", "2026-02-30");
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining("日期“2026-02-30”无效") });
  });

  it("does not mutate the input", () => {
    const p = at("STARTED", { SIGNED: "2026-03-01", STARTED: "2026-05-01" });
    planStageChange(p, "SIGNED", "2026-05-20", "退回");
    expect(p.stageDates).toEqual({ SIGNED: "2026-03-01", STARTED: "2026-05-01" });
  });
});

describe("stageAsOf", () => {
  const dates: StageDates = { LEAD: "2026-01-01", SIGNED: "2026-03-01", STARTED: "2026-06-01" };
  it.each<[StageDates, string, Stage | null]>([
    [dates, "2025-12-31", null],
    [dates, "2026-01-01", "LEAD"],
    [dates, "2026-02-28", "LEAD"],
    [dates, "2026-03-01", "SIGNED"],
    [dates, "2026-05-31", "SIGNED"],
    [dates, "2026-06-01", "STARTED"],
    [{ ...dates, DROPPED: "2026-07-01" }, "2026-06-30", "STARTED"],
    [{ ...dates, DROPPED: "2026-07-01" }, "2026-07-01", "DROPPED"],
    [{}, "2026-07-01", null],
  ])("%j as of %s → %s", (stageDates, asOf, stage) => {
    expect(stageAsOf(stageDates, asOf)).toBe(stage);
  });
});

describe("reachedBy counts a skipped stage as reached by a later one", () => {
  it.each<[StageDates, string, boolean]>([
    [{ PRODUCING: "2026-05-01" }, "2026-05-01", true],
    [{ PRODUCING: "2026-05-01" }, "2026-04-30", false],
    [{ SIGNED: "2026-05-01" }, "2026-12-31", false],
    // Dates need not rise along the ladder: the earliest later stage counts.
    [{ PRODUCING: "2026-03-01", STARTED: "2026-05-01" }, "2026-04-01", true],
  ])("%j STARTED by %s → %s", (dates, asOf, expected) => {
    expect(reachedBy(dates, "STARTED", asOf)).toBe(expected);
  });
});
