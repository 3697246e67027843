// One report in a fresh process, run from the compiled code (dist/) as the
// bot and the CLI run it, so peak RSS belongs to this report alone.
// Prints one JSON line: { ms, cpuMs, maxRssMb }.
import { buildReport } from "../dist/services/report-service.js";
import { openStore } from "../dist/store/client.js";

const [url, kind, nowIso] = process.argv.slice(2);
const store = await openStore(url, { migrate: false });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await buildReport(store.db, { kind, by: "group", now: new Date(nowIso) });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (!report) throw new Error("no report");
await store.close();
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
