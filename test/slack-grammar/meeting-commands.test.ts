import { describe, expect, it } from "vitest";
import { accepted, refused } from "./helpers.ts";

describe("卡点= in /project 更新", () => {
  it("takes a kind and a problem: the text without the label, the kind in its own field", () => {
    expect(accepted("更新 #12 卡点=用地:土地指标未落实")).toMatchObject({ command: "update", changes: { blockers: "土地指标未落实", blockerKind: "LAND" } });
    expect(accepted('更新 #12 卡点="用地：土地指标未落实；用地:规划调整未批"')).toMatchObject({ changes: { blockers: "土地指标未落实；规划调整未批", blockerKind: "LAND" } });
  });

  it("one kind per project: two kinds in one 卡点 are refused, naming both", () => {
    expect(refused('更新 #12 卡点="用地：土地指标未落实；环评:批复待省厅"')).toContain("卡点只能填一个类别，这里写了用地、环评");
  });

  it("refuses an unknown kind or a missing one, listing the kinds", () => {
    expect(refused("更新 #12 卡点=土地:指标")).toContain("卡点类别“土地”无法识别：可选 规划、用地、环评、能评、资金、审批、配套、其他");
    expect(refused("更新 #12 卡点=土地指标未落实")).toContain("请写成 类别:问题");
  });

  it("refuses 问题 and 卡点 together: they are the same field", () => {
    expect(refused("更新 #12 问题=x 卡点=用地:y")).toContain("“问题”和“卡点”写的是同一项");
  });
});

describe("堵点类型= and 堵点单位= in /project 更新", () => {
  it("takes the kind by its label or code next to 堵点=, and a department of its own", () => {
    expect(accepted('更新 #12 堵点="土地指标未落实" 堵点类型=用地')).toMatchObject({ changes: { blockers: "土地指标未落实", blockerKind: "LAND" } });
    expect(accepted("更新 #12 blocker_kind=environment")).toMatchObject({ changes: { blockerKind: "ENVIRONMENT" } });
    expect(accepted("更新 #12 堵点类型=资金 堵点单位=区财政局")).toMatchObject({ changes: { blockerKind: "FUNDING", blockerUnit: "区财政局" } });
  });

  it("clears the kind with 无 or \"\", and the department with \"\"", () => {
    expect(accepted("更新 #12 堵点类型=无")).toMatchObject({ changes: { blockerKind: null } });
    expect(accepted('更新 #12 堵点类型="" 堵点单位=""')).toMatchObject({ changes: { blockerKind: null, blockerUnit: "" } });
  });

  it("refuses an unknown kind listing the kinds, and a kind given twice with 卡点", () => {
    expect(refused("更新 #12 堵点类型=土地")).toContain("堵点类型“土地”无法识别：可选 规划、用地、环评、能评、资金、审批、配套、其他");
    expect(refused("更新 #12 卡点=用地:y 堵点类型=环评")).toContain("“卡点”已写明类别，不要再写“堵点类型”");
  });

  it("the update help shows the 堵点类型 example and lists the kinds", () => {
    expect(refused("更新 #12 堵点种类=用地")).toContain("堵点类型");
  });
});

describe("/project 决定 and 散会", () => {
  it("a decision on a project, with every field", () => {
    expect(accepted("决定 #7 事项=协调土地指标 责任单位=区规划自然资源局 责任人=<@U123|wang> 期限=12-31")).toEqual({
      command: "decide",
      project: { kind: "id", id: 7 },
      matter: "协调土地指标",
      unit: "区规划自然资源局",
      owner: { kind: "user", userId: "U123" },
      deadline: "2026-12-31",
    });
  });

  it("a general task without a project; an owner outside Slack by name", () => {
    expect(accepted("决定 事项=梳理闲置厂房 责任单位=区经济信息委 责任人=李科长 期限=12-15")).toMatchObject({ project: null, owner: { kind: "name", text: "李科长" } });
  });

  it("says which fields are missing, with an example", () => {
    const e = refused("决定 #7 事项=协调土地指标");
    expect(e).toContain("决定事项还缺少 责任单位、责任人、期限");
    expect(e).toContain("/project 决定 #7");
  });

  it("散会 takes nothing else", () => {
    expect(accepted("散会")).toEqual({ command: "adjourn" });
    expect(accepted("adjourn")).toEqual({ command: "adjourn" });
    expect(refused("散会 现在")).toContain("现在");
  });
});
