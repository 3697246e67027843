import { describe, expect, it } from "vitest";
import type { ProjectCommand } from "../../src/slack-grammar/index.ts";
import { accepted } from "./helpers.ts";

type Case = [text: string, expected: ProjectCommand];

const id = (n: number) => ({ kind: "id" as const, id: n });
const named = (text: string) => ({ kind: "name" as const, text });

describe("subcommand words, Chinese and English, any case or width", () => {
  it.each([
    ["", { command: "help", topic: null }],
    ["   ", { command: "help", topic: null }],
    ["\u3000\u3000", { command: "help", topic: null }],
    ["帮助", { command: "help", topic: null }],
    ["help", { command: "help", topic: null }],
    ["HELP", { command: "help", topic: null }],
    ["ｈｅｌｐ", { command: "help", topic: null }],
    ["帮助 更新", { command: "help", topic: "update" }],
    ["help funds", { command: "help", topic: "funds" }],
    ["帮助 督办", { command: "help", topic: "supervise" }],
    ["帮助 不存在的", { command: "help", topic: null }],
    ["调度", { command: "digest" }],
    ["digest", { command: "digest" }],
    ["Digest", { command: "digest" }],
    ["#12", { command: "show", project: id(12) }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("新建 new", () => {
  it.each([
    ["新建", { command: "new", fields: {}, missing: ["name", "investor", "origin", "sector"], needsForm: true }],
    ["new", { command: "new", fields: {}, missing: ["name", "investor", "origin", "sector"], needsForm: true }],
    [
      "新建 锂电池项目 投资方=宁德时代 协议资金=25亿",
      { command: "new", fields: { name: "锂电池项目", investor: "宁德时代", agreedWan: 250_000 }, missing: ["origin", "sector"], needsForm: true },
    ],
    [
      "新建 锂电池项目 投资方=宁德时代 协议资金=25亿 来源=市外 类别=工业",
      {
        command: "new",
        fields: { name: "锂电池项目", investor: "宁德时代", agreedWan: 250_000, origin: "OUTSIDE_CITY", sector: "INDUSTRY" },
        missing: [],
        needsForm: false,
      },
    ],
    [
      'new name="Li battery phase 2" investor=CATL agreed=3000万 output=2.5亿 origin=IN_CITY_OUTSIDE_DISTRICT sector=service stage=negotiating',
      {
        command: "new",
        fields: {
          name: "Li battery phase 2",
          investor: "CATL",
          agreedWan: 3000,
          outputWan: 25_000,
          origin: "IN_CITY_OUTSIDE_DISTRICT",
          sector: "SERVICE",
          stage: "NEGOTIATING",
        },
        missing: [],
        needsForm: false,
      },
    ],
    [
      "新建 智能网联 汽车零部件 投资方=某某科技 来源=区内 行业=服务业 工作组=新能源组 牵头单位=高新区 配合单位=区发改委、区商务委,区经信委 落地单位=临港经济区 产业链=新能源 包联领导=张三 责任人=<@U01AAA> <@U02BBB|li>",
      {
        command: "new",
        fields: {
          name: "智能网联 汽车零部件",
          investor: "某某科技",
          origin: "IN_DISTRICT",
          sector: "SERVICE",
          group: "新能源组",
          leadUnit: "高新区",
          coUnits: ["区发改委", "区商务委", "区经信委"],
          landingUnit: "临港经济区",
          industryChain: "新能源",
          leader: "张三",
          responsibleUserIds: ["U01AAA", "U02BBB"],
        },
        missing: [],
        needsForm: false,
      },
    ],
    [
      "新建 名称=「涪陵 页岩气」 投资方：中石化 来源＝市外 类别:工业 下一步=签约 截止=12月31日 问题=用地 进展=首次洽谈",
      {
        command: "new",
        fields: {
          name: "涪陵 页岩气",
          investor: "中石化",
          origin: "OUTSIDE_CITY",
          sector: "INDUSTRY",
          nextStep: "签约",
          due: "2026-12-31",
          blockers: "用地",
          progress: "首次洽谈",
        },
        missing: [],
        needsForm: false,
      },
    ],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("更新 update", () => {
  it.each([
    ["更新", { command: "update", needsForm: true, project: null, changes: {} }],
    ["更新 #12", { command: "update", needsForm: true, project: id(12), changes: {} }],
    ["update ＃１２", { command: "update", needsForm: true, project: id(12), changes: {} }],
    ["更新 # 12 阶段=签约", { command: "update", needsForm: false, project: id(12), changes: { stage: "SIGNED" } }],
    ["更新 锂电池", { command: "update", needsForm: true, project: named("锂电池"), changes: {} }],
    ["更新 阶段=签约", { command: "update", needsForm: true, project: null, changes: { stage: "SIGNED" } }],
    ["更新 阶段=签约 #12", { command: "update", needsForm: false, project: id(12), changes: { stage: "SIGNED" } }],
    [
      '更新 #12 阶段=签约 进展="已完成土地摘牌" 截止=12-15',
      { command: "update", needsForm: false, project: id(12), changes: { stage: "SIGNED", progress: "已完成土地摘牌", due: "2026-12-15" } },
    ],
    [
      "update #12 stage=signed progress=done next=sign due=2026/12/15 blockers=land reason=x",
      {
        command: "update",
        needsForm: false,
        project: id(12),
        changes: { stage: "SIGNED", progress: "done", nextStep: "sign", due: "2026-12-15", blockers: "land", reason: "x" },
      },
    ],
    ["update #12 note=ok deadline=明天 issue=无", { command: "update", needsForm: false, project: id(12), changes: { progress: "ok", due: "2026-11-24", blockers: "无" } }],
    [
      '更新 "锂电 二期" 阶段=开工 阶段日期=11-20',
      { command: "update", needsForm: false, project: named("锂电 二期"), changes: { stage: "STARTED", stageDate: "2026-11-20" } },
    ],
    ["更新 “锂电 二期” 阶段=开工", { command: "update", needsForm: false, project: named("锂电 二期"), changes: { stage: "STARTED" } }],
    ["更新 「锂电 二期」 阶段=开工", { command: "update", needsForm: false, project: named("锂电 二期"), changes: { stage: "STARTED" } }],
    ["更新 锂电池 二期 阶段=开工", { command: "update", needsForm: false, project: named("锂电池 二期"), changes: { stage: "STARTED" } }],
    ["更新 #12 阶段 = 投产", { command: "update", needsForm: false, project: id(12), changes: { stage: "PRODUCING" } }],
    ["更新 #12 阶段= 投产", { command: "update", needsForm: false, project: id(12), changes: { stage: "PRODUCING" } }],
    ["更新 #12 阶段 =投产", { command: "update", needsForm: false, project: id(12), changes: { stage: "PRODUCING" } }],
    ["更新\u3000#12\u3000阶段＝达产", { command: "update", needsForm: false, project: id(12), changes: { stage: "AT_CAPACITY" } }],
    // 拿地 is a milestone of the 开工拿地 node, not a stage: recorded today, the stage stays.
    ["更新 #12 阶段：拿地", { command: "update", needsForm: false, project: id(12), changes: { landOn: "2026-11-23" } }],
    ["更新 #12 stage:at-capacity", { command: "update", needsForm: false, project: id(12), changes: { stage: "AT_CAPACITY" } }],
    [
      '更新 #12 阶段=终止 原因="投资方调整计划"',
      { command: "update", needsForm: false, project: id(12), changes: { stage: "DROPPED", reason: "投资方调整计划" } },
    ],
    [
      "更新 #12 到位=+3000万 到位日期=11-20",
      { command: "update", needsForm: false, project: id(12), changes: { fundsWan: 3000, fundsDate: "2026-11-20" } },
    ],
    ["update #12 funds=2.5亿 funds_date=昨天", { command: "update", needsForm: false, project: id(12), changes: { fundsWan: 25_000, fundsDate: "2026-11-22" } }],
    ["update #12 funds=500 date=2026-11-01", { command: "update", needsForm: false, project: id(12), changes: { fundsWan: 500, fundsDate: "2026-11-01" } }],
    [
      "更新 #12 协议资金=1,200万元 产值=３０００万 投资方=宁德时代 名称=新名字",
      { command: "update", needsForm: false, project: id(12), changes: { agreedWan: 1200, outputWan: 3000, investor: "宁德时代", name: "新名字" } },
    ],
    ["update #12 investment=30000000元", { command: "update", needsForm: false, project: id(12), changes: { agreedWan: 3000 } }],
    [
      "更新 #12 责任人=<@U1AAAA>、<@U2BBBB|王> 截止=无 问题=\"\" 下一步=“” 包联领导=''",
      {
        command: "update",
        needsForm: false,
        project: id(12),
        changes: { responsibleUserIds: ["U1AAAA", "U2BBBB"], due: null, blockers: "", nextStep: "", leader: "''" },
      },
    ],
    ["update #12 users=U04ABCDE12 co=甲,乙", { command: "update", needsForm: false, project: id(12), changes: { responsibleUserIds: ["U04ABCDE12"], coUnits: ["甲", "乙"] } }],
    ["更新 #12 截止=\"\"", { command: "update", needsForm: false, project: id(12), changes: { due: null } }],
    [
      "更新 #12 进展=完成“三通一平”，下周：开工",
      { command: "update", needsForm: false, project: id(12), changes: { progress: "完成“三通一平”，下周：开工" } },
    ],
    [
      '更新 #12 进展="他说“好”，（已确认）：下周开工"',
      { command: "update", needsForm: false, project: id(12), changes: { progress: "他说“好”，（已确认）：下周开工" } },
    ],
    ["更新 #12 进展=“a 「b」 c”", { command: "update", needsForm: false, project: id(12), changes: { progress: "a 「b」 c" } }],
    ["更新 #12 进展=‘a b’", { command: "update", needsForm: false, project: id(12), changes: { progress: "a b" } }],
    ["更新 #12 进展=\"锂电 二期”", { command: "update", needsForm: false, project: id(12), changes: { progress: "锂电 二期" } }],
    ["更新 #12 进展=A&amp;B", { command: "update", needsForm: false, project: id(12), changes: { progress: "A&B" } }],
    ["更新 #12 进展=\"A&amp;B &lt;一期&gt;\"", { command: "update", needsForm: false, project: id(12), changes: { progress: "A&B <一期>" } }],
    ["更新 #12 进展=会议定于10:30召开", { command: "update", needsForm: false, project: id(12), changes: { progress: "会议定于10:30召开" } }],
    ["更新 #12 进展=👨‍👩‍👧签约🎉", { command: "update", needsForm: false, project: id(12), changes: { progress: "👨‍👩‍👧签约🎉" } }],
    ["更新 一期：厂房 阶段=开工", { command: "update", needsForm: false, project: named("一期：厂房"), changes: { stage: "STARTED" } }],
    ["更新 #12\u200B 阶段=签约", { command: "update", needsForm: false, project: id(12), changes: { stage: "SIGNED" } }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("查看 show", () => {
  it.each([
    ["查看 #12", { command: "show", project: id(12) }],
    ["show #7", { command: "show", project: id(7) }],
    ["查看 锂电池", { command: "show", project: named("锂电池") }],
    ["查看 锂电池 二期", { command: "show", project: named("锂电池 二期") }],
    ['查看 "锂电池  二期"', { command: "show", project: named("锂电池 二期") }],
    ["查看 12", { command: "show", project: named("12") }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("列表 list", () => {
  it.each([
    ["列表", { command: "list", filters: { mine: false } }],
    ["list mine", { command: "list", filters: { mine: true } }],
    ["列表 我的", { command: "list", filters: { mine: true } }],
    ["列表 工作组=新能源组 阶段=签约 灯=红", { command: "list", filters: { mine: false, group: "新能源组", stage: "SIGNED", light: "RED" } }],
    ["list group=A stage=lead light=yellow", { command: "list", filters: { mine: false, group: "A", stage: "LEAD", light: "YELLOW" } }],
    ["列表 绿灯 投产 我的", { command: "list", filters: { mine: true, light: "GREEN", stage: "PRODUCING" } }],
    ["列表 灯=🔴", { command: "list", filters: { mine: false, light: "RED" } }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("到位 funds", () => {
  it.each([
    ["到位", { command: "funds", needsForm: true, project: null, date: "2026-11-23" }],
    ["到位 #7", { command: "funds", needsForm: true, project: id(7), date: "2026-11-23" }],
    ["到位 #7 2026-11-20", { command: "funds", needsForm: true, project: id(7), date: "2026-11-20" }],
    ["到位 500万", { command: "funds", needsForm: true, project: null, amountWan: 500, date: "2026-11-23" }],
    ["到位 #7 +500万", { command: "funds", needsForm: false, project: id(7), amountWan: 500, date: "2026-11-23" }],
    ["到位 #7 ＋５００万", { command: "funds", needsForm: false, project: id(7), amountWan: 500, date: "2026-11-23" }],
    ["到位 #7 500万 2026-11-20", { command: "funds", needsForm: false, project: id(7), amountWan: 500, date: "2026-11-20" }],
    ["funds #7 2.5亿 昨天", { command: "funds", needsForm: false, project: id(7), amountWan: 25_000, date: "2026-11-22" }],
    ["到位 #7 1,200 11月20日", { command: "funds", needsForm: false, project: id(7), amountWan: 1200, date: "2026-11-20" }],
    ["到位 #7 11-20 500万", { command: "funds", needsForm: false, project: id(7), amountWan: 500, date: "2026-11-20" }],
    [
      '到位 #7 到位=+500万 到位日期=11-20 说明="第二笔"',
      { command: "funds", needsForm: false, project: id(7), amountWan: 500, date: "2026-11-20", note: "第二笔" },
    ],
    ["funds #7 amount=500 date=11-20 note=ok", { command: "funds", needsForm: false, project: id(7), amountWan: 500, date: "2026-11-20", note: "ok" }],
    ["到位 #7 +500万 备注=首笔", { command: "funds", needsForm: false, project: id(7), amountWan: 500, date: "2026-11-23", note: "首笔" }],
    ["到位 锂电池 二期 500万 11-20", { command: "funds", needsForm: false, project: named("锂电池 二期"), amountWan: 500, date: "2026-11-20" }],
    ["到位 5G基站 500万", { command: "funds", needsForm: false, project: named("5G基站"), amountWan: 500, date: "2026-11-23" }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("督办 supervise", () => {
  it.each([
    ["督办", { command: "supervise", needsForm: true, project: null }],
    ["督办 #7", { command: "supervise", needsForm: true, project: id(7) }],
    [
      '督办 #7 事项="土地指标" 负责人=<@U1> 期限=12-31',
      { command: "supervise", needsForm: false, project: id(7), issue: "土地指标", owner: { kind: "user", userId: "U1" }, deadline: "2026-12-31" },
    ],
    [
      "supervise #7 issue=land owner=区规划局 deadline=+30",
      { command: "supervise", needsForm: false, project: id(7), issue: "land", owner: { kind: "name", text: "区规划局" }, deadline: "2026-12-23" },
    ],
    ["督办 #7 问题=环评 截止=下周五", { command: "supervise", needsForm: false, project: id(7), issue: "环评", deadline: "2026-12-04" }],
    ["督办 #7 负责人=<@U9|wang>", { command: "supervise", needsForm: true, project: id(7), owner: { kind: "user", userId: "U9" } }],
    ["督办 锂电池 事项=用地", { command: "supervise", needsForm: false, project: named("锂电池"), issue: "用地" }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("销号 close", () => {
  it.each([
    ['销号 督办12 说明="已解决"', { command: "close", target: { kind: "supervision", id: 12 }, note: "已解决" }],
    ["销号 督办 12", { command: "close", target: { kind: "supervision", id: 12 } }],
    ["销号 督办#12", { command: "close", target: { kind: "supervision", id: 12 } }],
    ["销号 督办 ＃１２", { command: "close", target: { kind: "supervision", id: 12 } }],
    ["close sup12 note=done", { command: "close", target: { kind: "supervision", id: 12 }, note: "done" }],
    ["销号 #7", { command: "close", target: { kind: "project", project: id(7) } }],
    ["销号 #7 备注=指标已落实", { command: "close", target: { kind: "project", project: id(7) }, note: "指标已落实" }],
    ["销号 锂电池", { command: "close", target: { kind: "project", project: named("锂电池") } }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});

describe("滞后 stalled, 排名 rank", () => {
  it.each([
    ["滞后", { command: "stalled" }],
    ["stalled", { command: "stalled" }],
    ["滞后 工作组=新能源组", { command: "stalled", group: "新能源组" }],
    ["stalled group=新能源组", { command: "stalled", group: "新能源组" }],
    ["滞后 新能源组", { command: "stalled", group: "新能源组" }],
    ["排名", { command: "rank", by: "group" }],
    ["rank", { command: "rank", by: "group" }],
    ["排名 工作组", { command: "rank", by: "group" }],
    ["排名 单位", { command: "rank", by: "unit" }],
    ["rank unit", { command: "rank", by: "unit" }],
    ["rank Groups", { command: "rank", by: "group" }],
  ] as Case[])("%j", (text, expected) => {
    expect(accepted(text)).toEqual(expected);
  });
});
