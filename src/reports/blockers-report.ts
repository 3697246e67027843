import { BLOCKER_KIND_LABELS, BLOCKER_KINDS, blockerUnit, projectBlockers, type BlockerKind } from "../domain/blockers.ts";
import { stageOn } from "../domain/health.ts";
import type { Rules } from "../domain/rules.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { Group, LocalDate, Project } from "../domain/types.ts";

// 要素保障问题清单: every blocker of every active project, by kind or by the
// department responsible for removing it, so each department gets its list.

export type BlockersBy = "kind" | "unit";

export interface BlockerRow {
  projectId: number;
  project: string;
  group: string;
  stage: string;
  kind: BlockerKind;
  kindLabel: string;
  unit: string;
  text: string;
}

export interface BlockersReport {
  kind: "blockers";
  by: BlockersBy;
  asOf: LocalDate;
  total: number;
  groups: Array<{ key: string; title: string; rows: BlockerRow[] }>;
}

export function buildBlockersReport(input: { asOf: LocalDate; by: BlockersBy; rules: Rules; projects: Project[]; groups: Group[] }): BlockersReport {
  const { asOf, rules } = input;
  const groupName = new Map(input.groups.map((g) => [g.id, g.name]));
  const rows: BlockerRow[] = [];
  for (const p of input.projects) {
    const stage = stageOn(p, asOf);
    if (stage === "DROPPED" || stage === "AT_CAPACITY") continue;
    for (const b of projectBlockers(p, rules)) {
      rows.push({ projectId: p.id, project: p.name, group: p.groupId !== null ? (groupName.get(p.groupId) ?? "") : "", stage: STAGE_LABELS[stage], kind: b.kind, kindLabel: BLOCKER_KIND_LABELS[b.kind], unit: b.unit, text: b.text });
    }
  }
  const keyOf = (r: BlockerRow) => (input.by === "kind" ? r.kind : r.unit);
  // by unit: the rules' departments in kind order, then any a project named itself
  const order = input.by === "kind" ? [...BLOCKER_KINDS] : [...new Set([...BLOCKER_KINDS.map((k) => blockerUnit(k, rules)), ...rows.map((r) => r.unit)])];
  const groups = order
    .map((key) => ({ key, title: input.by === "kind" ? BLOCKER_KIND_LABELS[key as BlockerKind] : key, rows: rows.filter((r) => keyOf(r) === key) }))
    .filter((g) => g.rows.length > 0);
  return { kind: "blockers", by: input.by, asOf, total: rows.length, groups };
}

export function blockersText(r: BlockersReport): string {
  const out = [`要素保障问题清单（截至 ${r.asOf}，按${r.by === "kind" ? "类别" : "责任单位"}）：共 ${r.total} 个问题`];
  for (const g of r.groups) {
    out.push("", `【${g.title}】${g.rows.length} 个`);
    for (const row of g.rows) out.push(`  #${row.projectId} ${row.project}（${row.group || "未分组"}，${row.stage}）${r.by === "kind" ? `　责任单位：${row.unit}` : `　类别：${row.kindLabel}`}　${row.text}`);
  }
  if (!r.groups.length) out.push("", "没有填报要素制约问题的项目。");
  return out.join("\n");
}
