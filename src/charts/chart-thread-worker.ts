import { parentPort } from "node:worker_threads";
import type { ChartJob, ChartReply } from "./chart-thread.ts";
import { stageFunnelPng } from "./funnel-chart.ts";
import { subsetChartFonts } from "./font-subset.ts";
import { rankingChartPng } from "./ranking-chart.ts";

// Inside a chart thread (chart-thread.ts): draws each chart asked for and sends its PNG back.
parentPort!.on("message", ({ id, job }: { id: number; job: ChartJob }) => {
  let reply: ChartReply;
  try {
    const png = job.kind === "ranking" ? rankingChartPng(job.input) : stageFunnelPng(job.input);
    reply = { id, png: new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength)) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply, "png" in reply ? [reply.png.buffer as ArrayBuffer] : []);
});

// Until the first chart is asked for (the report thread is still reading the
// store), load HarfBuzz and run it once: the first chart is then drawn sooner.
setImmediate(() => {
  try {
    subsetChartFonts("0");
  } catch {
    // A missing font is reported by the chart that needs it.
  }
});
