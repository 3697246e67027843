import { rulesSchema, type Rules } from "../domain/rules.ts";
import type { Db } from "./client.ts";

// Operator overrides of SPEC's thresholds and weights live in the Setting
// table under the key "rules", as a partial JSON object merged over defaults.

const RULES_KEY = "rules";

export async function loadRules(db: Db): Promise<Rules> {
  const row = await db.setting.findUnique({ where: { key: RULES_KEY } });
  return rulesSchema.parse(row ? JSON.parse(row.value) : {});
}

/** Validates and stores a partial override; returns the resulting complete rules. */
export async function saveRulesOverride(db: Db, override: unknown): Promise<Rules> {
  const rules = rulesSchema.parse(override);
  await db.setting.upsert({
    where: { key: RULES_KEY },
    create: { key: RULES_KEY, value: JSON.stringify(override) },
    update: { value: JSON.stringify(override) },
  });
  return rules;
}
