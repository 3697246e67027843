import type { Rules } from "./rules.ts";
import type { Project } from "./types.ts";

// 要素制约 (SPEC "调度会"): a blocker has a kind and the department that can
// remove it. The project holds its kind in its own field (Project.blockerKind,
// with an optional Project.blockerUnit overriding the rules' department), next
// to the 问题堵点 text. Text written before that field existed carries the kind
// in front, `用地：土地指标未落实；环评：批复待省厅`; it is still read that way
// while the project has no kind of its own, so old data keeps its grouping.

export const BLOCKER_KINDS = ["PLANNING", "LAND", "ENVIRONMENT", "ENERGY", "FUNDING", "APPROVAL", "UTILITIES", "OTHER"] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];

export const BLOCKER_KIND_LABELS: Record<BlockerKind, string> = {
  PLANNING: "规划",
  LAND: "用地",
  ENVIRONMENT: "环评",
  ENERGY: "能评",
  FUNDING: "资金",
  APPROVAL: "审批",
  UTILITIES: "配套",
  OTHER: "其他",
};

const BY_LABEL = new Map<string, BlockerKind>(BLOCKER_KINDS.map((k) => [BLOCKER_KIND_LABELS[k], k]));

export interface Blocker {
  kind: BlockerKind;
  text: string;
}

/** A blocker of a project with the department responsible for removing it. */
export interface ProjectBlocker extends Blocker {
  unit: string;
}

/** A kind from its label (用地) or code (LAND); undefined when it is neither. */
export function blockerKindOf(word: string): BlockerKind | undefined {
  const w = word.trim();
  return BY_LABEL.get(w) ?? (BLOCKER_KINDS as readonly string[]).find((k) => k === w.toUpperCase()) as BlockerKind | undefined;
}

const SEPARATOR = /[；;\n]+/;
const KIND_PREFIX = /^\s*([^:：]{1,4})\s*[:：]\s*(.*)$/s;

/** The blockers a 问题堵点 text holds; a part without a known kind in front is 其他. */
export function readBlockers(text: string): Blocker[] {
  return text
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = KIND_PREFIX.exec(part);
      const kind = m ? BY_LABEL.get(m[1].trim()) : undefined;
      return kind && m![2].trim() ? { kind, text: m![2].trim() } : { kind: "OTHER" as const, text: part };
    });
}

/** The one way a blocker is written back: `用地：土地指标未落实；环评：批复待省厅`. */
export function writeBlockers(blockers: Blocker[]): string {
  return blockers.map((b) => `${BLOCKER_KIND_LABELS[b.kind]}：${b.text}`).join("；");
}

export const blockerKindList = () => BLOCKER_KINDS.map((k) => BLOCKER_KIND_LABELS[k]).join("、");

/**
 * What a user typed after 卡点= (`用地:土地指标未落实`, several joined by ；), checked strictly:
 * every part must name one of the kinds, so nothing lands in 其他 by a typo.
 */
export function parseBlockerInput(text: string): { ok: true; blockers: Blocker[] } | { ok: false; problem: string } {
  const parts = text.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return { ok: false, problem: `卡点没有填写内容，例如 卡点=用地:土地指标未落实（类别：${blockerKindList()}）` };
  const blockers: Blocker[] = [];
  for (const part of parts) {
    const m = KIND_PREFIX.exec(part);
    const kind = m ? BY_LABEL.get(m[1].trim()) : undefined;
    if (!m) return { ok: false, problem: `卡点“${part}”没有写类别：请写成 类别:问题，例如 卡点=用地:土地指标未落实（类别：${blockerKindList()}）` };
    if (!kind) return { ok: false, problem: `卡点类别“${m[1].trim()}”无法识别：可选 ${blockerKindList()}，例如 卡点=用地:土地指标未落实` };
    if (!m[2].trim()) return { ok: false, problem: `卡点“${part}”只写了类别，缺少问题内容，例如 卡点=${m[1].trim()}:土地指标未落实` };
    blockers.push({ kind, text: m[2].trim() });
  }
  return { ok: true, blockers };
}

/** The department responsible for removing a kind of blocker (the rules' mapping). */
export function blockerUnit(kind: BlockerKind, rules: Pick<Rules, "blockerUnits">): string {
  return rules.blockerUnits[kind];
}

/**
 * A project's blockers: with a kind of its own, its 问题堵点 text is one
 * blocker of that kind (a leading label of the same kind is not repeated);
 * without one, the old prefixed text is read part by part. The project's own
 * department, when set, overrides the rules' one.
 */
export function projectBlockers(p: Pick<Project, "blockers" | "blockerKind" | "blockerUnit">, rules: Pick<Rules, "blockerUnits">): ProjectBlocker[] {
  const unitOf = (kind: BlockerKind) => p.blockerUnit?.trim() || blockerUnit(kind, rules);
  if (p.blockerKind) {
    const text = p.blockers.trim();
    if (!text) return [];
    const m = KIND_PREFIX.exec(text);
    const body = m && BY_LABEL.get(m[1].trim()) === p.blockerKind && m[2].trim() ? m[2].trim() : text;
    return [{ kind: p.blockerKind, text: body, unit: unitOf(p.blockerKind) }];
  }
  return readBlockers(p.blockers).map((b) => ({ ...b, unit: unitOf(b.kind) }));
}

/** The 问题堵点 text with its kind, as a card or agenda line shows it: `用地：土地指标未落实`. */
export function blockersInProse(p: Pick<Project, "blockers" | "blockerKind" | "blockerUnit">, rules: Pick<Rules, "blockerUnits">): string {
  return projectBlockers(p, rules).map((b) => `${BLOCKER_KIND_LABELS[b.kind]}：${b.text}`).join("；");
}

/**
 * What the update form shows: the project's kind and text, or, for old text
 * whose parts all carry the same kind in front (`用地：…；用地：…`), that kind
 * with the labels taken off, so saving the form moves it into the field.
 */
export function blockerFormValues(p: Pick<Project, "blockers" | "blockerKind">): { kind: BlockerKind | null; text: string } {
  if (p.blockerKind || !p.blockers.trim()) return { kind: p.blockerKind ?? null, text: p.blockers };
  const parts = p.blockers.split(SEPARATOR).map((part) => part.trim()).filter(Boolean);
  const read = parts.map((part) => {
    const m = KIND_PREFIX.exec(part);
    const kind = m ? BY_LABEL.get(m[1].trim()) : undefined;
    return kind && m![2].trim() ? { kind, text: m![2].trim() } : null;
  });
  const kinds = new Set(read.map((b) => b?.kind));
  if (read.some((b) => b === null) || kinds.size !== 1) return { kind: null, text: p.blockers };
  return { kind: read[0]!.kind, text: read.map((b) => b!.text).join("；") };
}
