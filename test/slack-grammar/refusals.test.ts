import { describe, expect, it } from "vitest";
import { SUBCOMMAND_INFO } from "../../src/slack-grammar/index.ts";
import { refused } from "./helpers.ts";

// Every refusal says what was wrong (the `says` fragments) and shows a
// concrete example of the right way (the subcommand's example line).

const EX = Object.fromEntries(Object.entries(SUBCOMMAND_INFO).map(([k, v]) => [k, v.example])) as Record<keyof typeof SUBCOMMAND_INFO, string>;

type Case = [text: string, says: string[], example: string];

function check(text: string, says: string[], example: string) {
  const error = refused(text);
  for (const s of says) expect(error).toContain(s);
  expect(error).toContain(example);
  expect(error.length).toBeLessThan(2000);
}

describe("unknown subcommand: suggests the closest and shows /project 帮助", () => {
  it.each([
    ["跟新 #12", ["不认识的子命令“跟新”", "更新（update）", "/project 帮助"], EX.update],
    ["修改 #12 阶段=签约", ["是不是想用：更新（update）"], EX.update],
    ["updat #12", ["更新（update）"], EX.update],
    ["添加 锂电池", ["新建（new）"], EX.new],
    ["lst", ["列表（list）"], EX.list],
    ["挂牌 #7", ["督办（supervise）"], EX.supervise],
    ["周报", ["调度（digest）"], EX.digest],
    ["？", ["帮助（help）"], EX.help],
    ["abcdefgh", ["可用的子命令：新建、更新、查看", "/project 帮助"], EX.update],
    ["锂电池 阶段=签约", ["更新项目请以“更新”开头", "/project 帮助"], EX.update],
    ['"更新" #12', ["不认识的子命令"], EX.update],
    ["#12 阶段=签约", ["不认识的子命令"], EX.update],
  ] as Case[])("%j", check);
});

describe("quoting and field syntax", () => {
  it.each([
    ['更新 #12 进展="已完成 土地摘牌', ["引号没有配对", "缺少结尾的引号"], EX.update],
    ["更新 #12 进展=“已完成 土地摘牌", ["引号没有配对"], EX.update],
    ["新建 「锂电 二期 投资方=x", ["引号没有配对"], EX.new],
    ["更新 #12 =签约", ["等号前缺少字段名", "阶段=签约"], EX.update],
    ["更新 #12 进展=已完成 土地摘牌", ["多出的文字“土地摘牌”", '进展="已完成 土地摘牌"'], EX.update],
    ["更新 #12 阶段 签约", ["“阶段 签约”中间缺少等号", "阶段=签约"], EX.update],
    ['更新 #12 进展 "a b"', ["缺少等号", '进展="a b"'], EX.update],
    ["更新 #12 已完成土地摘牌", ["多出的文字", '进展="已完成土地摘牌"'], EX.update],
    ["更新 #12 #13 阶段=签约", ["一次只能操作一个项目", "#13"], EX.update],
    ["更新 #12 进展=A&amp;B &lt;一期&gt;", ["多出的文字"], EX.update],
  ] as Case[])("%j", check);
});

describe("keys", () => {
  it.each([
    ["更新 #12 foo=bar", ["不认识的字段“foo”", "“更新”可用的字段：", "阶段(stage)", "到位日期(funds_date)"], EX.update],
    ["更新 #12 阶断=签约", ["不认识的字段“阶断”", "是不是想写“阶段”", "阶段=签约"], EX.update],
    ["更新 #12 事项=土地", ["“事项”不能用于“更新”", "“更新”可用的字段"], EX.update],
    ["督办 #7 阶段=签约", ["“阶段”不能用于“督办”", "事项(issue)、责任人(owner)、期限(deadline)"], EX.supervise],
    ["新建 锂电 原因=x", ["“原因”不能用于“新建”"], EX.new],
    ["查看 #12 阶段=签约", ["“查看”不需要字段"], EX.show],
    ["更新 #12 阶段=签约 stage=开工", ["“阶段”写了两次", "阶段=签约"], EX.update],
    ["更新 #12 阶段=", ["阶段没有填写内容", "阶段=签约"], EX.update],
    ['更新 #12 阶段=""', ["阶段没有填写内容"], EX.update],
    ['新建 锂电 问题=""', ["问题没有填写内容"], EX.new],
    ['更新 #12 投资方=""', ["投资方没有填写内容"], EX.update],
  ] as Case[])("%j", check);
});

describe("values", () => {
  it.each([
    ["更新 #12 阶段=签了", ["阶段“签了”无法识别", "线索、洽谈、签约、注册、开工、投产、达产、终止"], EX.update],
    ["更新 #12 截止=下个月", ["截止“下个月”无法识别", "12-15", "2026年12月15日", "明天", "7天后"], EX.update],
    ["更新 #12 截止=2026-02-30", ["不存在"], EX.update],
    ["更新 #12 协议资金=2.5", ["协议资金", "无法确定单位", "2.5亿 或 25000万"], EX.update],
    ["更新 #12 协议资金=-3000万", ["不能为负数"], EX.update],
    ["更新 #12 协议资金=三千万", ["阿拉伯数字"], EX.update],
    ["更新 #12 产值=3000美元", ["单位无法识别"], EX.update],
    ["更新 #12 到位=-500万", ["不能为负数", "到位=+3000万"], EX.update],
    ["更新 #12 到位=0", ["不能为 0"], EX.update],
    ["更新 #12 来源=外省", ["来源“外省”无法识别", "市外、区外市内 或 区内"], EX.update],
    ["更新 #12 类别=农业", ["类别“农业”无法识别", "工业 或 服务业"], EX.update],
    ["更新 #12 责任人=王小峡", ["责任人“王小峡”不是 Slack 成员", "@"], EX.update],
    ["更新 #12 责任人=<@U1> 张三", ["多出的文字“张三”"], EX.update],
    ["列表 灯=紫", ["灯“紫”无法识别", "红、黄 或 绿"], EX.list],
    ["督办 #7 事项=x 负责人=<@U1> <@U2>", ["多出的文字"], EX.supervise],
    ['督办 #7 事项=x 负责人="<@U1> <@U2>"', ["只能写一个人"], EX.supervise],
    [`更新 #12 进展="${"长".repeat(501)}"`, ["进展太长"], EX.update],
    [`查看 ${"名".repeat(101)}`, ["太长"], EX.show],
    ["更新 #12 到位=100 到位日期=12-15", ["到位日期“12-15”（2026-12-15）晚于今天"], EX.update],
    ["更新 #12 阶段=签约 阶段日期=明天", ["晚于今天"], EX.update],
  ] as Case[])("%j", check);
});

describe("project references", () => {
  it.each([
    ["更新 #0 阶段=签约", ["项目编号“0”不存在", "#12"], EX.update],
    ["查看 #12a", ["项目编号“#12a”无法识别", "#12"], EX.show],
    ["查看 #99999999999", ["不存在"], EX.show],
    ["查看", ["请写明要查看哪个项目"], EX.show],
    ["新建 #12 投资方=x", ["新建项目不需要编号", "/project 更新 #12"], EX.new],
    ['新建 锂电池 名称="锂电池二期"', ["项目名称写了两次"], EX.new],
  ] as Case[])("%j", check);
});

describe("rules of 更新 and 新建 that need only the text", () => {
  it.each([
    ['更新 #12 原因="调整"', ["“原因”用于说明阶段变更", '原因="投资方调整计划"'], EX.update],
    ["更新 #12 阶段=终止", ["终止项目需要写明原因", '阶段=终止 原因="投资方调整计划"'], EX.update],
    ["更新 #12 阶段日期=11-20", ["“阶段日期”需要和“阶段”一起写"], EX.update],
    ["更新 #12 到位日期=11-20", ["“到位日期”需要和“到位”一起写", "到位=+3000万 到位日期=11-20"], EX.update],
    ["新建 锂电 阶段=终止", ["新建的项目不能是“终止”阶段"], EX.new],
  ] as Case[])("%j", check);
});

describe("到位 督办 销号 列表 排名 调度", () => {
  it.each([
    ["到位 #7 -500万", ["到位金额“-500万”不能为负数", "/project 到位 #7 +500万"], EX.funds],
    ["到位 #7 0万", ["不能为 0"], EX.funds],
    ["到位 #7 1.5", ["无法确定单位", "1.5亿"], EX.funds],
    ["到位 #7 500万 12-15", ["晚于今天"], EX.funds],
    ["到位 #7 500万 下个月", ["到位日期“下个月”无法识别"], EX.funds],
    ["到位 #7 500万 到位=600万", ["金额写了两次"], EX.funds],
    ["到位 #7 500万 2026-11-20 第二笔", ["多出的文字“第二笔”", '说明="第二笔"'], EX.funds],
    ["到位 #7 说明 第二笔", ["“说明 第二笔”中间缺少等号", "说明=第二笔"], EX.funds],
    ["督办 #7 土地指标未落实", ["多出的文字", '事项="土地指标未落实"'], EX.supervise],
    ["销号", ["请写明要销号的督办事项编号"], EX.close],
    ["销号 督办", ["请写明督办事项的编号"], EX.close],
    ["销号 督办0", ["督办编号“0”不存在"], EX.close],
    ["销号 督办12 已解决", ["多出的文字“已解决”", '说明="已解决"'], EX.close],
    ["列表 紫色", ["看不懂“紫色”", "工作组=新能源组"], EX.list],
    ["滞后 新能源组 工作组=新能源组", ["工作组写了两次"], EX.stalled],
    ["排名 季度", ["看不懂“季度”", "单位"], EX.rank],
    ["调度 上周", ["多出的文字“上周”", "后面不需要其他内容"], EX.digest],
  ] as Case[])("%j", check);
});

describe("all problems of one command come back in one message", () => {
  it("lists each problem once, numbered by bullet", () => {
    const error = refused("更新 #12 阶段=签了 截止=下个月 协议资金=2.5 来源=外省");
    expect(error).toContain("有 4 处需要改正");
    for (const s of ["阶段“签了”", "截止“下个月”", "协议资金", "来源“外省”"]) expect(error).toContain(s);
    expect(error.match(/^• /gm)).toHaveLength(4);
    expect(error).toContain(EX.update);
  });

  it("beyond six, the rest are counted rather than listed", () => {
    const error = refused("更新 #12 a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8");
    expect(error).toContain("有 8 处需要改正");
    expect(error).toContain("另有 2 处问题");
    expect(error.length).toBeLessThan(2000);
  });
});

describe("hostile length", () => {
  it("text over 4,000 characters is refused without being parsed", () => {
    const error = refused(`更新 #12 进展=${"啊".repeat(5000)}`);
    expect(error).toContain("内容太长");
    expect(error).toContain("/project 更新 #12");
  });

  it("echoed user text is cut short", () => {
    const error = refused(`更新 #12 阶段=${"签".repeat(900)}`);
    expect(error).toContain("…");
    expect(error.length).toBeLessThan(400);
  });
});
