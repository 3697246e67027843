import { dueOn } from "../../domain/glossary.ts";
import type { Health } from "../../domain/health.ts";
import { refsAsMentions } from "../../domain/person-ref.ts";
import type { Project } from "../../domain/types.ts";
import type { FieldChange } from "../../store/projects.ts";
import { encodeValue } from "../../store/project-row.ts";
import { actions, button, context, esc, section, sectionsOf, type Block } from "./kit.ts";
import { FIELD_LABELS, LIGHT_EMOJI, stageLabel, valueLabel, wan } from "./labels.ts";

// Short replies: what changed (old → new), pick lists, lists, refusals.

export const PICK_ACTION = "pick_project";

/** The confirmation after a change: every changed field as old → new, so nobody wonders whether it went in. */
export function changeConfirmation(project: Project, changes: FieldChange[], extra: { progress?: string; fundsWan?: number; names?: Record<string, string> } = {}): Block[] {
  const names = extra.names ?? {};
  // Group and unit ids read as their names; people as mentions.
  const shown = (field: FieldChange["field"], value: FieldChange["oldValue"]): string => {
    if (value === null || value === undefined) return esc(valueLabel(field, null));
    if (Array.isArray(value) && field === "coUnitIds") return value.map((id) => esc(names[`${field}:${id}`] ?? String(id))).join("、") || "（空）";
    if (typeof value === "number" && names[`${field}:${value}`]) return esc(names[`${field}:${value}`]!);
    if (field === "responsibleUserIds") return refsAsMentions(esc(valueLabel(field, encodeValue(field, value))));
    return esc(valueLabel(field, encodeValue(field, value)));
  };
  const lines = changes
    // Stage dates go with the stage line; 终止 and the 拿地 milestone stand on their own.
    .filter((c) => !c.field.endsWith("At") || c.field === "droppedAt" || c.field === "landAt")
    .map((c) => `• ${FIELD_LABELS[c.field] ?? c.field}：${shown(c.field, c.oldValue)} → *${shown(c.field, c.newValue)}*`);
  if (extra.progress) lines.push(`• 进展：${esc(extra.progress)}`);
  if (extra.fundsWan) lines.push(`• 到位资金：+${wan(extra.fundsWan)}`);
  if (!lines.length) return [section(`#${project.id} ${esc(project.name)}：内容与原来相同，没有改动。`)];
  return [section(`✅ 已保存 *#${project.id} ${esc(project.name)}* 的以下变更：`), ...sectionsOf(lines), actions([button("查看项目卡片", PICK_ACTION, String(project.id))])];
}

/** Several projects match a name: pick one of the closest (all of them as buttons), told how many match in all. */
export function pickList(text: string, matches: Project[], hint: string, total = matches.length): Block[] {
  const shown = matches.slice(0, 10);
  const head = total > shown.length
    ? `有 ${total} 个项目的名称包含“${esc(text)}”，以下是名称最接近的 ${shown.length} 个。请选择，或写更完整的名称、用编号重新输入（${esc(hint)}）：`
    : `有 ${total} 个项目的名称包含“${esc(text)}”，请选择，或用编号重新输入（${esc(hint)}）：`;
  return [section(head), actions(shown.map((p) => button(`#${p.id} ${p.name}`, `${PICK_ACTION}_${p.id}`, String(p.id))))];
}

export function notFound(text: string, suggestions: Project[]): Block[] {
  return [
    section(`没有找到名称包含“${esc(text)}”的项目。${suggestions.length ? "是不是：" : "用 `/project 列表` 查看全部项目。"}`),
    ...(suggestions.length ? [actions(suggestions.map((p) => button(`#${p.id} ${p.name}`, `${PICK_ACTION}_${p.id}`, String(p.id))))] : []),
  ];
}

/** A refusal's notification text (the `text` beside the blocks): mrkdwn like the blocks. */
export const refusalText = (message: string): string => refsAsMentions(esc(message));

export function refusal(message: string): Block[] {
  return sectionsOf(message.split("\n").map((l, i) => refsAsMentions(i === 0 ? `⚠️ ${esc(l)}` : esc(l))));
}

export interface ListedProject {
  project: Project;
  health: Health;
  groupName: string;
}

/** `/project 列表`: one line per project, most urgent first, continued over several sections if long. */
export function projectList(title: string, items: ListedProject[], limit = 200): Block[] {
  if (!items.length) return [section(`${title}：没有符合条件的项目。`)];
  const lines = items.slice(0, limit).map(({ project: p, health, groupName }) => {
    const light = health.light ? LIGHT_EMOJI[health.light] : "⚪";
    return `${light} *#${p.id}* ${esc(p.name)}　${stageLabel(p.stage)}　${wan(p.agreedWan)}　${esc(groupName)}${p.nextStepDue ? `　下一步${dueOn(p.nextStepDue)}` : ""}`;
  });
  return [
    section(`*${esc(title)}*（${items.length} 个${items.length > limit ? `，显示前 ${limit} 个，请加条件缩小范围` : ""}）`),
    ...sectionsOf(lines).slice(0, 45),
  ];
}
