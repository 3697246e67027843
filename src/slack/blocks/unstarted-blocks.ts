import { dayInProse, TERMS } from "../../domain/glossary.ts";
import { unstartedForGroup, unstartedRowLine, unstartedSummaryLine, type UnstartedReport } from "../../reports/unstarted-report.ts";
import { context, divider, esc, header, section, sectionsOf, type Block } from "./kit.ts";
import { paginate, type Messages } from "./report-blocks.ts";

// 签约未开工项目清单 in Slack: the totals, then each age band, longest-waiting first.

export function unstartedMessages(report: UnstartedReport, group?: string): Messages {
  const r = group ? unstartedForGroup(report, group) : report;
  const blocks: Block[] = [
    header(`🗂 ${TERMS.unstarted}项目清单${group ? `（${group}）` : ""}`),
    context([`${TERMS.asOf} ${dayInProse(r.asOf, true)}`]),
    section(esc(unstartedSummaryLine(r))),
  ];
  for (const b of r.bands) {
    const rows = r.projects.filter((p) => p.ageBand === b.band);
    if (!rows.length) continue;
    blocks.push(divider(), section(`*${esc(b.label)}*　${rows.length} 个`));
    blocks.push(...sectionsOf(rows.map((p) => `• ${esc(unstartedRowLine({ ...p, leader: "" }))}${p.leaderSlackId ? `　${TERMS.leader} <@${p.leaderSlackId}>` : p.leader ? `　${TERMS.leader} ${esc(p.leader)}` : ""}`)));
  }
  if (!r.projects.length) blocks.push(section("目前没有签约未开工的项目。"));
  return paginate(blocks);
}
