import { parentPort } from "node:worker_threads";
import type { ChartJob } from "./chart-thread.ts";
import { stageFunnelPng } from "./funnel-chart.ts";
import { rankingChartPng } from "./ranking-chart.ts";

// Inside a chart thread (chart-thread.ts): draws the one chart asked for and sends its PNG back.
parentPort!.once("message", (job: ChartJob) => {
  const png = job.kind === "ranking" ? rankingChartPng(job.input) : stageFunnelPng(job.input);
  const bytes = new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength));
  parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
});
