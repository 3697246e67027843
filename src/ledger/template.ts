import { dateCellOf } from "./cells.ts";
import { addGuideSheet } from "./guide.ts";
import { addTableSheet, assertXlsxPath, newWorkbook } from "./workbook.ts";

// The empty ledger an operator fills in: 说明 first (read before filling),
// then each sheet with its header and greyed example rows whose names start
// with 示例, which the importer skips, so the template imports as a no-op.

export async function writeTemplate(filePath: string): Promise<void> {
  assertXlsxPath(filePath);
  const wb = newWorkbook();
  addGuideSheet(wb);
  addTableSheet(
    wb,
    "projects",
    [
      {
        name: "示例：年产5万吨锂电材料项目",
        investor: "某某新能源科技有限公司",
        industryChain: "新材料",
        group: "示例：新材料产业招商组",
        leadUnit: "示例：白涛园区",
        coUnits: "示例：区经济信息委、示例：区商务委",
        landingUnit: "示例：白涛园区",
        origin: "市外",
        sector: "工业",
        agreedWan: 25000,
        outputWan: 60000,
        class: "重点项目",
        stage: "签约",
        date_LEAD: dateCellOf("2026-01-15"),
        date_NEGOTIATING: dateCellOf("2026-03-02"),
        date_SIGNED: dateCellOf("2026-05-20"),
        leaderName: "张三",
        responsibles: "U04ABCDE12、U04FGHIJ34",
        nextStep: "办理施工许可",
        nextStepDue: dateCellOf("2026-06-30"),
        blockers: "用地指标待落实",
        blockerKind: "用地",
        blockerUnit: "",
      },
    ],
    { exampleRows: 1 },
  );
  addTableSheet(
    wb,
    "funds",
    [{ name: "示例：年产5万吨锂电材料项目", investor: "某某新能源科技有限公司", date: dateCellOf("2026-06-10"), amountWan: 5000, note: "首笔注册资本金" }],
    { exampleRows: 1 },
  );
  const target = { majorCount: 1, largeCount: 2, keyCount: 5, agreedWan: 500000, arrivedWan: 200000 };
  addTableSheet(
    wb,
    "directory",
    [
      {
        type: "工作组",
        name: "示例：新材料产业招商组",
        leaderName: "李四",
        leaderSlackId: "U04ABCDE12",
        commissioners: "王五、赵六",
        focus: "锂电材料、化工新材料",
        channelId: "C04ABCDE12",
        members: "U04ABCDE12、U04FGHIJ34",
        year: 2026,
        ...target,
      },
      { type: "园区", name: "示例：白涛园区", year: 2026, ...target },
      { type: "园区", name: "示例：白涛园区", year: 2027, ...target, agreedWan: 600000 },
      { type: "区级部门", name: "示例：区商务委" },
      { type: "包联领导", name: "示例：张三", slackId: "U04KLMNO56" },
    ],
    { exampleRows: 5 },
  );
  await wb.xlsx.writeFile(filePath);
}
