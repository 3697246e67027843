import ExcelJS from "exceljs";
import { LIGHT_NAMES, TERMS } from "../domain/glossary.ts";
import type { LeadersReport } from "./leaders-report.ts";
import { excelDate, sheet, type Column } from "./render-xlsx.ts";
import type { SupervisionList } from "./supervision-list.ts";
import type { UnstartedReport } from "./unstarted-report.ts";

// Workbooks of the 签约未开工 list, the 督办 list and the 领导包联 report, in
// the same printable layout as the other reports (numbers and dates stored as
// such, with formats; 数据截至 on every sheet).

const col = (head: string, width: number, format?: Column["format"]): Column => ({ head, width, format });

export function unstartedWorkbook(r: UnstartedReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    TERMS.unstarted,
    `${TERMS.unstarted}项目清单`,
    r.asOf,
    [
      col("编号", 8, "text"), col("项目名称", 28), col("工作组", 18), col("牵头单位", 16), col(TERMS.leader, 10), col("签约日期", 12, "date"),
      col("签约天数", 10), col("时长分段", 18), col(`${TERMS.agreed}（万元）`, 14, "wan"), col(`${TERMS.weighted}（万元）`, 14, "wan"),
      col("已到位（万元）", 14, "wan"), col("下一步", 28), col("问题堵点", 28),
    ],
    r.projects.map((p) => [p.projectId, p.name, p.group, p.leadUnit, p.leader, excelDate(p.signedOn), p.daysSinceSigned, r.bands.find((b) => b.band === p.ageBand)?.label ?? p.ageBand, p.agreedWan, p.weightedWan, p.fundsWan, p.nextStep, p.blockers]),
  );
  sheet(wb, "分段汇总", `${TERMS.unstarted}分段汇总`, r.asOf, [col("时长分段", 24), col("项目数", 10, "count"), col(`${TERMS.agreed}（万元）`, 16, "wan")], [
    ...r.bands.map((b) => [b.label, b.count, b.agreedWan]),
    ["合计", r.total.count, r.total.agreedWan],
  ]);
  return wb;
}

export function supervisionWorkbook(l: SupervisionList): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "督办事项",
    `${TERMS.supervision}事项清单`,
    l.asOf,
    [
      col("督办编号", 10, "text"), col("项目编号", 10, "text"), col("项目名称", 26), col("工作组", 18), col("督办事项", 28), col("责任人", 14), col("期限", 12, "date"),
      col("状态", 10), col("挂牌日期", 12, "date"), col("销号日期", 12, "date"), col("超期天数", 10), col("办理经过", 48),
    ],
    l.items.map((r) => [
      r.id, r.projectId, r.project, r.group, r.issue, r.owner.replace(/<@([A-Z0-9_]+)>/g, "@$1"), excelDate(r.deadline), r.statusLabel, excelDate(r.openedOn), excelDate(r.closedOn), r.daysOverdue || null,
      r.steps.map((s) => `${s.on} ${s.label}${s.note ? `：${s.note}` : ""}`).join("\n"),
    ]),
  );
  return wb;
}

export function leadersWorkbook(r: LeadersReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "领导包联",
    "领导包联项目情况",
    r.asOf,
    [col(TERMS.leader, 14), col("包联项目", 10, "count"), col(`${TERMS.agreed}（万元）`, 14, "wan"), col(LIGHT_NAMES.RED, 8, "count"), col(LIGHT_NAMES.YELLOW, 8, "count"), col(TERMS.unstarted, 12, "count"), col(`超期${TERMS.supervision}`, 12, "count")],
    r.leaders.map((e) => [e.leader, e.counts.projects, e.agreedWan, e.counts.red, e.counts.yellow, e.counts.unstarted, e.counts.overdueSupervision]),
  );
  sheet(
    wb,
    "项目明细",
    "领导包联项目明细",
    r.asOf,
    [col(TERMS.leader, 14), col("编号", 8, "text"), col("项目名称", 28), col("工作组", 18), col("阶段", 10), col("红黄绿灯", 10), col("原因", 40), col(`${TERMS.unstarted}天数`, 12)],
    r.leaders.flatMap((e) => e.projects.map((p) => [e.leader, p.projectId, p.name, p.group, p.stageLabel, p.light ? LIGHT_NAMES[p.light] : "不评价", p.reasons.map((x) => x.text).join("；"), p.unstarted?.daysSinceSigned ?? null])),
  );
  return wb;
}
