import type { Rules } from "../domain/rules.ts";
import { jsonIntegers, real, sql, type Dialect, type Sql } from "./sql-dialect.ts";

// Who is credited with a project's money and class count (CTE "credits_group"
// or "credits_unit": projectId, subject, share, countsClass), following unitShares and
// tallyGroups of domain/counting.ts: units get the lead's share and the
// cooperating units' equal split; a group gets its projects whole.
// Follows factsCte (it reads f, and p's cooperating units as of the day).

export type CreditSubject = "group" | "unit";

export function creditsCte(dialect: Dialect, by: CreditSubject, rules: Rules): Sql {
  if (by === "group") {
    return sql`, credits_group AS (
      SELECT f."id" AS "projectId", f."groupId" AS "subject", ${real(1)} AS "share", 1 AS "countsClass" FROM f WHERE f."groupId" IS NOT NULL
    )`;
  }
  const lead = real(rules.jointLeadShare);
  // Cooperating units as of the day: the link table, or the list the history says it held then.
  return sql`, co AS (
    SELECT DISTINCT x."projectId", x."unitId" FROM (
      SELECT pc."projectId", pc."unitId" FROM "ProjectCoUnit" pc JOIN f ON f."id" = pc."projectId" WHERE f."coUnitIds_c" = 0
      UNION ALL
      SELECT f."id", CAST(j.value AS INTEGER) FROM f, ${jsonIntegers(dialect, sql`f."coUnitIds_o"`, "j")}
      WHERE f."coUnitIds_c" = 1 AND f."coUnitIds_o" IS NOT NULL
    ) x JOIN f ON f."id" = x."projectId"
    WHERE f."leadUnitId" IS NULL OR x."unitId" <> f."leadUnitId"
  ),
  n AS (SELECT "projectId", COUNT(*) AS "n" FROM co GROUP BY "projectId"),
  credits_unit AS MATERIALIZED (
    SELECT f."id" AS "projectId", f."leadUnitId" AS "subject", CASE WHEN n."n" IS NULL THEN ${real(1)} ELSE ${lead} END AS "share", 1 AS "countsClass"
    FROM f LEFT JOIN n ON n."projectId" = f."id" WHERE f."leadUnitId" IS NOT NULL
    UNION ALL
    SELECT co."projectId", co."unitId", (${real(1)} - ${lead}) / n."n", 0 FROM co JOIN n ON n."projectId" = co."projectId"
  )`;
}
