// How long a person's text may be, the same however it comes in (slash
// command, form, ledger import): a 30,000-character name made a 137 MB
// database, and nothing that long reads well in a 通报 anyway.

export const TEXT_LIMITS = {
  name: 100,
  investor: 100,
  industryChain: 50,
  leaderName: 50,
  nextStep: 500,
  blockers: 1000,
  blockerUnit: 50,
  progress: 2000,
  reason: 500,
  dropReason: 500,
  note: 500,
  issue: 500,
} as const;

export type LimitedField = keyof typeof TEXT_LIMITS;

export const TEXT_LABELS: Record<LimitedField, string> = {
  name: "项目名称",
  investor: "投资方",
  industryChain: "产业链",
  leaderName: "包联领导",
  nextStep: "下一步",
  blockers: "问题堵点",
  blockerUnit: "堵点责任单位",
  progress: "进展",
  reason: "原因",
  dropReason: "终止原因",
  note: "备注",
  issue: "督办事项",
};

/** Characters as people count them (a Chinese character or an emoji is one). */
export const textLength = (text: string): number => [...text].length;

/** Why a text is too long, or null. */
export function textLimitProblem(field: LimitedField, text: string | null | undefined): string | null {
  if (!text) return null;
  const n = textLength(text);
  const max = TEXT_LIMITS[field];
  return n > max ? `${TEXT_LABELS[field]}最多 ${max} 个字，现有 ${n} 个字：请精简后重新填写。` : null;
}
