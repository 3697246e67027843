import { rulesSchema, type Rules } from "../domain/rules.ts";
import type { Db } from "./client.ts";

// Operator settings live in the Setting table as JSON under a key: "rules"
// (SPEC's thresholds and weights, a partial object merged over defaults) and
// "jobs" (the scheduled posts).

export async function readSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.setting.findUnique({ where: { key } });
  return row ? JSON.parse(row.value) : undefined;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}

export async function loadRules(db: Db): Promise<Rules> {
  return rulesSchema.parse((await readSetting(db, "rules")) ?? {});
}

/** Validates and stores a partial override; returns the resulting complete rules. */
export async function saveRulesOverride(db: Db, override: unknown): Promise<Rules> {
  const rules = rulesSchema.parse(override);
  await writeSetting(db, "rules", override);
  return rules;
}
