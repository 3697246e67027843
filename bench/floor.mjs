// The floor of a report: the same statements it sends, replayed with the bare
// driver in a fresh plain-node process (no Prisma, no tsx, nothing built from
// the rows), every row read. Prints one JSON line: { ms, cpuMs, maxRssMb, rows }.
import { readFileSync } from "node:fs";

const [url, file] = process.argv.slice(2);
const statements = JSON.parse(readFileSync(file, "utf8"));
let rows = 0;
let run;
let close;
if (url.startsWith("file:")) {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(url.slice(5), { readonly: true });
  db.defaultSafeIntegers(true);
  run = async (s) => { rows += db.prepare(s.sql).raw().all(...s.values).length; };
  close = async () => db.close();
} else {
  const { default: pg } = await import("pg");
  // The session settings the bot's pool uses (no JIT), so both run the statements alike.
  const { POSTGRES_WAITS } = await import("../dist/store/database-target.js");
  const client = new pg.Client({ connectionString: url, options: POSTGRES_WAITS.options });
  await client.connect();
  run = async (s) => { rows += (await client.query({ text: s.sql, values: s.values, rowMode: "array" })).rows.length; };
  close = () => client.end();
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const s of statements) await run(s);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
await close();
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, rows })}\n`);
