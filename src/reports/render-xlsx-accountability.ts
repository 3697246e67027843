import ExcelJS from "exceljs";
import { TERMS } from "../domain/glossary.ts";
import type { LeadersReport } from "./leaders-report.ts";
import { sheet } from "./render-xlsx.ts";
import type { SupervisionList } from "./supervision-list.ts";
import type { UnstartedReport } from "./unstarted-report.ts";

// Workbooks of the 签约未开工 list, the 督办 list and the 领导包联 report, in
// the same printable layout as the other reports (money in 万元, as numbers).

export function unstartedWorkbook(r: UnstartedReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "签约未开工",
    `${TERMS.unstarted}项目清单（${TERMS.asOf} ${r.asOf}）`,
    ["编号", "项目名称", "工作组", "牵头单位", TERMS.leader, "签约日期", "签约天数", "时长分段", "协议资金(万元)", `${TERMS.weighted}(万元)`, "已到位(万元)", "下一步", "问题堵点"],
    r.projects.map((p) => [p.projectId, p.name, p.group, p.leadUnit, p.leader, p.signedOn, p.daysSinceSigned, r.bands.find((b) => b.band === p.ageBand)?.label ?? p.ageBand, p.agreedWan, p.weightedWan, p.fundsWan, p.nextStep, p.blockers]),
    [8, 28, 18, 16, 10, 12, 10, 18, 14, 14, 14, 28, 28],
  );
  sheet(wb, "分段汇总", `${TERMS.unstarted}分段汇总（${TERMS.asOf} ${r.asOf}）`, ["时长分段", "项目数", "协议资金(万元)"], [
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
    `${TERMS.supervision}事项清单（${TERMS.asOf} ${l.asOf}）`,
    ["督办编号", "项目编号", "项目名称", "工作组", "督办事项", "责任人", "期限", "状态", "挂牌日期", "销号日期", "超期天数", "办理经过"],
    l.items.map((r) => [r.id, r.projectId, r.project, r.group, r.issue, r.owner.replace(/<@([A-Z0-9_]+)>/g, "@$1"), r.deadline, r.statusLabel, r.openedOn, r.closedOn, r.daysOverdue || null, r.steps.map((s) => `${s.on} ${s.label}${s.note ? `：${s.note}` : ""}`).join("\n")]),
    [10, 10, 26, 18, 28, 14, 12, 10, 12, 12, 10, 48],
  );
  return wb;
}

export function leadersWorkbook(r: LeadersReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "领导包联",
    `领导包联项目情况（${TERMS.asOf} ${r.asOf}）`,
    [TERMS.leader, "包联项目", "协议资金(万元)", "红灯", "黄灯", TERMS.unstarted, `超期${TERMS.supervision}`],
    r.leaders.map((e) => [e.leader, e.counts.projects, e.agreedWan, e.counts.red, e.counts.yellow, e.counts.unstarted, e.counts.overdueSupervision]),
    [14, 10, 14, 8, 8, 12, 12],
  );
  sheet(
    wb,
    "项目明细",
    `领导包联项目明细（${TERMS.asOf} ${r.asOf}）`,
    [TERMS.leader, "编号", "项目名称", "工作组", "阶段", "红黄绿灯", "原因", "签约未开工天数"],
    r.leaders.flatMap((e) => e.projects.map((p) => [e.leader, p.projectId, p.name, p.group, p.stageLabel, p.light === "RED" ? "红灯" : p.light === "YELLOW" ? "黄灯" : p.light === "GREEN" ? "绿灯" : "不评价", p.reasons.map((x) => x.text).join("；"), p.unstarted?.daysSinceSigned ?? null])),
    [14, 8, 28, 18, 10, 10, 40, 12],
  );
  return wb;
}
