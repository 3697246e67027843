import { describe, expect, it } from "vitest";
import { canHaveFollowOn, followOnParentProblem, followOnTotals, needsOwnInvestor, parseFollowOnKind } from "../../src/domain/follow-on.ts";
import { followOnChildrenText, followOnFromText, followOnFunnelText } from "../../src/domain/glossary.ts";
import { isLandWord, planLandMilestone } from "../../src/domain/land-milestone.ts";
import { computeRates } from "../../src/domain/rates.ts";
import { unstartedSince } from "../../src/domain/unstarted.ts";
import type { FollowOnKind, Stage, StageDates } from "../../src/domain/types.ts";
import { project } from "./factories.ts";

// Seed 000's 开工拿地 node (拿地 and 开工 as separate dated milestones) and its last node, 未来订单.

describe("planLandMilestone", () => {
  it.each<[string, Stage, StageDates, string | null, string | null]>([
    // [case, stage, dates, 拿地 on, error fragment (null: accepted)]
    ["signed, land after signing", "SIGNED", { SIGNED: "2026-03-01" }, "2026-05-20", null],
    ["land on the signing day itself", "SIGNED", { SIGNED: "2026-03-01" }, "2026-03-01", null],
    ["land a day before signing", "SIGNED", { SIGNED: "2026-03-01" }, "2026-02-28", "早于签约日期2026年3月1日"],
    ["registered: signing skipped, 注册 date is the signing bound", "REGISTERED", { REGISTERED: "2026-04-01" }, "2026-03-31", "早于签约日期2026年4月1日"],
    ["started, land on the 开工 day itself", "STARTED", { SIGNED: "2026-03-01", STARTED: "2026-06-01" }, "2026-06-01", null],
    ["started, land a day after 开工", "STARTED", { SIGNED: "2026-03-01", STARTED: "2026-06-01" }, "2026-06-02", "晚于开工日期2026年6月1日"],
    ["producing: land before 开工 recorded afterwards", "PRODUCING", { SIGNED: "2026-03-01", STARTED: "2026-06-01", PRODUCING: "2026-10-01" }, "2026-05-01", null],
    ["undated import at 签约: nothing to compare with", "SIGNED", {}, "2026-05-20", null],
    ["negotiating: not signed yet", "NEGOTIATING", { NEGOTIATING: "2026-02-01" }, "2026-05-20", "拿地须在签约之后：项目当前为“洽谈”阶段"],
    ["lead", "LEAD", { LEAD: "2026-02-01" }, "2026-05-20", "拿地须在签约之后"],
    ["dropped", "DROPPED", { SIGNED: "2026-03-01", DROPPED: "2026-04-01" }, "2026-05-20", "项目已终止，不能登记拿地"],
    ["not a date", "SIGNED", { SIGNED: "2026-03-01" }, "2026-02-30", "拿地日期“2026-02-30”无效"],
  ])("%s", (_case, stage, stageDates, on, error) => {
    const r = planLandMilestone({ stage, stageDates }, on);
    if (error === null) expect(r).toEqual({ ok: true, landAcquiredOn: on });
    else expect(r.ok ? "accepted" : r.error).toContain(error);
  });

  it("null clears the milestone, whatever the stage", () => {
    expect(planLandMilestone({ stage: "DROPPED", stageDates: {} }, null)).toEqual({ ok: true, landAcquiredOn: null });
  });

  it.each([["拿地", true], [" 已拿地 ", true], ["LAND", true], ["土地摘牌", true], ["开工", false], ["签约", false], ["", false]])("isLandWord(%j) = %s", (text, yes) => {
    expect(isLandWord(text)).toBe(yes);
  });
});

describe("开工率 counts 开工, not 拿地", () => {
  const asOf = "2026-11-29";
  const projects = [
    project({ id: 1, stage: "SIGNED", stageDates: { SIGNED: "2026-03-01" }, landAcquiredOn: "2026-05-01" }), // land, no 开工
    project({ id: 2, stage: "STARTED", stageDates: { SIGNED: "2026-03-01", STARTED: "2026-06-01" }, landAcquiredOn: "2026-05-01" }),
    project({ id: 3, stage: "STARTED", stageDates: { SIGNED: "2026-03-01", STARTED: "2026-11-29" } }), // started on the day itself
    project({ id: 4, stage: "SIGNED", stageDates: { SIGNED: "2026-03-01" } }),
  ];

  it("a project with land but no 开工 is not started", () => {
    expect(computeRates({ projects, funds: [], year: 2026, asOf }).conversion).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });

  it("and stays 签约未开工", () => {
    expect(projects.map((p) => unstartedSince(p, asOf))).toEqual(["2026-03-01", undefined, undefined, "2026-03-01"]);
  });
});

describe("未来订单", () => {
  it.each<[string, FollowOnKind | null]>([
    ["增资扩产", "EXPANSION"],
    ["扩产", "EXPANSION"],
    ["expansion", "EXPANSION"],
    ["EXPANSION", "EXPANSION"],
    ["二期", "PHASE_TWO"],
    ["phase2", "PHASE_TWO"],
    ["以商引商", "REFERRAL"],
    ["Referral", "REFERRAL"],
    [" 二期 ", "PHASE_TWO"],
    ["三期", null],
    ["", null],
  ])("parseFollowOnKind(%j) = %s", (text, kind) => {
    expect(parseFollowOnKind(text)).toBe(kind);
  });

  it.each<[Stage, boolean]>([
    ["LEAD", false],
    ["NEGOTIATING", false],
    ["SIGNED", false],
    ["REGISTERED", false],
    ["STARTED", false], // the last stage before 投产: the boundary
    ["PRODUCING", true],
    ["AT_CAPACITY", true],
    ["DROPPED", false],
  ])("a parent at %s can have follow-on investment: %s", (stage, yes) => {
    expect(canHaveFollowOn({ stage })).toBe(yes);
    const problem = followOnParentProblem({ id: 5, name: "年产5万吨锂电材料项目", stage });
    if (yes) expect(problem).toBeNull();
    else expect(problem).toContain("未来订单须源自已投产或达产的项目");
  });

  it("the refusal names the parent's stage and shows the right form", () => {
    expect(followOnParentProblem({ id: 5, name: "年产5万吨锂电材料项目", stage: "STARTED" })).toBe(
      '#5“年产5万吨锂电材料项目”当前为“开工”阶段：未来订单须源自已投产或达产的项目。项目投产后可写：/project 未来订单 #5 类型=增资扩产 名称="某某项目扩产" 协议资金=5亿',
    );
  });

  it("only a referral needs its own investor", () => {
    expect([needsOwnInvestor("EXPANSION"), needsOwnInvestor("PHASE_TWO"), needsOwnInvestor("REFERRAL")]).toEqual([false, false, true]);
  });

  it("the funnel counts follow-ons not dropped by the day, with their 协议资金", () => {
    const projects = [
      project({ id: 1, stage: "PRODUCING", agreedWan: 90_000 }), // the parent itself is not one
      project({ id: 2, followOnOf: 1, followOnKind: "EXPANSION", stage: "SIGNED", agreedWan: 50_000 }),
      project({ id: 3, followOnOf: 1, followOnKind: "PHASE_TWO", stage: "DROPPED", stageDates: { DROPPED: "2026-11-29" }, agreedWan: 20_000 }),
      project({ id: 4, followOnOf: 1, followOnKind: "REFERRAL", stage: "DROPPED", stageDates: { DROPPED: "2026-11-30" }, agreedWan: 3_000 }),
    ];
    // Dropped on the day itself no longer counts; dropped the day after still did.
    expect(followOnTotals(projects, "2026-11-29")).toEqual({ count: 2, agreedWan: 53_000 });
    expect(followOnTotals(projects, "2026-11-28")).toEqual({ count: 3, agreedWan: 73_000 });
    expect(followOnTotals([], "2026-11-29")).toEqual({ count: 0, agreedWan: 0 });
  });

  it("reads as the card and the funnel say it", () => {
    expect(followOnFromText(5, "年产5万吨锂电材料项目", "EXPANSION")).toBe("未来订单：源自 #5 年产5万吨锂电材料项目（增资扩产）");
    expect(followOnChildrenText([{ id: 201, name: "锂电材料二期项目", kind: "PHASE_TWO", agreedWan: 80_000 }, { id: 202, name: "配套项目", kind: "REFERRAL", agreedWan: 3_000 }])).toBe(
      "未来订单：#201 锂电材料二期项目（二期，8亿元）；#202 配套项目（以商引商，3,000万元）",
    );
    expect(followOnFunnelText(3, 125_000)).toBe("未来订单 3个，协议资金 12.5亿元");
  });
});
