import { formatWan } from "../domain/money.ts";
import { PACE_LABELS, type Pace } from "../domain/targets.ts";

// Number formats shared by the text, xlsx and Slack renderings of a report.

/** Weighted money can be fractional (20% of 1,234万); reports show whole 万元. */
export function wan(amount: number): string {
  return formatWan(Math.round(amount));
}

export function percent(ratio: number | null): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`;
}

export function paceLabel(pace: Pace | null): string {
  return pace === null ? "—" : PACE_LABELS[pace];
}

export function score(s: number | null): string {
  return s === null ? "未设目标" : s.toFixed(3);
}
