import { BLOCKER_KIND_LABELS } from "../../domain/blockers.ts";
import { refsAsMentions } from "../../domain/person-ref.ts";
import { toLocalDate } from "../../domain/local-day.ts";
import { STAGES } from "../../domain/types.ts";
import type { ProjectCardData } from "../../services/project-card.ts";
import { nextStepButtons, supervisionLine } from "./supervision-blocks.ts";
import { actions, button, context, divider, esc, fields, header, section, type Block } from "./kit.ts";
import { LIFECYCLE_TERMS, TERMS, dayInProse, dueOn, followOnChildrenText, followOnFromText } from "../../domain/glossary.ts";
import { classLabel, day, FIELD_LABELS, LIGHT_EMOJI, LIGHT_LABEL, originLabel, sectorLabel, stageLabel, valueLabel, wan } from "./labels.ts";

// The project card: everything a staff member or leader needs on one screen,
// with the buttons to act on it. Pure: built from loadProjectCard's data.

export const CARD_ACTIONS = { update: "card_update", funds: "card_funds", history: "card_history", share: "card_share" } as const;

function stagePath(d: ProjectCardData): string {
  const { stage, stageDates } = d.project;
  const dayOf = (date: string) => dayInProse(date, date.slice(0, 4) !== d.asOf.slice(0, 4));
  const steps = STAGES.flatMap((s) => {
    const date = stageDates[s];
    // A date of another year keeps its year: "开工 10月27日 → 投产 9月2日" reads as going backwards.
    const label = `${stageLabel(s)}${date ? ` ${dayOf(date)}` : ""}`;
    const step = s === stage ? `*【${label}】*` : date ? label : `~${stageLabel(s)}~`;
    // 拿地 is a milestone of the 开工拿地 node, shown just before 开工 once it has a date.
    const land = d.project.landAcquiredOn;
    return s === "STARTED" && land ? [`${LIFECYCLE_TERMS.land} ${dayOf(land)}`, step] : [step];
  });
  const path = steps.join(" → ");
  return stage === "DROPPED" ? `${path}\n*已终止* ${stageDates.DROPPED ? dayOf(stageDates.DROPPED) : ""}：${esc(d.project.dropReason ?? "")}` : path;
}

/** `shared`: the copy posted to a channel on request has no share button. */
export function projectCardBlocks(d: ProjectCardData, opts: { shared?: boolean } = {}): Block[] {
  const p = d.project;
  const light = d.health.light;
  const blocks: Block[] = [
    header(`#${p.id} ${p.name}`),
    section(`${light ? `${LIGHT_EMOJI[light]} *${LIGHT_LABEL[light]}*` : "⚪ *不亮灯*（已达产或已终止）"}　${TERMS.projectClass}：${classLabel(d.projectClass)}　${esc(p.investor)}`),
  ];
  if (d.health.reasons.length) blocks.push(context(d.health.reasons.map((r) => `${r.level === "RED" ? "🔴" : "🟡"} ${esc(r.text)}`)));
  if (d.reminder) blocks.push(context([`⏰ ${esc(d.reminder)}`]));
  blocks.push(section(stagePath(d)));
  const { parent, children } = d.followOn;
  const links = [
    parent && p.followOnKind ? followOnFromText(parent.id, esc(parent.name), p.followOnKind) : null,
    children.length ? followOnChildrenText(children.map((c) => ({ id: c.id, name: esc(c.name), kind: c.followOnKind ?? null, agreedWan: c.agreedWan }))) : null,
  ].filter((l): l is string => l !== null);
  if (links.length) blocks.push(context(links));
  blocks.push(
    fields([
      `*${TERMS.agreed}*\n${wan(p.agreedWan)}（${TERMS.weighted} ${wan(d.weighted.agreedWan)}）`,
      `*${TERMS.arrived}*\n${wan(d.arrivedWan)}（${TERMS.weighted} ${wan(d.weighted.arrivedWan)}）`,
      `*工作组*\n${esc(d.groupName)}`,
      `*牵头单位*\n${esc(d.leadUnitName) || "—"}${d.coUnitNames.length ? `\n配合：${esc(d.coUnitNames.join("、"))}` : ""}`,
      `*来源 / ${TERMS.sector}*\n${originLabel(p.origin)} / ${sectorLabel(p.sector)}`,
      `*包联领导 / 责任人*\n${p.leaderSlackId ? `<@${p.leaderSlackId}>` : esc(p.leaderName) || "—"} / ${p.responsibleUserIds.map((u) => `<@${u}>`).join(" ") || "—"}`,
      `*下一步*\n${esc(p.nextStep) || "—"}${p.nextStepDue ? `（${dueOn(p.nextStepDue)}）` : ""}`,
      `*问题堵点*\n${p.blockers ? `${p.blockerKind ? `${BLOCKER_KIND_LABELS[p.blockerKind]}：` : ""}${esc(p.blockers)}${p.blockerUnit ? `（${esc(p.blockerUnit)}负责）` : ""}` : "无"}`,
    ]),
  );
  if (d.weighted.perUnit.length > 1)
    blocks.push(context([`联合招商${TERMS.weighted}：${d.weighted.perUnit.map((u) => `${esc(u.unit)} ${Math.round(u.share * 100)}% ${wan(u.agreedWan)}`).join("；")}`]));
  if (d.supervisionItems.length) {
    blocks.push(section(`*督办事项*\n${d.supervisionItems.map((v) => `• ${supervisionLine(v, d.asOf)}`).join("\n")}`));
    // The next step of each item, as buttons (a few items at most; the rest are reached from App Home).
    if (!opts.shared) for (const v of d.supervisionItems.slice(0, 5)) {
      const b = nextStepButtons(v);
      if (b) blocks.push(context([`督办${v.id}`]), b);
    }
  }
  if (d.recentUpdates.length) {
    blocks.push(divider());
    blocks.push(
      context(
        d.recentUpdates
          .slice(0, 10)
          .map((u) => `${day(toLocalDate(u.at, d.timeZone))} ${u.author.startsWith("U") ? `<@${u.author}>` : esc(u.author)} ${FIELD_LABELS[u.field] ?? u.field}：${u.oldValue !== null && u.field !== "PROGRESS" ? `${refsAsMentions(esc(valueLabel(u.field, u.oldValue)))} → ` : ""}${refsAsMentions(esc(valueLabel(u.field, u.newValue)))}`),
      ),
    );
  }
  blocks.push(
    actions([
      button("更新进展", CARD_ACTIONS.update, String(p.id), "primary"),
      button("登记到位资金", CARD_ACTIONS.funds, String(p.id)),
      button("查看历史", CARD_ACTIONS.history, String(p.id)),
      ...(opts.shared ? [] : [button("发到频道", CARD_ACTIONS.share, String(p.id))]),
    ]),
  );
  return blocks;
}
