import { performance } from "node:perf_hooks";
import { buildReport, type ReportKind } from "../src/services/report-service.ts";
import { openStore } from "../src/store/client.ts";

// One measurement in a fresh process, so peak RSS belongs to this report alone.
// Prints one JSON line: { ms, maxRssMb }.
const [url, kind, nowIso] = process.argv.slice(2);
const store = await openStore(url);
const t0 = performance.now();
const report = await buildReport(store.db, { kind: kind as ReportKind, by: "group", now: new Date(nowIso) });
const ms = performance.now() - t0;
if (!report) throw new Error("no report");
await store.close();
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
