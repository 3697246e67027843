import type { Rules } from "./rules.ts";

// 要素制约 (SPEC "调度会"): a blocker has a kind and the department that can
// remove it. The kind is written in front of the text, `用地：土地指标未落实`,
// and several blockers are separated by `；`, so the project's one 问题堵点
// text (with its history, import and export) carries the kind with it.

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
