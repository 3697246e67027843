import { dayInProse, SUPERVISION_STATUS_LABELS, SUPERVISION_STEP_LABELS, supervisionOverdueBy, TERMS } from "../domain/glossary.ts";
import { daysOverdue, isOpen, ownerLabel, slackIdOf, supervisionStateOn, type SupervisionStatus, type SupervisionStep, type SupervisionStepKind } from "../domain/supervision.ts";
import type { Group, LocalDate } from "../domain/types.ts";
import { directoryNames } from "./directory-names.ts";

// 督办事项清单 (`dispatch supervision list`): every item as it stood at the end
// of a day, folded from its steps, so a past day's list shows that day's
// states, deadlines and overdue days.

export const SUPERVISION_FILTERS = ["open", "overdue", "review", "closed"] as const;
export type SupervisionFilter = (typeof SUPERVISION_FILTERS)[number];

export interface SupervisionRow {
  id: number;
  projectId: number;
  project: string;
  group: string;
  issue: string;
  owner: string;
  ownerSlackId: string | null;
  deadline: LocalDate;
  status: SupervisionStatus;
  statusLabel: string;
  openedOn: LocalDate | null;
  closedOn: LocalDate | null;
  daysOverdue: number;
  steps: Array<{ kind: SupervisionStepKind; label: string; by: string; on: LocalDate; note: string; deadline?: LocalDate }>;
}

export interface SupervisionList {
  kind: "supervision";
  asOf: LocalDate;
  filter: SupervisionFilter | null;
  counts: { proposed: number; open: number; review: number; overdue: number; closed: number };
  items: SupervisionRow[];
}

export interface SupervisionListInput {
  asOf: LocalDate;
  items: Array<{ id: number; projectId: number; steps: SupervisionStep[] }>;
  projects: Map<number, { name: string; groupId: number | null }>;
  groups: Group[];
  filter?: SupervisionFilter | null;
}

export function matchesFilter(r: Pick<SupervisionRow, "status" | "daysOverdue">, filter: SupervisionFilter | null | undefined): boolean {
  switch (filter) {
    case "open": return isOpen(r);
    case "overdue": return r.daysOverdue > 0;
    case "review": return r.status === "REVIEW";
    case "closed": return r.status === "CLOSED";
    default: return true;
  }
}

export function supervisionRows(input: Omit<SupervisionListInput, "filter">): SupervisionRow[] {
  const names = directoryNames(input.groups, []);
  const rows: SupervisionRow[] = [];
  for (const item of input.items) {
    const state = supervisionStateOn(item.steps, input.asOf);
    if (!state) continue;
    const p = input.projects.get(item.projectId);
    rows.push({
      id: item.id,
      projectId: item.projectId,
      project: p?.name ?? `项目${item.projectId}`,
      group: names.groupName(p?.groupId ?? null),
      issue: state.issue,
      owner: slackIdOf(state.owner) ? ownerLabel(state.owner) : state.owner,
      ownerSlackId: slackIdOf(state.owner),
      deadline: state.deadline,
      status: state.status,
      statusLabel: SUPERVISION_STATUS_LABELS[state.status],
      openedOn: state.openedOn,
      closedOn: state.closedOn,
      daysOverdue: daysOverdue(state, input.asOf),
      steps: state.steps.map((s) => ({ kind: s.kind, label: SUPERVISION_STEP_LABELS[s.kind], by: s.by, on: s.on, note: s.note, ...(s.kind === "EXTEND" && s.deadline ? { deadline: s.deadline } : {}) })),
    });
  }
  return rows;
}

export function buildSupervisionList(input: SupervisionListInput): SupervisionList {
  const all = supervisionRows(input);
  return {
    kind: "supervision",
    asOf: input.asOf,
    filter: input.filter ?? null,
    counts: {
      proposed: all.filter((r) => r.status === "PROPOSED").length,
      open: all.filter((r) => isOpen(r)).length,
      review: all.filter((r) => r.status === "REVIEW").length,
      overdue: all.filter((r) => r.daysOverdue > 0).length,
      closed: all.filter((r) => r.status === "CLOSED").length,
    },
    // Most overdue first, then by id.
    items: all.filter((r) => matchesFilter(r, input.filter)).sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id),
  };
}

export function supervisionRowLine(r: SupervisionRow): string {
  const late = r.daysOverdue ? `，${supervisionOverdueBy(r.daysOverdue)}` : "";
  const closed = r.closedOn ? `，${dayInProse(r.closedOn)}销号` : "";
  return `督办${r.id}【${r.statusLabel}】#${r.projectId} ${r.project}（${r.group}）：${r.issue}；责任人 ${r.owner}，期限 ${dayInProse(r.deadline)}${late}${closed}`;
}

export function supervisionText(l: SupervisionList): string {
  const c = l.counts;
  const lines = [
    `${TERMS.supervision}事项清单（${TERMS.asOf} ${dayInProse(l.asOf, true)}）`,
    `办理中 ${c.open} 项（其中待复核 ${c.review} 项，超期 ${c.overdue} 项），已销号 ${c.closed} 项，待确认挂牌 ${c.proposed} 项。`,
    "",
  ];
  for (const r of l.items) {
    lines.push(supervisionRowLine(r));
    for (const s of r.steps) lines.push(`    ${dayInProse(s.on)} ${s.by} ${s.label}${s.deadline ? ` 新期限${dayInProse(s.deadline)}` : ""}${s.note ? `：${s.note}` : ""}`);
  }
  if (!l.items.length) lines.push("没有符合条件的督办事项。");
  return lines.join("\n");
}
