import { dayInProse } from "./glossary.ts";
import { addDays } from "./periods.ts";
import type { LocalDate } from "./types.ts";

// 暂停我的提醒: a person may silence their own mention in overdue pings for a
// while (a business trip, leave), never for good: past a month the 组长 could
// no longer rely on the ping reaching the people responsible.

export const MAX_MUTE_DAYS = 30;

/** Why a mute until `until` cannot be set on `today`, or null when it can. */
export function muteProblem(today: LocalDate, until: LocalDate): string | null {
  const last = addDays(today, MAX_MUTE_DAYS);
  if (until < today) return `${dayInProse(until)}已经过去：请选今天或以后的日期（最多到${dayInProse(last)}）。`;
  if (until > last) return `最多暂停 ${MAX_MUTE_DAYS} 天：请选${dayInProse(last)}或更早的日期。到期后可以再次暂停。`;
  return null;
}
