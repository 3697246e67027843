import { blockerKindList } from "../domain/blockers.ts";
import type ExcelJS from "exceljs";
import { GUIDE_SHEET, TABLES, TABLE_ORDER, type ColumnDef, type TableId } from "./columns.ts";
import { addSheet, type OutRow } from "./workbook.ts";

// The 说明 sheet: what each column means, whether it must be filled, and an
// example, in the words an operator needs; followed by the rules of the
// import as a whole. It is ignored on import.

const DATE_HOW = "格式 2026-11-20（也可写 2026/11/20、2026.11.20、2026年11月20日，或用 Excel 日期单元格）";
const MONEY_HOW = "单位万元，填整数；也可写 3000万、2.5亿";
const UNIT_REF = "须是「工作组与单位」表中或系统里已有的单位名称";

const HELP: Record<TableId, Record<string, [help: string, example: string]>> = {
  projects: {
    id: ["系统内的项目编号，仅供查阅；导入时忽略（项目按“项目名称+投资方”识别）", "12"],
    name: ["项目全称。项目名称和投资方一起识别一个项目：系统中已有的按本行内容更新，没有的新建", "年产5万吨锂电材料项目"],
    investor: ["投资企业全称；尚不确定可写“待定”", "某某新能源科技有限公司"],
    industryChain: ["所属产业链", "新材料"],
    group: ["负责的专项招商工作组，须是「工作组与单位」表中或系统里已有的工作组名称", "新材料产业招商组"],
    leadUnit: [`牵头单位（园区或区级部门），${UNIT_REF}`, "白涛园区"],
    coUnits: [`联合招商的配合单位，多个用“、”分隔，不能包含牵头单位；${UNIT_REF}。金额计入时牵头单位占80%，配合单位平分20%`, "区经济信息委、区商务委"],
    landingUnit: [`项目落地单位，${UNIT_REF}`, "白涛园区"],
    origin: ["市外、区外市内 或 区内，决定协议资金和到位资金计入目标的比例", "市外"],
    sector: ["工业 或 服务业", "工业"],
    agreedWan: [`协议投资额，${MONEY_HOW}；留空为 0`, "25000"],
    outputWan: [`预计年产值，${MONEY_HOW}；留空为 0`, "60000"],
    class: ["由协议资金、年产值和产业类别自动算出（重大/较大/重点/一般项目），仅供查阅；导入时忽略", "重点项目"],
    stage: ["线索、洽谈、签约、注册、开工、投产、达产 或 终止。除“线索”外，当前阶段的日期必须填写；当前阶段之后各阶段的日期留空", "签约"],
    date_LEAD: [`进入线索阶段的日期，${DATE_HOW}；可留空`, "2026-01-15"],
    date_NEGOTIATING: [`进入洽谈阶段的日期，${DATE_HOW}。跳过的阶段日期留空`, "2026-03-02"],
    date_SIGNED: [`签约日期，${DATE_HOW}。各阶段日期须按先后顺序`, "2026-05-20"],
    date_REGISTERED: [`注册日期，${DATE_HOW}`, ""],
    date_STARTED: [`开工日期，${DATE_HOW}。开工率只计开工；拿地另填“拿地日期”`, ""],
    date_PRODUCING: [`投产日期，${DATE_HOW}`, ""],
    date_AT_CAPACITY: [`达产（达效）日期，${DATE_HOW}`, ""],
    date_DROPPED: [`终止日期，只有当前阶段为“终止”的项目填写，且必须填写`, ""],
    dropReason: ["终止原因，当前阶段为“终止”时必须填写", "投资方调整投资计划"],
    leaderName: ["包联区领导姓名", "张三"],
    responsibles: ["责任人的 Slack 用户 ID（Slack 个人资料 → 更多 → 复制成员 ID），多个用“、”分隔", "U04ABCDE12、U04FGHIJ34"],
    nextStep: ["下一步工作", "办理施工许可"],
    nextStepDue: [`下一步的截止日期，${DATE_HOW}`, "2026-06-30"],
    blockers: ["需要协调解决的问题、堵点", "用地指标待落实"],
    blockerKind: [`问题堵点的类别：${blockerKindList()} 之一；填写后按类别汇总到要素保障问题清单，可留空`, "用地"],
    blockerUnit: ["负责解决堵点的部门；留空时按堵点类型由调度规则确定（如 用地 → 区规划自然资源局）", "区规划自然资源局"],
    landDate: [`拿地日期（开工拿地节点的里程碑，不是阶段），${DATE_HOW}；须在签约之后、开工之前或同日，未拿地留空`, ""],
    followOnOf: ["未来订单（增资扩产、二期、以商引商）源自的项目编号，在 Slack 用 /project 未来订单 登记，仅供查阅；导入时忽略", ""],
    followOnKind: ["未来订单类型：增资扩产、二期 或 以商引商，仅供查阅；导入时忽略", ""],
  },
  funds: {
    name: ["项目名称，须与「项目」表或系统中的项目一致", "年产5万吨锂电材料项目"],
    investor: ["投资方，须与「项目」表或系统中的项目一致", "某某新能源科技有限公司"],
    date: [`资金到位日期，${DATE_HOW}`, "2026-06-10"],
    amountWan: [`本笔到位金额，${MONEY_HOW}；须大于 0`, "5000"],
    note: ["备注", "首笔注册资本金"],
  },
  directory: {
    type: ["工作组、园区、区级部门 或 包联领导", "园区"],
    name: ["全称；包联领导写姓名（与「项目」表“包联领导”列的写法一致）。有多个年度目标时每个年度写一行，名称重复填写，其余列留空或与第一行相同", "白涛园区"],
    leaderName: ["工作组组长姓名（仅工作组填写，园区和部门留空）", "李四"],
    leaderSlackId: ["组长的 Slack 用户 ID（仅工作组）", "U04ABCDE12"],
    commissioners: ["招商专员姓名，多个用“、”分隔（仅工作组）", "王五、赵六"],
    focus: ["工作重点（仅工作组）", "锂电材料、化工新材料"],
    channelId: ["工作组的 Slack 频道 ID（频道详情页最下方可复制，仅工作组）", "C04ABCDE12"],
    members: ["可修改本组项目的成员 Slack 用户 ID，多个用“、”分隔（仅工作组）", "U04ABCDE12、U04FGHIJ34"],
    slackId: ["包联领导的 Slack 用户 ID（仅类型为“包联领导”的行填写，且必须填写）。「项目」表的“包联领导”写姓名或 @ID，导入时按此对应", "U04KLMNO56"],
    leaderScope: ["该领导包联的项目（按工作组）和项目名称，仅供查阅；导入时忽略", "3个项目（新材料产业招商组3个）：年产5万吨锂电材料项目、…"],
    year: ["本行目标所属年度；没有目标时本列和后面的目标列都留空", "2026"],
    majorCount: ["该年度重大项目个数目标，整数", "1"],
    largeCount: ["该年度较大项目个数目标，整数", "2"],
    keyCount: ["该年度重点项目个数目标，整数", "5"],
    agreedWan: [`该年度协议资金目标，${MONEY_HOW}`, "500000"],
    arrivedWan: [`该年度到位资金目标，${MONEY_HOW}`, "200000"],
  },
};

const NOTES = [
  "第 1 行是列名，请勿修改；数据从第 2 行开始。列的先后顺序可以调整，但每一列都要保留（内容可留空）。",
  "名称以“示例”开头的行是示例，导入时自动跳过，可以删除。",
  "导入前会检查整个文件：只要有一处问题就不导入任何数据，并列出每个问题所在的工作表、行号和列名及改法。",
  "项目按“项目名称+投资方”识别：已有项目只更新有变化的内容并记入修改记录；重复导入同一文件不会产生任何变化。",
  "到位资金每笔一行，同一天到位两笔相同金额就写两行；重复导入只补记文件中多出的笔数，从不删除已有记录。",
  "也可以导入 CSV 文件（UTF-8 编码，Excel 中“另存为 CSV UTF-8”）：每个文件一张表，第 1 行列名与本模板相同，系统按列名判断是哪张表。",
];

const GUIDE_COLUMNS: ColumnDef[] = [
  { key: "sheet", header: "工作表", width: 14 },
  { key: "column", header: "列名", width: 20 },
  { key: "rule", header: "填写要求", width: 10 },
  { key: "help", header: "说明", width: 70 },
  { key: "example", header: "示例", width: 26 },
];

function ruleOf(c: ColumnDef): string {
  if (c.exportOnly) return "仅导出";
  if (c.optional) return "选填（可无此列）";
  if (c.required) return "必填";
  return "选填";
}

export function addGuideSheet(wb: ExcelJS.Workbook): void {
  const rows: OutRow[] = [];
  for (const id of TABLE_ORDER) {
    for (const c of TABLES[id].columns) {
      const [help, example] = HELP[id][c.key] ?? ["", ""];
      rows.push({ sheet: TABLES[id].sheet, column: c.header, rule: ruleOf(c), help, example: example || null });
    }
  }
  // Some cells are required only in context (the current stage's date); the last note says so.
  rows.push({}, { sheet: "导入规则" });
  NOTES.forEach((note, i) => rows.push({ sheet: `${i + 1}.`, help: note }));
  rows.push({ sheet: `${NOTES.length + 1}.`, help: "“项目来源”“产业类别”“当前阶段”的列名不带 *，但也必须填写；当前阶段不是“线索”时，该阶段的日期必须填写；终止的项目须填终止日期和终止原因。" });
  addSheet(wb, GUIDE_SHEET, GUIDE_COLUMNS, rows, { wrap: true, filter: false });
}
