import { describe, expect, it } from "vitest";
import { assessHealth, dueSoonReminder, type HealthContext } from "../../src/domain/health.ts";
import { addDays } from "../../src/domain/periods.ts";
import { DEFAULT_RULES as rules } from "../../src/domain/rules.ts";
import type { HealthLight, Project } from "../../src/domain/types.ts";
import { project, supervision } from "./factories.ts";

const asOf = "2026-06-30";
const ago = (n: number) => addDays(asOf, -n);
const ctx = (over: Partial<HealthContext> = {}): HealthContext => ({ asOf, lastUpdateOn: asOf, supervision: [], ...over });
// A fresh, recently updated project at NEGOTIATING: green unless the row says otherwise.
const fresh = (over: Partial<Project> = {}) => project({ stage: "NEGOTIATING", stageDates: { NEGOTIATING: ago(5) }, ...over });
const assess = (p: Project, c: HealthContext = ctx()) => assessHealth(p, c, rules);
const codes = (p: Project, c?: HealthContext) => assess(p, c).reasons.map((r) => `${r.level}:${r.code}`);

describe("not rated", () => {
  it.each(["DROPPED", "AT_CAPACITY"] as const)("%s", (stage) => {
    const p = project({ stage, stageDates: { SIGNED: ago(400), [stage]: ago(300) } });
    expect(assess(p, ctx({ lastUpdateOn: null }))).toEqual({ light: null, reasons: [] });
  });

  it("a current stage with no date is taken as reached: not 签约未开工 on the strength of an old 签约 date", () => {
    const p = project({ stage: "STARTED", stageDates: { SIGNED: ago(200) } });
    expect(codes(p)).toEqual([]);
  });

  // Moving back in Slack clears later dates, but an imported ledger row may carry a 签约 date beside 阶段=洽谈.
  it.each([
    ["before the as-of day", ago(10)],
    ["on the as-of day", asOf],
  ])("a project moved back to 洽谈 %s is rated at 洽谈, not at the 签约 still on record", (_when, movedBack) => {
    const p = project({ stage: "NEGOTIATING", stageDates: { SIGNED: ago(200), NEGOTIATING: movedBack } });
    expect(codes(p)).toEqual([]);
  });

  it("rates by the stage as of a past date", () => {
    const p = project({ stage: "DROPPED", stageDates: { SIGNED: ago(200), DROPPED: ago(10) } });
    expect(assess(p, ctx({ asOf: ago(11) })).light).toBe("RED"); // not dropped yet then: signed 189 days
  });
});

describe("签约未开工", () => {
  it.each<[string, Partial<Project>, string[]]>([
    ["90 days: green", { stage: "SIGNED", stageDates: { SIGNED: ago(90) } }, []],
    ["91 days: yellow", { stage: "SIGNED", stageDates: { SIGNED: ago(91) } }, ["YELLOW:SIGNED_NOT_STARTED"]],
    ["180 days: still yellow", { stage: "SIGNED", stageDates: { SIGNED: ago(180) } }, ["YELLOW:SIGNED_NOT_STARTED"]],
    ["181 days: red", { stage: "SIGNED", stageDates: { SIGNED: ago(181) } }, ["RED:SIGNED_NOT_STARTED"]],
    ["registered counts from signing", { stage: "REGISTERED", stageDates: { SIGNED: ago(200), REGISTERED: ago(100) } }, ["RED:SIGNED_NOT_STARTED"]],
    ["registered with 签约 skipped", { stage: "REGISTERED", stageDates: { REGISTERED: ago(100) } }, ["YELLOW:SIGNED_NOT_STARTED"]],
    ["started: no longer applies", { stage: "STARTED", stageDates: { SIGNED: ago(400), STARTED: ago(10) } }, []],
    ["signed without a date: cannot count", { stage: "SIGNED", stageDates: {} }, []],
  ])("%s", (_name, over, expected) => {
    expect(codes(project(over))).toEqual(expected);
  });

  it("says how long, in Chinese", () => {
    const r = assess(project({ stage: "SIGNED", stageDates: { SIGNED: ago(200) } }));
    expect(r.reasons[0]!.text).toBe("签约未开工已200天（超过180天）");
    expect(assess(project({ stage: "SIGNED", stageDates: { SIGNED: ago(95) } })).reasons[0]!.text).toBe("签约未开工已95天（超过90天）");
  });
});

describe("next step", () => {
  it.each<[string, string | null, string[]]>([
    ["no due date", null, []],
    ["due in 8 days", addDays(asOf, 8), []],
    // Due soon is a reminder (pings, App Home), not a light: the plan says when, and it is not late yet.
    ["due in 7 days", addDays(asOf, 7), []],
    ["due today", asOf, []],
    ["1 day overdue", ago(1), ["YELLOW:NEXT_STEP_OVERDUE"]],
    ["30 days overdue", ago(30), ["YELLOW:NEXT_STEP_OVERDUE"]],
    ["31 days overdue", ago(31), ["RED:NEXT_STEP_OVERDUE"]],
  ])("%s", (_name, nextStepDue, expected) => {
    expect(codes(fresh({ nextStepDue, nextStep: "办理环评" }))).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ["办理环评", ago(31), "下一步“办理环评”已逾期31天（应于5月30日完成）"],
    ["", ago(3), "下一步已逾期3天（应于6月27日完成）"],
    ["  ", ago(3), "下一步已逾期3天（应于6月27日完成）"], // blank is no name
    [" 办理环评 ", ago(3), "下一步“办理环评”已逾期3天（应于6月27日完成）"],
  ])("text for %j due %s", (nextStep, nextStepDue, text) => {
    expect(assess(fresh({ nextStep, nextStepDue })).reasons[0]!.text).toBe(text);
  });

  it.each<[string, string | null, boolean, string | null]>([
    ["today", asOf, false, "下一步“签合同”将于6月30日到期"],
    ["in 7 days", addDays(asOf, 7), false, "下一步“签合同”将于7月7日到期"],
    ["in 8 days", addDays(asOf, 8), false, null],
    ["overdue", ago(1), false, null],
    ["none", null, false, null],
  ])("due soon %s is a reminder: %s", (_name, nextStepDue, _x, text) => {
    expect(dueSoonReminder(fresh({ nextStep: "签合同", nextStepDue }), asOf, rules)).toBe(text);
  });

  it("the rules can make due-soon a yellow light again", () => {
    const restored = { ...rules, health: { ...rules.health, dueSoonIsYellow: true } };
    const r = assessHealth(fresh({ nextStep: "签合同", nextStepDue: addDays(asOf, 2) }), ctx(), restored);
    expect(r.light).toBe("YELLOW");
    expect(r.reasons.map((x) => [x.code, x.text])).toEqual([["NEXT_STEP_DUE_SOON", "下一步“签合同”将于7月2日到期"]]);
    expect(assessHealth(fresh({ nextStepDue: addDays(asOf, 8) }), ctx(), restored).light).toBe("GREEN");
  });
});

describe("no update", () => {
  it.each<[string, Partial<HealthContext>, Partial<Project>, string[]]>([
    ["14 days: green", { lastUpdateOn: ago(14) }, {}, []],
    ["15 days: yellow", { lastUpdateOn: ago(15) }, {}, ["YELLOW:NO_UPDATE"]],
    ["30 days: yellow", { lastUpdateOn: ago(30) }, {}, ["YELLOW:NO_UPDATE"]],
    ["31 days: red", { lastUpdateOn: ago(31) }, {}, ["RED:NO_UPDATE"]],
    ["never updated: earliest stage date stands in", { lastUpdateOn: null }, { stageDates: { LEAD: ago(20), NEGOTIATING: ago(5) } }, ["YELLOW:NO_UPDATE"]],
    ["never updated and no dates: red", { lastUpdateOn: null }, { stageDates: {} }, ["RED:NO_UPDATE"]],
    // Stage dates need not rise along the ladder (a 线索 logged after talks began): the earliest counts.
    ["never updated: the earliest date, not the first stage's", { lastUpdateOn: null }, { stageDates: { LEAD: ago(10), NEGOTIATING: ago(20) } }, ["YELLOW:NO_UPDATE"]],
  ])("%s", (_name, c, over, expected) => {
    expect(codes(fresh(over), ctx(c))).toEqual(expected);
  });

  it.each<[string, Partial<HealthContext>, Partial<Project>, string]>([
    ["yellow", { lastUpdateOn: ago(20) }, {}, "连续20天未报送进展"],
    ["red", { lastUpdateOn: ago(45) }, {}, "连续45天未报送进展"],
    ["never", { lastUpdateOn: null }, { stageDates: {} }, "从未报送进展"],
  ])("says how long (%s), in Chinese", (_name, c, over, text) => {
    expect(assess(fresh(over), ctx(c)).reasons[0]!.text).toBe(text);
  });
});

describe("supervision", () => {
  it.each<[string, Parameters<typeof supervision>[0], string[]]>([
    ["open, deadline tomorrow", { deadline: addDays(asOf, 1) }, []],
    ["open, deadline today", { deadline: asOf }, []],
    ["open, deadline passed", { deadline: ago(1) }, ["RED:SUPERVISION_OVERDUE"]],
    ["closed on time", { deadline: ago(5), closedOn: ago(6) }, []],
    ["closed late but closed", { deadline: ago(5), closedOn: ago(1) }, []],
    // 销号 on the as-of day: closed by the end of that day, so not overdue in that day's report.
    ["closed late, on the as-of day", { deadline: ago(5), closedOn: asOf }, []],
    ["closed after as-of: still open then", { deadline: ago(5), closedOn: addDays(asOf, 1) }, ["RED:SUPERVISION_OVERDUE"]],
    ["opened after as-of", { openedOn: addDays(asOf, 1), deadline: ago(5) }, []],
    ["opened on the as-of day, deadline already passed", { openedOn: asOf, deadline: ago(5) }, ["RED:SUPERVISION_OVERDUE"]],
    ["another project's item", { projectId: 2, deadline: ago(5) }, []],
  ])("%s", (_name, item, expected) => {
    expect(codes(fresh(), ctx({ supervision: [supervision({ openedOn: ago(30), ...item })] }))).toEqual(expected);
  });

  it("text names the item and how late", () => {
    const r = assess(fresh(), ctx({ supervision: [supervision({ openedOn: ago(30), deadline: ago(4) })] }));
    expect(r.reasons[0]!.text).toBe("督办事项“用地指标”超过办理期限4天未销号（期限6月26日）");
  });
});

describe("overall light", () => {
  it.each<[string, Partial<Project>, Partial<HealthContext>, HealthLight, string[]]>([
    ["green", {}, {}, "GREEN", []],
    ["yellow only", { nextStepDue: ago(1) }, {}, "YELLOW", ["YELLOW:NEXT_STEP_OVERDUE"]],
    ["due today is still green", { nextStepDue: asOf }, {}, "GREEN", []],
    [
      "red first, then yellow, all listed",
      { stage: "SIGNED", stageDates: { SIGNED: ago(100) }, nextStepDue: ago(40) },
      { lastUpdateOn: ago(20) },
      "RED",
      ["RED:NEXT_STEP_OVERDUE", "YELLOW:SIGNED_NOT_STARTED", "YELLOW:NO_UPDATE"],
    ],
  ])("%s", (_name, over, c, light, expected) => {
    const r = assess(fresh(over), ctx(c));
    expect(r.light).toBe(light);
    expect(r.reasons.map((x) => `${x.level}:${x.code}`)).toEqual(expected);
  });

  it("uses configured thresholds", () => {
    const strict = { ...rules, health: { ...rules.health, yellowNoUpdateDays: 3 } };
    expect(assessHealth(fresh(), ctx({ lastUpdateOn: ago(4) }), strict).light).toBe("YELLOW");
  });
});
