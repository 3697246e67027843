import type { Agenda } from "../domain/agenda.ts";
import { dayInProse, TERMS } from "../domain/glossary.ts";

// The 会前议程 as plain text (the CLI, a printout).

export function agendaText(a: Agenda): string {
  const m = a.meeting;
  const out = [`${m.title}${TERMS.agenda}`, `会议时间：${dayInProse(m.date, true)} ${m.time}${m.place ? `　地点：${m.place}` : ""}${m.host ? `　${TERMS.host}：${m.host}` : ""}　${TERMS.asOf} ${dayInProse(a.asOf)}`];
  for (const s of a.sections) {
    out.push("", `${s.title}${s.items.length ? `（${s.items.length} 项）` : ""}`);
    if (s.key === "followUp" && s.items.length) out.push(`  已落实 ${a.counts.done} 项，推进中 ${a.counts.inProgress} 项，逾期 ${a.counts.overdue} 项`);
    if (s.byKind?.length) out.push(`  按要素类别：${s.byKind.map((g) => `${g.label}（${g.unit}）${g.projectIds.map((id) => `#${id}`).join("、")}`).join("；")}`);
    if (!s.items.length) out.push("  无");
    for (const item of s.items) {
      out.push(`  ${item.no}. ${item.title}`);
      for (const line of item.lines) out.push(`     ${line}`);
    }
  }
  return out.join("\n");
}
