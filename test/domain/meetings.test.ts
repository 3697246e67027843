import { describe, expect, it } from "vitest";
import { buildAgenda, type AgendaDecision, type AgendaInput } from "../../src/domain/agenda.ts";
import { blockerFormValues, blockerKindOf, blockersInProse, blockerUnit, parseBlockerInput, projectBlockers, readBlockers, writeBlockers } from "../../src/domain/blockers.ts";
import { decisionStatus, tallyDecisions } from "../../src/domain/decision-status.ts";
import { agendaDay, nextWeeklyMeeting, weeklyMeetingDay } from "../../src/domain/meeting-schedule.ts";
import { parseWeek } from "../../src/domain/periods.ts";
import { DEFAULT_RULES, rulesSchema } from "../../src/domain/rules.ts";
import { duePeriods } from "../../src/domain/schedule.ts";
import { signedNotStarted } from "../../src/domain/unstarted.ts";
import { project, supervision } from "./factories.ts";

const week = (w: string) => parseWeek(w)!;

describe("the weekly 调度会 on the working-day calendar", () => {
  it("meets on Tuesday by default, and the agenda goes out the working day before", () => {
    expect(weeklyMeetingDay(week("2026-W49"), 2)).toBe("2026-12-01");
    expect(agendaDay("2026-12-01")).toBe("2026-11-30");
  });

  it("a Monday holiday (清明 2026-04-06) moves the agenda back to Friday 04-03", () => {
    expect(weeklyMeetingDay(week("2026-W15"), 2)).toBe("2026-04-07");
    expect(agendaDay("2026-04-07")).toBe("2026-04-03");
  });

  it("a Tuesday holiday (国庆 2026) moves the meeting to the next working day of that week, Thursday 10-08", () => {
    expect(weeklyMeetingDay(week("2026-W41"), 2)).toBe("2026-10-08");
    expect(agendaDay("2026-10-08")).toBe("2026-09-30");
  });

  it("a week off from the meeting day on (春节 2026-W08) has no weekly meeting", () => {
    expect(weeklyMeetingDay(week("2026-W08"), 2)).toBeNull();
    expect(nextWeeklyMeeting("2026-02-16", 2)).toBe("2026-02-24");
  });

  it("the rules move the meeting (Thursday)", () => {
    const rules = rulesSchema.parse({ meeting: { weekday: 4 } });
    expect(weeklyMeetingDay(week("2026-W49"), rules.meeting.weekday)).toBe("2026-12-03");
  });

  const at = (local: string) => new Date(`${local}+08:00`);
  const due = (now: string) => duePeriods({ job: "meeting_agenda", now: at(now), timeZone: "Asia/Shanghai", time: "16:00" }).map((p) => `${p.period}@${p.dueDay}${p.late ? " late" : ""}`);

  it("the meeting_agenda job is due at 16:00 the working day before, named by the meeting's day", () => {
    expect(due("2026-11-30T15:59:00")).toEqual([]);
    expect(due("2026-11-30T16:00:00")).toEqual(["2026-12-01@2026-11-30"]);
    // Late but still before the meeting: sent, and says so.
    expect(due("2026-12-01T08:00:00")).toEqual(["2026-12-01@2026-11-30 late"]);
    // After the meeting day it is no use.
    expect(due("2026-12-02T08:00:00")).toEqual([]);
  });

  it("skips the holiday: nothing on the 清明 days, the agenda of 04-07 is due Friday 04-03", () => {
    expect(due("2026-04-03T16:00:00")).toEqual(["2026-04-07@2026-04-03"]);
    expect(due("2026-04-06T16:00:00")).toEqual(["2026-04-07@2026-04-03 late"]);
    expect(due("2026-04-02T16:00:00")).toEqual([]);
  });
});

describe("blockers by kind (要素制约)", () => {
  it("reads the kind in front of the text, several separated by ；, unknown ones as 其他", () => {
    expect(readBlockers("用地：土地指标未落实；环评:批复待省厅")).toEqual([
      { kind: "LAND", text: "土地指标未落实" },
      { kind: "ENVIRONMENT", text: "批复待省厅" },
    ]);
    expect(readBlockers("施工许可审批滞后")).toEqual([{ kind: "OTHER", text: "施工许可审批滞后" }]);
    expect(readBlockers("")).toEqual([]);
  });

  it("typed input must name a kind; the refusal lists them", () => {
    expect(parseBlockerInput("用地:土地指标未落实")).toEqual({ ok: true, blockers: [{ kind: "LAND", text: "土地指标未落实" }] });
    const noKind = parseBlockerInput("土地指标未落实");
    expect(noKind.ok).toBe(false);
    expect(!noKind.ok && noKind.problem).toContain("规划、用地、环评、能评、资金、审批、配套、其他");
    const badKind = parseBlockerInput("土地:指标");
    expect(!badKind.ok && badKind.problem).toContain("卡点类别“土地”无法识别");
    expect(parseBlockerInput("用地:").ok).toBe(false);
  });

  it("writes back one way, and the rules name the department (configurable)", () => {
    expect(writeBlockers([{ kind: "LAND", text: "土地指标未落实" }, { kind: "FUNDING", text: "配套资金" }])).toBe("用地：土地指标未落实；资金：配套资金");
    expect(blockerUnit("LAND", DEFAULT_RULES)).toBe("区规划自然资源局");
    expect(blockerUnit("LAND", rulesSchema.parse({ blockerUnits: { LAND: "区自然资源局" } }))).toBe("区自然资源局");
  });

  it("a project's own kind (Project.blockerKind) makes its whole text one blocker; its own department overrides the rules'", () => {
    const p = { blockers: "土地指标未落实；规划调整未批", blockerKind: "LAND" as const, blockerUnit: null };
    expect(projectBlockers(p, DEFAULT_RULES)).toEqual([{ kind: "LAND", text: "土地指标未落实；规划调整未批", unit: "区规划自然资源局" }]);
    expect(projectBlockers({ ...p, blockerUnit: "区发改委" }, DEFAULT_RULES)[0].unit).toBe("区发改委");
    // The column wins over an old label in front; a label of the same kind is not repeated.
    expect(projectBlockers({ blockers: "环评：批复待省厅", blockerKind: "FUNDING", blockerUnit: null }, DEFAULT_RULES)).toEqual([{ kind: "FUNDING", text: "环评：批复待省厅", unit: "区财政局" }]);
    expect(blockersInProse({ blockers: "用地：土地指标未落实", blockerKind: "LAND", blockerUnit: null }, DEFAULT_RULES)).toBe("用地：土地指标未落实");
    expect(projectBlockers({ blockers: "", blockerKind: "LAND", blockerUnit: null }, DEFAULT_RULES)).toEqual([]);
  });

  it("old text without a kind of its own is still read by its labels (data written before the column)", () => {
    expect(projectBlockers({ blockers: "用地：土地指标未落实；环评:批复待省厅", blockerKind: null, blockerUnit: null }, DEFAULT_RULES)).toEqual([
      { kind: "LAND", text: "土地指标未落实", unit: "区规划自然资源局" },
      { kind: "ENVIRONMENT", text: "批复待省厅", unit: "区生态环境局" },
    ]);
    expect(projectBlockers({ blockers: "施工许可滞后", blockerUnit: "区住建委" }, DEFAULT_RULES)).toEqual([{ kind: "OTHER", text: "施工许可滞后", unit: "区住建委" }]);
  });

  it("the update form offers an old single-kind label as the kind, and leaves mixed text as it is", () => {
    expect(blockerFormValues({ blockers: "用地：土地指标未落实；用地:规划调整", blockerKind: null })).toEqual({ kind: "LAND", text: "土地指标未落实；规划调整" });
    expect(blockerFormValues({ blockers: "用地：土地指标未落实；环评:批复待省厅", blockerKind: null })).toEqual({ kind: null, text: "用地：土地指标未落实；环评:批复待省厅" });
    expect(blockerFormValues({ blockers: "施工许可滞后", blockerKind: null })).toEqual({ kind: null, text: "施工许可滞后" });
    expect(blockerFormValues({ blockers: "x", blockerKind: "FUNDING" })).toEqual({ kind: "FUNDING", text: "x" });
    expect([blockerKindOf("用地"), blockerKindOf("land"), blockerKindOf("土地")]).toEqual(["LAND", "LAND", undefined]);
  });
});

describe("decision follow-up", () => {
  it("done once closed by the day, overdue after the deadline, else in progress", () => {
    expect(decisionStatus({ deadline: "2026-12-10", closedOn: "2026-12-05" }, "2026-12-07")).toBe("DONE");
    expect(decisionStatus({ deadline: "2026-12-10", closedOn: "2026-12-08" }, "2026-12-07")).toBe("IN_PROGRESS");
    expect(decisionStatus({ deadline: "2026-12-07", closedOn: null }, "2026-12-07")).toBe("IN_PROGRESS");
    expect(decisionStatus({ deadline: "2026-12-07", closedOn: null }, "2026-12-08")).toBe("OVERDUE");
    expect(tallyDecisions([{ deadline: "2026-12-01", closedOn: null }, { deadline: "2026-12-30", closedOn: null }, { deadline: "2026-12-01", closedOn: "2026-12-01" }], "2026-12-07")).toEqual({ done: 1, inProgress: 1, overdue: 1 });
  });
});

describe("签约未开工", () => {
  it("signed or registered, not started, over the days, longest first", () => {
    const list = signedNotStarted(
      [
        project({ id: 1, stage: "SIGNED", stageDates: { SIGNED: "2026-06-01" } }),
        project({ id: 2, stage: "REGISTERED", stageDates: { REGISTERED: "2026-03-01" } }),
        project({ id: 3, stage: "STARTED", stageDates: { SIGNED: "2026-01-01", STARTED: "2026-05-01" } }),
        project({ id: 4, stage: "SIGNED", stageDates: { SIGNED: "2026-11-01" } }),
      ],
      "2026-12-01",
      90,
    );
    expect(list.map((u) => [u.project.id, u.days])).toEqual([[2, 275], [1, 183]]);
  });
});

function input(over: Partial<AgendaInput> = {}): AgendaInput {
  return {
    meeting: { id: 2, date: "2026-12-08", time: "09:00", title: "全区招商引资工作调度会", place: "", host: "" },
    asOf: "2026-12-07",
    rules: DEFAULT_RULES,
    decisions: [],
    previousMeeting: "2026-12-01",
    projects: [],
    supervision: [],
    lastUpdateOn: new Map(),
    groupPace: [],
    ...over,
  };
}

describe("the agenda", () => {
  const decision = (o: Partial<AgendaDecision>): AgendaDecision => ({ id: 1, meetingDate: "2026-12-01", projectId: 7, projectName: "锂电池项目", matter: "协调土地指标", unit: "区规划自然资源局", owner: "王科长", deadline: "2026-12-31", closedOn: null, ...o });

  it("has five numbered sections in order, each titled as a 通报 does", () => {
    const a = buildAgenda(input());
    expect(a.kind).toBe("agenda");
    expect(a.sections.map((s) => s.title)).toEqual([
      "（一）上次会议决定事项落实情况",
      "（二）红灯项目逐一研究",
      "（三）签约未开工项目（超过90天）",
      "（四）逾期督办事项",
      "（五）低于序时进度的工作组",
    ]);
  });

  it("(一) reports every earlier decision: done, in progress, overdue; drops those done before the previous meeting", () => {
    const a = buildAgenda(
      input({
        decisions: [
          decision({ id: 1, closedOn: "2026-12-04" }),
          decision({ id: 2, deadline: "2026-12-31" }),
          decision({ id: 3, deadline: "2026-12-05", projectId: null, projectName: null, matter: "梳理全区闲置厂房" }),
          decision({ id: 4, meetingDate: "2026-11-24", closedOn: "2026-11-27" }),
          decision({ id: 5, meetingDate: "2026-12-08" }),
        ],
      }),
    );
    const items = a.sections[0].items;
    expect(items.map((i) => [i.no, i.decisionId, i.status])).toEqual([
      [1, 1, "DONE"],
      [2, 2, "IN_PROGRESS"],
      [3, 3, "OVERDUE"],
    ]);
    expect(items[0].lines[1]).toBe("已落实（销号）（已于12月4日销号）");
    expect(items[2].title).toBe("综合事项：梳理全区闲置厂房");
    expect(items[2].lines[1]).toBe("逾期未落实（已逾期2天）");
    expect(a.counts).toEqual({ done: 1, inProgress: 1, overdue: 1 });
  });

  it("(二) lists red projects with reasons, blockers and their department, grouped by kind", () => {
    const a = buildAgenda(
      input({
        projects: [
          project({ id: 3, name: "甲", stageDates: { SIGNED: "2026-01-01" }, blockers: "资金：配套资金未到位" }),
          project({ id: 5, name: "乙", stageDates: { SIGNED: "2026-02-01" }, blockers: "用地：土地指标未落实；环评：批复待省厅", nextStep: "协调省厅", nextStepDue: "2026-12-20" }),
          project({ id: 6, name: "丙", stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-11-30" } }),
        ],
        lastUpdateOn: new Map([[3, "2026-12-01"], [5, "2026-12-01"], [6, "2026-12-01"]]),
      }),
    );
    const red = a.sections[1];
    expect(red.items.map((i) => [i.no, i.projectId])).toEqual([[1, 5], [2, 3]]);
    expect(red.items[0].lines).toContain("要素制约：用地（区规划自然资源局）：土地指标未落实");
    expect(red.items[0].lines).toContain("下一步：协调省厅（12月20日前）");
    expect(red.items[0].suggestedUnit).toBe("区规划自然资源局");
    expect(red.byKind).toEqual([
      { kind: "LAND", label: "用地", unit: "区规划自然资源局", projectIds: [5] },
      { kind: "ENVIRONMENT", label: "环评", unit: "区生态环境局", projectIds: [5] },
      { kind: "FUNDING", label: "资金", unit: "区财政局", projectIds: [3] },
    ]);
    // (三) both are signed but not started for over 90 days.
    expect(a.sections[2].items.map((i) => i.projectId)).toEqual([3, 5]);
  });

  it("(二) groups by the project's kind column, with its own department when it names one", () => {
    const a = buildAgenda(
      input({
        projects: [
          project({ id: 3, name: "甲", stageDates: { SIGNED: "2026-01-01" }, blockers: "配套资金未到位", blockerKind: "FUNDING", blockerUnit: "区发改委" }),
          project({ id: 5, name: "乙", stageDates: { SIGNED: "2026-02-01" }, blockers: "土地指标未落实", blockerKind: "LAND" }),
        ],
        lastUpdateOn: new Map([[3, "2026-12-01"], [5, "2026-12-01"]]),
      }),
    );
    const red = a.sections[1];
    expect(red.items.map((i) => i.projectId)).toEqual([5, 3]);
    expect(red.items[1].lines).toContain("要素制约：资金（区发改委）：配套资金未到位");
    expect(red.items[1].suggestedUnit).toBe("区发改委");
    expect(red.byKind!.map((g) => [g.kind, g.projectIds])).toEqual([["LAND", [5]], ["FUNDING", [3]]]);
    expect(a.sections[2].items.map((i) => i.projectId)).toEqual([3, 5]);
  });

  it("(四) overdue 督办 only, (五) groups behind pace beyond the tolerance", () => {
    const a = buildAgenda(
      input({
        projects: [project({ id: 1, stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-11-01" } })],
        supervision: [supervision({ id: 1, projectId: 1, deadline: "2026-12-01", openedOn: "2026-11-01" }), supervision({ id: 2, projectId: 1, deadline: "2026-12-30", openedOn: "2026-11-01" }), supervision({ id: 3, projectId: 1, deadline: "2026-12-01", openedOn: "2026-11-01", closedOn: "2026-12-02" })],
        groupPace: [
          { name: "新能源组", completion: 0.5, share: 0.93 },
          { name: "数字经济组", completion: 0.9, share: 0.93 },
          { name: "无目标组", completion: null, share: 0.93 },
        ],
      }),
    );
    expect(a.sections[3].items.map((i) => i.title)).toEqual(["#1 测试项目（测试公司）：用地指标"]);
    expect(a.sections[3].items[0].lines[0]).toContain("已逾期6天");
    expect(a.sections[4].items.map((i) => [i.title, i.lines[0]])).toEqual([["新能源组", "协议资金完成50%，低于序时进度 43 个百分点"]]);
  });
});
