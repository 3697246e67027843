import { describe, expect, it } from "vitest";
import { mergeFormChanges, type ChangeSince } from "../../src/domain/form-merge.ts";

// A form filled in on an old version: applied when what it changed and what
// others changed since are different fields, refused naming the field and
// who changed it when they overlap.

type F = "nextStep" | "nextStepDue" | "blockers" | "stage" | "signedAt";
type V = string | null;
const same = (a: V, b: V) => (a ?? null) === (b ?? null);
const stageGroup = (f: F) => (f === "signedAt" ? "stage" : f);

// Opened on: 下一步=摘牌, 截止=12-01, 堵点=(空), 阶段=洽谈.
const now: Record<F, V> = { nextStep: "摘牌", nextStepDue: "2026-12-01", blockers: null, stage: "NEGOTIATING", signedAt: null };
const by = (field: F, before: V, author = "U0OTHER"): ChangeSince<F, V> => ({ field, before, author });

describe("mergeFormChanges", () => {
  it.each<[string, Partial<Record<F, V>>, Record<F, V>, ChangeSince<F, V>[], ReturnType<typeof mergeFormChanges<F, V>>]>([
    ["nothing changed since: the form's changes", { nextStep: "开工", nextStepDue: "2026-12-01", blockers: null }, now, [], { ok: true, patch: { nextStep: "开工" } }],
    [
      "others changed 截止, the form changed 下一步: both kept (the form's stale 截止 is not written back)",
      { nextStep: "开工", nextStepDue: "2026-12-01", blockers: null },
      { ...now, nextStepDue: "2026-12-20" },
      [by("nextStepDue", "2026-12-01")],
      { ok: true, patch: { nextStep: "开工" } },
    ],
    [
      "both changed 下一步: refused, naming the field and who",
      { nextStep: "开工", nextStepDue: "2026-12-01", blockers: null },
      { ...now, nextStep: "签约" },
      [by("nextStep", "摘牌")],
      { ok: false, field: "nextStep", author: "U0OTHER" },
    ],
    [
      "changed twice since: the last author is named, the first change's old value is the base",
      { nextStep: "摘牌", blockers: "用地：指标未落实" },
      { ...now, nextStep: "签约" },
      [by("nextStep", "摘牌", "U0A"), by("nextStep", "拿地", "U0B")],
      { ok: true, patch: { blockers: "用地：指标未落实" } },
    ],
    [
      "a field changed back and forth since, set by the form too: refused",
      { blockers: "环评" },
      now,
      [by("blockers", null, "U0A"), by("blockers", "用地", "U0B")],
      { ok: false, field: "blockers", author: "U0B" },
    ],
    [
      "both set the same value: nothing lost, nothing written",
      { nextStep: "签约" },
      { ...now, nextStep: "签约" },
      [by("nextStep", "摘牌")],
      { ok: true, patch: {} },
    ],
    [
      "a stage date changed since and the form moves the stage: one field, refused as the stage",
      { stage: "SIGNED" },
      { ...now, signedAt: "2026-11-20" },
      [by("signedAt", null, "U0SIGN")],
      { ok: false, field: "stage", author: "U0SIGN" },
    ],
    ["the form moves the stage, others changed 下一步: applied", { stage: "SIGNED" }, { ...now, nextStep: "签约" }, [by("nextStep", "摘牌")], { ok: true, patch: { stage: "SIGNED" } }],
    ["a field emptied by the form is a change", { blockers: null }, { ...now, blockers: "用地" }, [], { ok: true, patch: { blockers: null } }],
  ])("%s", (_what, form, current, since, expected) => {
    expect(mergeFormChanges(form, current, since, same, stageGroup)).toEqual(expected);
  });
});
