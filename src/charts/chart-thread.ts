import { Worker } from "node:worker_threads";
import type { StageFunnelInput } from "./funnel-chart.ts";
import type { RankingChartInput } from "./ranking-chart.ts";

// One chart drawn on a thread of its own. The weekly post has two charts and
// a workbook, each a few hundred milliseconds of synchronous work (resvg lays
// out every label with the 10 MB CJK font); on the 2-core machine the ranking
// chart is drawn beside the funnel and the workbook instead of after them.
// The thread starts at once, so echarts and resvg load while the caller is
// still reading the store.

export type ChartJob = { kind: "ranking"; input: RankingChartInput } | { kind: "funnel"; input: StageFunnelInput };

export interface ChartThread {
  /** The PNG of the chart; call once. */
  draw(job: ChartJob): Promise<Buffer>;
  /** Stops the thread (whether or not it drew). */
  close(): Promise<void>;
}

export function startChartThread(): ChartThread {
  // Compiled (dist/) the thread runs as it is; from the sources it needs the tsx loader first.
  const entry = import.meta.url.endsWith(".js") ? "./chart-thread-worker.js" : "./chart-thread-worker-entry.mjs";
  const worker = new Worker(new URL(entry, import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 256 }, stdout: false, stderr: false });
  const done = new Promise<Buffer>((resolve, reject) => {
    worker.once("message", (png: Uint8Array) => resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`chart thread exited (${code}) before drawing`)));
  });
  done.catch(() => {}); // a thread closed unused rejects nobody
  return {
    draw(job) {
      worker.postMessage(job);
      return done;
    },
    async close() {
      await worker.terminate();
    },
  };
}
