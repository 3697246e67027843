import ExcelJS from "exceljs";
import type { BlockersReport } from "./blockers-report.ts";

// The 问题清单 as a workbook: one sheet per kind or department, so each
// department can be sent its own sheet.

export function blockersWorkbook(r: BlockersReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const head = ["编号", "项目", "工作组", "阶段", "类别", "责任单位", "问题"];
  for (const g of r.groups.length ? r.groups : [{ key: "none", title: "无问题", rows: [] }]) {
    const ws = wb.addWorksheet(g.title.slice(0, 31), { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.addRow([`要素保障问题清单：${g.title}（截至 ${r.asOf}）`]).font = { bold: true, size: 14 };
    ws.addRow(head).font = { bold: true };
    for (const row of g.rows) ws.addRow([row.projectId, row.project, row.group, row.stage, row.kindLabel, row.unit, row.text]).alignment = { vertical: "top", wrapText: true };
    [8, 30, 16, 8, 8, 20, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return wb;
}
