import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { LedgerValidationError, importLedger, type LedgerProblem } from "../../src/ledger/index.ts";
import { upsertGroup, upsertUnit } from "../../src/store/directory.ts";
import { createProject } from "../../src/store/projects.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { newProject } from "../fixtures/factories.ts";
import { storeCounts, table, tempDir, writeXlsx, type Cell } from "./helpers.ts";

const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES };
let store: TestStore;
const tmp = tempDir();

beforeAll(async () => {
  store = await createTestStore();
  await upsertUnit(store.db, { name: "区商务委", kind: "DEPARTMENT" });
  await upsertGroup(store.db, { name: "已有工作组", leaderName: "", leaderSlackId: null, commissioners: "", focus: "", channelId: null });
  await createProject(store.db, newProject({ name: "系统已有项目", investor: "老投资方" }), opts.actor);
});
afterAll(async () => {
  await store.destroy();
  tmp.remove();
});

async function problemsOf(file: string): Promise<LedgerProblem[]> {
  const before = await storeCounts(store.db);
  const error = await importLedger(store.db, file, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerValidationError);
  expect(await storeCounts(store.db)).toEqual(before); // nothing written
  return (error as LedgerValidationError).problems;
}

/** Each expected [sheet, row, column, part of reason] matches exactly one problem, and there are no others. */
function expectProblems(problems: LedgerProblem[], expected: [string, number, string, string][]) {
  const shown = problems.map((p) => `${p.sheet}|${p.row}|${p.column}|${p.reason}`);
  for (const [sheet, row, column, part] of expected) {
    const hits = problems.filter((p) => p.sheet === sheet && p.row === row && p.column === column && p.reason.includes(part));
    expect(hits, `${sheet} 第${row}行 ${column} “${part}” in\n${shown.join("\n")}`).toHaveLength(1);
  }
  expect(shown.length, shown.join("\n")).toBe(expected.length);
  // Every reason is Chinese and says how to put it right.
  for (const p of problems) expect(p.reason).toMatch(/请/);
}

const ok = { investor: "某公司", origin: "市外", sector: "工业", stage: "签约", date_SIGNED: "2026-05-20" };

describe("ledger validation", () => {
  it("reports every problem of every sheet with its row and column, and writes nothing", async () => {
    const file = tmp.file("bad.xlsx");
    const directory: Record<string, Cell>[] = [
      { type: "工作组", name: "新材料组", leaderName: "李四", members: "U0A、U0B", year: 2026, majorCount: 1, agreedWan: "50亿" }, // 2
      { type: "园区", name: "白涛园区" }, // 3
      { type: "园区", name: "李渡园区", leaderName: "某某" }, // 4
      { type: "省级部门", name: "省发改委" }, // 5
      { type: "工作组", name: "新材料组", leaderName: "王五", year: 2027 }, // 6
      { type: "园区", name: "白涛园区", year: 2026, keyCount: 3 }, // 7
      { type: "园区", name: "白涛园区", year: "2026年", keyCount: 4 }, // 8
      { type: "区级部门", name: "白涛园区" }, // 9
      { type: "园区", name: "" , year: 2026 }, // 10
      { type: "园区", name: "空年度园区", majorCount: 3 }, // 11
      { type: "工作组", name: "频道组", channelId: "#招商", leaderSlackId: "U0X、U0Y" }, // 12
      { type: "乱写", name: "示例：某园区" }, // 13, example: skipped
      { type: "园区", name: "目标有误园区", year: 2026, largeCount: 1.5, arrivedWan: "很多" }, // 14
    ];
    const projects: Record<string, Cell>[] = [
      { ...ok, name: "好项目", group: "新材料组", leadUnit: "白涛园区", coUnits: "区商务委" }, // 2
      { ...ok, name: "" }, // 3
      { ...ok, name: "来源错", origin: "省外" }, // 4
      { ...ok, name: "金额错", agreedWan: "3000美元", outputWan: 12.5 }, // 5
      { ...ok, name: "日期不存在", date_SIGNED: "2026-02-30" }, // 6
      { ...ok, name: "日期是数字", date_SIGNED: 20261120 }, // 7
      { ...ok, name: "工作组错", group: "新材料" }, // 8
      { ...ok, name: "单位错", leadUnit: "白涛", coUnits: "区商务委、无名单位", landingUnit: "不存在园区" }, // 9
      { ...ok, name: "好项目", group: "已有工作组" }, // 10: same (名称, 投资方) as row 2
      { ...ok, name: "缺签约日期", date_SIGNED: null }, // 11
      { ...ok, name: "终止无原因", stage: "终止", date_DROPPED: "2026-06-01" }, // 12
      { ...ok, name: "阶段超前", date_STARTED: "2026-07-01" }, // 13
      { ...ok, name: "未终止有终止日期", stage: "洽谈", date_SIGNED: null, date_NEGOTIATING: "2026-01-01", date_DROPPED: "2026-03-01" }, // 14
      { ...ok, name: "日期倒序", date_NEGOTIATING: "2026-06-01", date_SIGNED: "2026-03-01" }, // 15
      { ...ok, name: "配合含牵头", leadUnit: "白涛园区", coUnits: "白涛园区、区商务委" }, // 16
      { ...ok, name: "责任人错", responsibles: "张三、U0OK" }, // 17
      { ...ok, name: "阶段错", stage: "谈判中了" }, // 18
      { ...ok, name: "示例：坏项目", origin: "???" }, // 19, example: skipped
      { ...ok, name: "缺产业类别", sector: "" }, // 20
      { ...ok, name: "截止日期错", nextStepDue: "明年三月" }, // 21
      { ...ok, name: "堵点类型错", blockers: "指标未落实", blockerKind: "土地" }, // 22
      { ...ok, name: "堵点类型对", blockers: "指标未落实", blockerKind: "用地", blockerUnit: "区发改委" }, // 23
    ];
    const funds: Record<string, Cell>[] = [
      { name: "好项目", investor: "某公司", date: "2026/06/01", amountWan: 500 }, // 2
      { name: "没有的项目", investor: "某公司", date: "2026-06-01", amountWan: 500 }, // 3
      { name: "系统已有项目", investor: "老投资方", date: "2026年6月2日", amountWan: "1.5亿" }, // 4
      { name: "好项目", investor: "某公司", date: "2026-06-01", amountWan: 0 }, // 5
      { name: "好项目", investor: "某公司", date: null, amountWan: 100 }, // 6
      { name: "来源错", investor: "某公司", date: "2026-06-01", amountWan: 100 }, // 7: its project row is bad, not reported again
    ];
    await writeXlsx(file, { 项目: table("projects", projects), 到位资金: table("funds", funds), 工作组与单位: table("directory", directory) });

    expectProblems(await problemsOf(file), [
      ["项目", 3, "项目名称*", "不能为空"],
      ["项目", 4, "项目来源", "“省外”无法识别"],
      ["项目", 5, "协议资金(万元)", "单位无法识别"],
      ["项目", 5, "年产值(万元)", "不是整数万元"],
      ["项目", 6, "签约日期", "不存在"],
      ["项目", 7, "签约日期", "是数字而不是日期"],
      ["项目", 8, "专项工作组", "是否指“新材料组”"],
      ["项目", 9, "牵头单位", "单位“白涛”不存在（是否指“白涛园区”？）"],
      ["项目", 9, "配合单位", "单位“无名单位”不存在"],
      ["项目", 9, "落地单位", "单位“不存在园区”不存在"],
      ["项目", 10, "项目名称*", "与第 2 行是同一项目"],
      ["项目", 11, "签约日期", "须填写签约日期"],
      ["项目", 12, "终止原因", "请填写终止原因"],
      ["项目", 13, "开工日期", "开工日期应留空"],
      ["项目", 14, "终止日期", "终止日期应留空"],
      ["项目", 15, "签约日期", "早于洽谈日期"],
      ["项目", 16, "配合单位", "不能再写牵头单位“白涛园区”"],
      ["项目", 17, "责任人", "“张三”不是 Slack 用户 ID"],
      ["项目", 18, "当前阶段", "“谈判中了”无法识别"],
      ["项目", 20, "产业类别", "不能为空"],
      ["项目", 21, "下一步截止", "“明年三月”无法识别"],
      ["项目", 22, "堵点类型", "堵点类型“土地”无法识别：请填写 “规划”、“用地”、“环评”"],
      ["到位资金", 3, "项目名称*", "找不到项目“没有的项目”"],
      ["到位资金", 5, "金额(万元)*", "须大于 0"],
      ["到位资金", 6, "到位日期*", "不能为空"],
      ["工作组与单位", 4, "组长", "园区不填这一列"],
      ["工作组与单位", 5, "类型*", "“省级部门”无法识别"],
      ["工作组与单位", 6, "组长", "与第 2 行填写的“李四”不一致"],
      ["工作组与单位", 8, "目标年度", "已在第 7 行填写"],
      ["工作组与单位", 9, "类型*", "与第 3 行的类型“园区”不一致"],
      ["工作组与单位", 10, "名称*", "不能为空"],
      ["工作组与单位", 11, "目标年度", "没有填目标年度"],
      ["工作组与单位", 12, "组长Slack ID", "只能填写一个"],
      ["工作组与单位", 12, "Slack频道", "不是 Slack 频道 ID"],
      ["工作组与单位", 14, "较大项目目标", "不是整数个数"],
      ["工作组与单位", 14, "到位资金目标(万元)", "无法识别"],
    ]);
  });

  it("checks the header row: unknown, missing and repeated columns, unknown sheets", async () => {
    const file = tmp.file("headers.xlsx");
    const rows = table("funds", [{ name: "系统已有项目", investor: "老投资方", date: "2026-06-01", amountWan: 1 }]);
    rows[0] = ["项目名称", "投资方＊", "到位日期", "金额", "备注", "备注"]; // no *, full-width *, 金额 without unit, 备注 twice
    await writeXlsx(file, { 到位资金: rows, 台账汇总: [["随便"], ["一些数据"]], Sheet3: [] });
    expectProblems(await problemsOf(file), [
      ["到位资金", 1, "金额", "是否指“金额(万元)*”"],
      ["到位资金", 1, "备注", "出现了两次"],
      ["到位资金", 1, "金额(万元)*", "缺少“金额(万元)*”列"],
      ["台账汇总", 1, "", "无法识别的工作表「台账汇总」"],
    ]);
  });

  it("refuses files it cannot read as a ledger", async () => {
    const file = tmp.file("ledger.xls");
    await writeXlsx(file, { 项目: [] });
    expectProblems(await problemsOf(file), [["ledger.xls", 1, "", "另存为” .xlsx"]]);
  });
});
