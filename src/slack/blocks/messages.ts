import { dueOn } from "../../domain/glossary.ts";
import type { Health } from "../../domain/health.ts";
import type { Project } from "../../domain/types.ts";
import type { FieldChange } from "../../store/projects.ts";
import { encodeValue } from "../../store/project-row.ts";
import { actions, button, context, esc, section, sectionsOf, type Block } from "./kit.ts";
import { FIELD_LABELS, LIGHT_EMOJI, stageLabel, valueLabel, wan } from "./labels.ts";

// Short replies: what changed (old → new), pick lists, lists, refusals.

export const PICK_ACTION = "pick_project";

/** The confirmation after a change: every changed field as old → new, so nobody wonders whether it went in. */
export function changeConfirmation(project: Project, changes: FieldChange[], extra: { progress?: string; fundsWan?: number } = {}): Block[] {
  const lines = changes
    .filter((c) => !c.field.endsWith("At") || c.field === "droppedAt")
    .map((c) => `• ${FIELD_LABELS[c.field] ?? c.field}：${esc(valueLabel(c.field, encodeValue(c.field, c.oldValue)))} → *${esc(valueLabel(c.field, encodeValue(c.field, c.newValue)))}*`);
  if (extra.progress) lines.push(`• 进展：${esc(extra.progress)}`);
  if (extra.fundsWan) lines.push(`• 到位资金：+${wan(extra.fundsWan)}`);
  if (!lines.length) return [section(`#${project.id} ${esc(project.name)}：内容与原来相同，没有改动。`)];
  return [section(`✅ 已保存 *#${project.id} ${esc(project.name)}* 的以下变更：`), ...sectionsOf(lines), actions([button("查看项目卡片", PICK_ACTION, String(project.id))])];
}

/** Several projects match a name: pick one. */
export function pickList(text: string, matches: Project[], hint: string): Block[] {
  return [
    section(`有 ${matches.length} 个项目的名称包含“${esc(text)}”，请选择，或用编号重新输入（${esc(hint)}）：`),
    actions(matches.slice(0, 5).map((p) => button(`#${p.id} ${p.name}`, `${PICK_ACTION}_${p.id}`, String(p.id)))),
    ...(matches.length > 5 ? [context([matches.slice(5).map((p) => `#${p.id} ${esc(p.name)}`).join("　")])] : []),
  ];
}

export function notFound(text: string, suggestions: Project[]): Block[] {
  return [
    section(`没有找到名称包含“${esc(text)}”的项目。${suggestions.length ? "是不是：" : "用 `/project 列表` 查看全部项目。"}`),
    ...(suggestions.length ? [actions(suggestions.map((p) => button(`#${p.id} ${p.name}`, `${PICK_ACTION}_${p.id}`, String(p.id))))] : []),
  ];
}

export function refusal(message: string): Block[] {
  return sectionsOf(message.split("\n").map((l, i) => (i === 0 ? `⚠️ ${esc(l)}` : esc(l))));
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
