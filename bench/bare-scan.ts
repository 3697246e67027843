import Database from "better-sqlite3";
import { performance } from "node:perf_hooks";

// The floor: read the same rows a report reads, with nothing on top. Every
// project with its link tables, every update's (project, time), every fund entry.
const [file] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
const t0 = performance.now();
let n = 0;
for (const sql of [
  `SELECT * FROM "Project"`,
  `SELECT * FROM "ProjectCoUnit"`,
  `SELECT * FROM "ProjectResponsible"`,
  `SELECT "projectId", "at", "field" FROM "Update"`,
  `SELECT * FROM "FundEntry"`,
  `SELECT * FROM "SupervisionItem"`,
])
  for (const _row of db.prepare(sql).iterate()) n++;
const ms = performance.now() - t0;
db.close();
process.stdout.write(`${JSON.stringify({ ms, rows: n, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
