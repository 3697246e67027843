import { HISTORY_FIELDS, STAGE_DATE_COLUMNS, type HistoryField } from "./project-row.ts";
import { concat, join, raw, sql, type Sql } from "./sql-dialect.ts";

// Projects as they were on record at an instant, computed in SQL: a field
// changed after the cutoff takes the old value of the first change after it
// (the history is append-only, so that is what the field held at the
// cutoff), and a project created after it is left out. This is the same
// replay loadSnapshot does in JavaScript, which the property tests compare it
// with, but only the rows and columns a query needs leave the database.

export type ScalarField = Exclude<HistoryField, "coUnitIds" | "responsibleUserIds">;
export type ListField = "coUnitIds" | "responsibleUserIds";

/** Every column a report's figures read. */
export const FIGURE_FIELDS: ScalarField[] = [
  "groupId",
  "leadUnitId",
  "origin",
  "sector",
  "agreedWan",
  "outputWan",
  "stage",
  ...Object.values(STAGE_DATE_COLUMNS),
  "nextStepDue",
  "followOnOfId",
];

export const ALL_SCALAR_FIELDS = (Object.keys(HISTORY_FIELDS) as HistoryField[]).filter(
  (f): f is ScalarField => f !== "coUnitIds" && f !== "responsibleUserIds",
);

const q = (name: string) => raw(`"${name}"`);

/**
 * `WITH later, changed, p AS (...)`: p has "id", the requested fields as of
 * `cutoff`, and for each list field `<f>_c` (1 when it changed after the
 * cutoff) with `<f>_o` (its JSON text then); the current list is in the link
 * table otherwise. More CTEs may follow (`, name AS (...)`). `only`: a
 * condition on the project's row (`pr`) that narrows p before any replay.
 */
export function projectsAsOfCte(cutoff: Date, fields: ScalarField[], lists: ListField[] = [], only?: Sql): Sql {
  const tracked = [...fields, ...lists];
  const names = join(
    ["CREATED", ...tracked].map((f) => raw(`'${f}'`)),
    ", ",
  );
  const pivots = tracked.map(
    (f) => sql`, MAX(CASE WHEN "field" = ${raw(`'${f}'`)} THEN 1 ELSE 0 END) AS ${q(`${f}_c`)}, MAX(CASE WHEN "field" = ${raw(`'${f}'`)} THEN "oldValue" END) AS ${q(`${f}_o`)}`,
  );
  const columns = fields.map((f) => {
    const old = HISTORY_FIELDS[f] === "int" ? sql`CAST(c.${q(`${f}_o`)} AS INTEGER)` : sql`c.${q(`${f}_o`)}`;
    return sql`, CASE WHEN c.${q(`${f}_c`)} = 1 THEN ${old} ELSE pr.${q(f)} END AS ${q(f)}`;
  });
  const listColumns = lists.map((f) => sql`, COALESCE(c.${q(`${f}_c`)}, 0) AS ${q(`${f}_c`)}, c.${q(`${f}_o`)} AS ${q(`${f}_o`)}`);
  return sql`WITH later AS (
    SELECT u."projectId", u."field", u."oldValue",
      ROW_NUMBER() OVER (PARTITION BY u."projectId", u."field" ORDER BY u."at", u."id") AS rn
    FROM "Update" u WHERE u."at" > ${cutoff} AND u."field" IN (${names})
  ),
  changed AS (
    SELECT "projectId", MAX(CASE WHEN "field" = 'CREATED' THEN 1 ELSE 0 END) AS "created"${concat(pivots)}
    FROM later WHERE rn = 1 GROUP BY "projectId"
  ),
  p AS (
    SELECT pr."id"${concat(columns)}${concat(listColumns)}
    FROM "Project" pr LEFT JOIN changed c ON c."projectId" = pr."id"
    WHERE (c."created" IS NULL OR c."created" = 0)${only ? sql` AND ${only}` : sql``}
  )`;
}
