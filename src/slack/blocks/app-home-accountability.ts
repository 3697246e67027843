import { TERMS } from "../../domain/glossary.ts";
import { leaderSummaryLine } from "../../reports/leaders-report.ts";
import type { HomeAccountability, HomeItem } from "../../services/home-accountability.ts";
import { context, divider, esc, section, sectionsOf, type Block } from "./kit.ts";
import { LIGHT_EMOJI } from "./labels.ts";
import { nextStepButtons, supervisionLine } from "./supervision-blocks.ts";

// App Home's 督办 and 包联 parts, within a block budget (App Home holds 100 blocks).

function itemBlocks(items: HomeItem[], asOf: string, max: number): Block[] {
  const out: Block[] = [];
  for (const v of items.slice(0, max)) {
    out.push(section(`• ${supervisionLine(v, asOf)}`));
    const b = nextStepButtons(v);
    if (b) out.push(b);
  }
  if (items.length > max) out.push(context([`另有 ${items.length - max} 项，见 dispatch supervision list 或项目卡片`]));
  return out;
}

export function accountabilityHomeBlocks(a: HomeAccountability, asOf: string): Block[] {
  const blocks: Block[] = [];
  if (a.isSupervisor) {
    blocks.push(divider(), section(`*待复核的销号申请*（${a.waitingReview.length}）`));
    blocks.push(...(a.waitingReview.length ? itemBlocks(a.waitingReview, asOf, 8) : [context(["没有待复核的销号申请。"])]));
    if (a.proposals.length) blocks.push(section(`*待确认的督办建议*（${a.proposals.length}）`), ...itemBlocks(a.proposals, asOf, 4));
  }
  if (a.myItems.length) blocks.push(divider(), section(`*我负责的督办事项*（${a.myItems.length}）`), ...itemBlocks(a.myItems, asOf, 5));
  if (a.leader) {
    const e = a.leader;
    blocks.push(divider(), section(`*我包联的项目*\n${esc(leaderSummaryLine(e))}`));
    blocks.push(
      ...sectionsOf(
        e.projects.slice(0, 30).map((p) => `${p.light ? LIGHT_EMOJI[p.light] : "⚪"} #${p.projectId} ${esc(p.name)}（${esc(p.group)}，${p.stageLabel}${p.unstarted?.daysSinceSigned != null ? `，${TERMS.unstarted}${p.unstarted.daysSinceSigned}天` : ""}）${p.reasons[0] ? `：${esc(p.reasons[0].text)}` : ""}`),
      ).slice(0, 4),
    );
    if (e.overdueSupervision.length) blocks.push(section(`*超期未销号的督办*\n${e.overdueSupervision.slice(0, 10).map((s) => `• 督办${s.id} #${s.projectId} ${esc(s.issue)}：超期${s.daysOverdue}天`).join("\n")}`));
  }
  return blocks;
}
