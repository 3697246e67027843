import { describe, expect, it } from "vitest";
import { assessHealth } from "../../src/domain/health.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { checkStep, daysOverdue, isOwner, supervisionItemOn, supervisionStateOn, toldOfStep, type SupervisionActor, type SupervisionStep } from "../../src/domain/supervision.ts";
import { project } from "./factories.ts";

// The 督办 loop as a fold of steps, and who may take which step.

const OWNER = "UOWNER";
const SUP = "USUP";
const SUP2 = "USUP2";
const listed: SupervisionStep = { kind: "LIST", by: SUP, on: "2026-06-01", note: "", issue: "用地指标", owner: `<@${OWNER}>`, deadline: "2026-06-30" };
const step = (kind: SupervisionStep["kind"], by: string, on: string, extra: Partial<SupervisionStep> = {}): SupervisionStep => ({ kind, by, on, note: "", ...extra });
const actor = (userId: string, over: Partial<SupervisionActor> = {}): SupervisionActor => ({ userId, isSupervisor: false, isEditor: false, ...over });
const owner = actor(OWNER, { isEditor: true });
const sup = actor(SUP, { isSupervisor: true, isEditor: true });
const sup2 = actor(SUP2, { isSupervisor: true });

const walk: SupervisionStep[] = [
  listed,
  step("FEEDBACK", OWNER, "2026-06-05", { note: "已报市规划局" }),
  step("REQUEST_CLOSE", OWNER, "2026-06-10", { note: "已落实" }),
  step("RETURN", SUP, "2026-06-11", { note: "批复未下达" }),
  step("EXTEND", SUP, "2026-06-12", { note: "等待市级批复", deadline: "2026-07-15" }),
  step("REQUEST_CLOSE", OWNER, "2026-07-01", { note: "批复已下达" }),
  step("APPROVE", SUP2, "2026-07-02"),
];

describe("state as of a day", () => {
  it.each([
    ["2026-05-31", null, null],
    ["2026-06-01", "OPEN", "2026-06-30"],
    ["2026-06-09", "OPEN", "2026-06-30"],
    ["2026-06-10", "REVIEW", "2026-06-30"],
    ["2026-06-11", "OPEN", "2026-06-30"],
    ["2026-06-12", "OPEN", "2026-07-15"],
    ["2026-07-01", "REVIEW", "2026-07-15"],
    ["2026-07-02", "CLOSED", "2026-07-15"],
  ])("on %s: %s, deadline %s", (asOf, status, deadline) => {
    const s = supervisionStateOn(walk, asOf);
    expect(s?.status ?? null).toBe(status);
    expect(s?.deadline ?? null).toBe(deadline);
  });

  it("keeps who opened, who asked and who closed", () => {
    const s = supervisionStateOn(walk)!;
    expect(s).toMatchObject({ openedOn: "2026-06-01", openedBy: SUP, closedOn: "2026-07-02", closedBy: SUP2, requestedBy: OWNER, feedbackCount: 1 });
    expect(s.steps).toHaveLength(walk.length);
  });

  it("a proposal is not open until a 督办员 confirms it; the confirmation may restate the deadline", () => {
    const steps = [
      step("PROPOSE", OWNER, "2026-06-01", { issue: "环评", owner: `<@${OWNER}>`, deadline: "2026-06-20" }),
      step("CONFIRM", SUP, "2026-06-03", { deadline: "2026-06-25" }),
    ];
    expect(supervisionStateOn(steps, "2026-06-02")).toMatchObject({ status: "PROPOSED", openedOn: null });
    expect(supervisionStateOn(steps)).toMatchObject({ status: "OPEN", openedOn: "2026-06-03", openedBy: SUP, deadline: "2026-06-25", issue: "环评" });
  });
});

describe("overdue", () => {
  it.each([
    ["2026-06-30", 0],
    ["2026-07-01", 1],
    ["2026-07-31", 31],
  ])("an open item due 6-30 on %s is %i days overdue", (asOf, days) => {
    expect(daysOverdue(supervisionStateOn([listed], asOf)!, asOf)).toBe(days);
  });
  it("a closed or only proposed item is never overdue", () => {
    expect(daysOverdue({ status: "CLOSED", deadline: "2026-06-30" }, "2026-08-01")).toBe(0);
    expect(daysOverdue({ status: "PROPOSED", deadline: "2026-06-30" }, "2026-08-01")).toBe(0);
    expect(daysOverdue({ status: "REVIEW", deadline: "2026-06-30" }, "2026-07-03")).toBe(3);
  });
});

describe("the light of a past day uses the deadline in force that day", () => {
  // Listed 6-01 due 6-30; 延期 on 7-10 (already 10 days late) to 7-31; 销号 on 8-05.
  const extended: SupervisionStep[] = [
    listed,
    step("EXTEND", SUP, "2026-07-10", { note: "等待市级批复", deadline: "2026-07-31" }),
    step("REQUEST_CLOSE", OWNER, "2026-08-03", { note: "已落实" }),
    step("APPROVE", SUP2, "2026-08-05"),
  ];
  const item = { id: 7, projectId: 1, steps: extended };
  // Signed recently and freshly updated: the 督办 item is the only possible reason for a light.
  const p = project({ stageDates: { SIGNED: "2026-05-20" } });
  const light = (asOf: string) => {
    const on = supervisionItemOn(item, asOf);
    const h = assessHealth(p, { asOf, lastUpdateOn: asOf, supervision: on ? [on] : [] }, DEFAULT_RULES);
    return { light: h.light, reasons: h.reasons.filter((r) => r.code === "SUPERVISION_OVERDUE").map((r) => r.text) };
  };

  it.each([
    ["2026-05-31", "not listed yet", null, "GREEN", null],
    ["2026-06-30", "due that day, old deadline", "2026-06-30", "GREEN", null],
    ["2026-07-01", "late by the old deadline", "2026-06-30", "RED", "超过办理期限1天未销号（期限6月30日）"],
    ["2026-07-09", "the day before the 延期: still late by the old deadline", "2026-06-30", "RED", "超过办理期限9天未销号（期限6月30日）"],
    ["2026-07-10", "the day of the 延期: the new deadline", "2026-07-31", "GREEN", null],
    ["2026-07-31", "due that day, new deadline", "2026-07-31", "GREEN", null],
    ["2026-08-01", "late by the new deadline", "2026-07-31", "RED", "超过办理期限1天未销号（期限7月31日）"],
    ["2026-08-04", "awaiting 复核 is still open and late", "2026-07-31", "RED", "超过办理期限4天未销号（期限7月31日）"],
    ["2026-08-05", "销号", "2026-07-31", "GREEN", null],
  ])("on %s (%s): deadline %s, %s", (asOf, _why, deadline, colour, reason) => {
    expect(supervisionItemOn(item, asOf)?.deadline ?? null).toBe(deadline);
    const { light: l, reasons } = light(asOf);
    expect(l).toBe(colour);
    expect(reasons).toEqual(reason ? [expect.stringContaining(reason)] : []);
  });

  it("a proposal not yet confirmed, or declined, has no light", () => {
    const proposed = [step("PROPOSE", OWNER, "2026-06-01", { issue: "环评", owner: `<@${OWNER}>`, deadline: "2026-06-02" })];
    expect(supervisionItemOn({ id: 1, projectId: 1, steps: proposed }, "2026-06-10")).toBeNull();
    const declined = [...proposed, step("DECLINE", SUP, "2026-06-03", { note: "已在下一步中安排" })];
    expect(supervisionItemOn({ id: 1, projectId: 1, steps: declined }, "2026-06-10")).toBeNull();
  });
});

describe("who is told of a step", () => {
  const after = (steps: SupervisionStep[]) => supervisionStateOn(steps)!;
  const request = step("REQUEST_CLOSE", OWNER, "2026-06-10", { note: "已落实" });
  const ret = step("RETURN", SUP2, "2026-06-11", { note: "批复未下达" });
  const fromCli: SupervisionStep = { ...listed, by: "cli" };
  const plainOwner: SupervisionStep = { ...listed, owner: "李科长" };
  it.each([
    ["申请销号: the 督办员 who listed it", [listed, request], request, [SUP]],
    ["申请销号 of an item listed from the CLI: every 督办员", [fromCli, request], request, [SUP, SUP2]],
    ["申请销号 by a 督办员 who listed their own item: the other 督办员", [{ ...listed, owner: `<@${SUP}>` }, { ...request, by: SUP }], { ...request, by: SUP }, [SUP2]],
    ["退回: the 责任人", [listed, request, ret], ret, [OWNER]],
    ["退回 of an owner outside Slack: whoever asked", [plainOwner, { ...request, by: "UEDITOR" }, ret], ret, ["UEDITOR"]],
    ["反馈: nobody", [listed, step("FEEDBACK", OWNER, "2026-06-05", { note: "进展" })], step("FEEDBACK", OWNER, "2026-06-05"), []],
    ["同意销号: nobody", [listed, request, step("APPROVE", SUP2, "2026-06-11")], step("APPROVE", SUP2, "2026-06-11"), []],
  ] as const)("%s", (_why, steps, taken, told) => {
    expect(toldOfStep(after([...steps]), taken, [SUP, SUP2])).toEqual(told);
  });
});

describe("who may take which step", () => {
  const today = "2026-06-15";
  const open = supervisionStateOn([listed])!;
  const review = supervisionStateOn([listed, step("REQUEST_CLOSE", OWNER, "2026-06-10")])!;
  const check = (s: typeof open | null, kind: SupervisionStep["kind"], a: SupervisionActor, extra: Partial<SupervisionStep> = {}) =>
    checkStep(s, { kind, note: "", ...extra }, a, today)?.code ?? "ok";
  const newItem = { issue: "用地", deadline: "2026-07-01" };

  it.each([
    ["a 督办员 lists", null, "LIST", sup, newItem, "ok"],
    ["an editor may not list", null, "LIST", owner, newItem, "forbidden"],
    ["an editor proposes", null, "PROPOSE", owner, newItem, "ok"],
    ["a bystander may not propose", null, "PROPOSE", actor("UX"), newItem, "forbidden"],
    ["listing needs an issue", null, "LIST", sup, { deadline: "2026-07-01" }, "invalid"],
    ["listing with a past deadline", null, "LIST", sup, { issue: "用地", deadline: "2026-06-14" }, "invalid"],
    ["listing due today", null, "LIST", sup, { issue: "用地", deadline: today }, "ok"],
    ["the owner posts feedback", open, "FEEDBACK", owner, { note: "进展" }, "ok"],
    ["empty feedback", open, "FEEDBACK", owner, {}, "invalid"],
    ["someone else's feedback", open, "FEEDBACK", actor("UX", { isEditor: true }), { note: "进展" }, "forbidden"],
    ["the owner asks for 销号", open, "REQUEST_CLOSE", owner, {}, "ok"],
    ["a 督办员 cannot ask for 销号 of another's item", open, "REQUEST_CLOSE", sup, {}, "forbidden"],
    ["销号 before anyone asked", open, "APPROVE", sup2, {}, "conflict"],
    ["a non-督办员's 销号 before anyone asked is told who may", open, "APPROVE", owner, {}, "forbidden"],
    ["a 督办员 approves", review, "APPROVE", sup2, {}, "ok"],
    ["a non-督办员 approves", review, "APPROVE", actor("UX", { isEditor: true }), {}, "forbidden"],
    ["the owner approves their own (even as 督办员)", review, "APPROVE", actor(OWNER, { isSupervisor: true }), {}, "forbidden"],
    ["a 退回 needs a reason", review, "RETURN", sup, {}, "invalid"],
    ["a 退回 with a reason", review, "RETURN", sup, { note: "未落实" }, "ok"],
    ["asking twice", review, "REQUEST_CLOSE", owner, {}, "conflict"],
    ["an extension without a reason", open, "EXTEND", sup, { deadline: "2026-07-30" }, "invalid"],
    ["an extension by the owner", open, "EXTEND", owner, { deadline: "2026-07-30", note: "等待" }, "forbidden"],
    ["an extension that is not later", open, "EXTEND", sup, { deadline: "2026-06-30", note: "等待" }, "invalid"],
    ["an extension by a 督办员 with a reason", open, "EXTEND", sup, { deadline: "2026-07-30", note: "等待" }, "ok"],
  ] as const)("%s", (_name, s, kind, a, extra, expected) => {
    expect(check(s as typeof open | null, kind, a, extra as Partial<SupervisionStep>)).toBe(expected);
  });

  it("a 督办员 who asked for 销号 on behalf of a plain-name owner cannot approve it", () => {
    const plain = supervisionStateOn([{ ...listed, owner: "区生态环境局" }, step("REQUEST_CLOSE", SUP, "2026-06-10")])!;
    expect(check(plain, "APPROVE", sup)).toBe("forbidden");
    expect(check(plain, "APPROVE", sup2)).toBe("ok");
  });

  it("closed items take no more steps", () => {
    const closed = supervisionStateOn(walk)!;
    for (const kind of ["FEEDBACK", "REQUEST_CLOSE"] as const) expect(check(closed, kind, owner, { note: "x" })).toBe("conflict");
    for (const kind of ["APPROVE", "RETURN", "EXTEND"] as const) expect(check(closed, kind, sup2, { note: "x", deadline: "2026-12-31" })).toBe("conflict");
  });

  it("a plain-name owner is represented by the project's editors", () => {
    expect(isOwner({ owner: "区生态环境局" }, owner)).toBe(true);
    expect(isOwner({ owner: "区生态环境局" }, actor("UX"))).toBe(false);
    expect(isOwner({ owner: `<@${OWNER}>` }, actor("UX", { isEditor: true }))).toBe(false);
  });
});
