import { describe, expect, it } from "vitest";
import { accepted, refused } from "./helpers.ts";

describe("卡点= in /project 更新", () => {
  it("takes a kind and a problem, written back in the one form the agenda reads", () => {
    expect(accepted("更新 #12 卡点=用地:土地指标未落实")).toMatchObject({ command: "update", changes: { blockers: "用地：土地指标未落实" } });
    expect(accepted('更新 #12 卡点="用地：土地指标未落实；环评:批复待省厅"')).toMatchObject({ changes: { blockers: "用地：土地指标未落实；环评：批复待省厅" } });
  });

  it("refuses an unknown kind or a missing one, listing the kinds", () => {
    expect(refused("更新 #12 卡点=土地:指标")).toContain("卡点类别“土地”无法识别：可选 规划、用地、环评、能评、资金、审批、配套、其他");
    expect(refused("更新 #12 卡点=土地指标未落实")).toContain("请写成 类别:问题");
  });

  it("refuses 问题 and 卡点 together: they are the same field", () => {
    expect(refused("更新 #12 问题=x 卡点=用地:y")).toContain("“问题”和“卡点”写的是同一项");
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
