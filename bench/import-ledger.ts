import ExcelJS from "exceljs";
import { TABLES } from "../src/ledger/columns.ts";

// A synthetic ledger (台账) of the requested size, written with ExcelJS's
// streaming writer so that making it takes little memory: 12 groups and 22
// units with 2026 targets, `projects` project rows over every stage, origin
// and sector, and `funds` fund rows. Deterministic: the same file every run.

const STAGES = ["线索", "洽谈", "签约", "注册", "开工", "投产", "达产"];
const DATE_KEYS = ["date_LEAD", "date_NEGOTIATING", "date_SIGNED", "date_REGISTERED", "date_STARTED", "date_PRODUCING", "date_AT_CAPACITY"];

function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, id: "projects" | "funds" | "directory") {
  const ws = wb.addWorksheet(TABLES[id].sheet);
  const cols = TABLES[id].columns.filter((c) => !("exportOnly" in c && c.exportOnly));
  ws.addRow(cols.map((c) => c.header)).commit();
  return (row: Record<string, string | number | null>) => ws.addRow(cols.map((c) => row[c.key] ?? null)).commit();
}

export async function writeBenchLedger(path: string, size: { projects: number; funds: number }): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const project = sheet(wb, "projects");
  const name = (i: number) => `第${i}号产业项目`;
  const investor = (i: number) => `投资企业${i % 5000}有限公司`;
  for (let i = 0; i < size.projects; i++) {
    const s = i % STAGES.length;
    const row: Record<string, string | number | null> = {
      name: name(i),
      investor: investor(i),
      industryChain: ["新材料", "装备制造", "现代物流", "电子信息"][i % 4]!,
      group: `工作组${(i % 12) + 1}`,
      leadUnit: `单位${(i % 22) + 1}`,
      coUnits: i % 5 === 0 ? `单位${((i + 3) % 22) + 1}` : null,
      origin: ["市外", "区外市内", "区内"][i % 3]!,
      sector: i % 2 ? "工业" : "服务业",
      agreedWan: 500 + ((i * 37) % 300_000),
      outputWan: 800 + ((i * 53) % 600_000),
      stage: STAGES[s]!,
      leaderName: `领导${i % 30}`,
      responsibles: `U0R${i % 400}`,
      nextStep: "推进项目前期手续办理",
      nextStepDue: `2026-12-${String((i % 28) + 1).padStart(2, "0")}`,
    };
    for (let k = 0; k <= s; k++) row[DATE_KEYS[k]!] = `2025-${String(k + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    project(row);
  }
  const fund = sheet(wb, "funds");
  for (let f = 0; f < size.funds; f++) {
    const i = (f * 7) % size.projects;
    fund({ name: name(i), investor: investor(i), date: `2026-${String((f % 11) + 1).padStart(2, "0")}-15`, amountWan: 100 + (f % 900), note: f % 3 ? "" : "首期" });
  }
  const dir = sheet(wb, "directory");
  for (let g = 1; g <= 12; g++) dir({ type: "工作组", name: `工作组${g}`, members: `U0G${g}A、U0G${g}B`, year: 2026, keyCount: 5, agreedWan: 500_000 });
  for (let u = 1; u <= 22; u++) dir({ type: u <= 6 ? "园区" : "区级部门", name: `单位${u}`, year: 2026, majorCount: 2, agreedWan: 800_000, arrivedWan: 300_000 });
  await wb.commit();
}
