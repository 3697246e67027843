import { dayInProse, formatMoney, TERMS } from "../../domain/glossary.ts";
import type { LeaderEntry, LeaderProject } from "../../reports/leaders-report.ts";
import { context, divider, esc, header, section, sectionsOf, type Block } from "./kit.ts";
import { LIGHT_EMOJI } from "./labels.ts";
import { paginate, type Messages } from "./report-blocks.ts";

// The weekly DM to a 包联领导: a summary first; every red and yellow project,
// every 签约未开工 one and every overdue 督办 listed in full (continued in the
// thread when long, never cut); green projects are counted, not listed.

const line = (p: LeaderProject) =>
  `${p.light ? LIGHT_EMOJI[p.light] : "⚪"} #${p.projectId} ${esc(p.name)}（${esc(p.group)}，${p.stageLabel}）${p.reasons.length ? `：${esc(p.reasons.map((r) => r.text).join("；"))}` : ""}`;

export function leaderDigestMessages(e: LeaderEntry, w: { weekLabel: string; range: string; asOf: string; changed: LeaderProject[] }): Messages {
  const lit = e.projects.filter((p) => p.light === "RED" || p.light === "YELLOW");
  const unstarted = e.projects.filter((p) => p.unstarted);
  const main: Block[] = [
    header(`${TERMS.leader}周报 ${w.weekLabel}`),
    context([`${w.range}　${TERMS.asOf} ${dayInProse(w.asOf, true)}`]),
    section(
      `${esc(e.leader)}：您包联的项目 *${e.counts.projects}* 个（${TERMS.agreed} ${formatMoney(e.agreedWan)}），` +
        `🔴 红灯 *${e.counts.red}* 个、🟡 黄灯 *${e.counts.yellow}* 个，${TERMS.unstarted} *${e.counts.unstarted}* 个，超期未销号${TERMS.supervision} *${e.counts.overdueSupervision}* 项；上周有进展的项目 ${w.changed.length} 个。`,
    ),
  ];
  const rest: Block[] = [];
  const part = (title: string, lines: string[]) => {
    if (!lines.length) return;
    rest.push(divider(), section(`*${title}*（${lines.length}）`), ...sectionsOf(lines));
  };
  part("红灯、黄灯项目", lit.map(line));
  part(TERMS.unstarted, unstarted.map((p) => `• #${p.projectId} ${esc(p.name)}（${esc(p.group)}）${p.unstarted!.daysSinceSigned !== null ? `签约已 ${p.unstarted!.daysSinceSigned} 天` : "签约日期未填"}`));
  part(`超期未销号的${TERMS.supervision}`, e.overdueSupervision.map((s) => `• 督办${s.id} #${s.projectId} ${esc(s.project)}：${esc(s.issue)}，责任人 ${s.owner}，超期 ${s.daysOverdue} 天`));
  part("上周有进展的项目", w.changed.map((p) => `• #${p.projectId} ${esc(p.name)}（${p.stageLabel}）`));
  // The first message carries the summary and as much as fits; the rest continues in its thread.
  const first = [...main, ...rest.slice(0, 50 - main.length)];
  const more = rest.slice(50 - main.length);
  return [first, ...(more.length ? paginate(more) : [])];
}
