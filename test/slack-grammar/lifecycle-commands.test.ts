import { describe, expect, it } from "vitest";
import { accepted, refused } from "./helpers.ts";

const id = (n: number) => ({ kind: "id", id: n }) as const;

// 未来订单 and the 拿地 milestone as typed (today is 2026-11-23, see helpers.ts).

describe("/project 更新 … 拿地", () => {
  it.each<[string, Record<string, unknown>]>([
    ["更新 #12 拿地=11-20", { landOn: "2026-11-20" }],
    ["更新 #12 拿地日期=2026-11-23", { landOn: "2026-11-23" }], // today itself is allowed
    ["更新 #12 land=11-20", { landOn: "2026-11-20" }],
    ["更新 #12 阶段=拿地", { landOn: "2026-11-23" }],
    ["更新 #12 阶段=拿地 阶段日期=11-02", { landOn: "2026-11-02" }],
    ["更新 #12 阶段=签约 阶段日期=11-10 拿地=11-20", { stage: "SIGNED", stageDate: "2026-11-10", landOn: "2026-11-20" }],
    ['更新 #12 拿地=""', { landOn: null }],
    ["更新 #12 拿地=无", { landOn: null }],
  ])("%s", (text, changes) => {
    expect(accepted(text)).toEqual({ command: "update", needsForm: false, project: id(12), changes });
  });

  it.each<[string, string]>([
    ["更新 #12 拿地=11-24", "晚于今天"], // tomorrow: only what happened
    ["更新 #12 阶段=拿地 拿地=11-20", "写的是同一项"],
    ["更新 #12 拿地=下周", "拿地"],
    ["新建 锂电池项目 投资方=宁德时代 来源=市外 产业类别=工业 阶段=拿地", "“拿地”不是阶段"],
    ["列表 阶段=拿地", "“拿地”不是阶段"],
  ])("%s is refused (%s)", (text, says) => {
    expect(refused(text)).toContain(says);
  });
});

describe("/project 未来订单", () => {
  it.each<[string, Record<string, unknown>]>([
    ['未来订单 #5 类型=增资扩产 名称="智能终端扩产项目" 协议资金=5亿', { parent: id(5), kind: "EXPANSION", fields: { name: "智能终端扩产项目", agreedWan: 50000 } }],
    ["未来订单 #5 智能终端二期项目 类型=二期 阶段=洽谈", { parent: id(5), kind: "PHASE_TWO", fields: { name: "智能终端二期项目", stage: "NEGOTIATING" } }],
    ['followon #5 kind=referral name=配套项目 investor="重庆某某电子有限公司"', { parent: id(5), kind: "REFERRAL", fields: { name: "配套项目", investor: "重庆某某电子有限公司" } }],
    ["未来订单 锂电池 类型=扩产 名称=扩产项目", { parent: { kind: "name", text: "锂电池" }, kind: "EXPANSION", fields: { name: "扩产项目" } }],
  ])("%s", (text, command) => {
    expect(accepted(text)).toEqual({ command: "followOn", ...command });
  });

  it.each<[string, string]>([
    ['未来订单 #5 名称="扩产项目"', "请写明未来订单类型（增资扩产、二期、以商引商）"],
    ['未来订单 #5 类型=三期 名称="扩产项目"', "类型“三期”无法识别：请填写 增资扩产、二期、以商引商 之一"],
    ["未来订单 #5 类型=二期", "请写明新项目的名称"],
    ['未来订单 类型=二期 名称="扩产项目"', "请写明源自哪个已投产、达产项目"],
    ['未来订单 #5 扩产 类型=二期 名称="扩产项目"', "项目名称写了两次"],
    ['未来订单 #5 类型=二期 名称="扩产项目" 阶段=终止', "不能是“终止”阶段"],
  ])("%s is refused (%s)", (text, says) => {
    const error = refused(text);
    expect(error).toContain(says);
    // Every refusal shows the right form.
    expect(error).toContain('/project 未来订单 #12 类型=增资扩产 名称="智能终端扩产项目" 协议资金=5亿');
  });

  it("a mistyped subcommand word suggests 未来订单", () => {
    expect(refused("二期 #5")).toContain("未来订单（followon）");
  });
});
