import { startWorker } from "../worker-thread.ts";
import type { StageFunnelInput } from "./funnel-chart.ts";
import type { RankingChartInput } from "./ranking-chart.ts";

// Charts drawn on a thread of their own: each is synchronous work (echarts,
// resvg); on the 2-core machine the weekly post's charts are drawn while the
// report thread reads the store. The report worker starts it before loading
// its own modules, so echarts and resvg load beside them; charts are drawn one
// after another, in the order asked.

export type ChartJob = { kind: "ranking"; input: RankingChartInput } | { kind: "funnel"; input: StageFunnelInput };

/** What the thread sends back for the job numbered `id`. */
export type ChartReply = { id: number; png: Uint8Array } | { id: number; error: string };

export interface ChartThread {
  /** The PNG of the chart. */
  draw(job: ChartJob): Promise<Buffer>;
  /** Stops the thread (whatever it was drawing). */
  close(): Promise<void>;
}

export function startChartThread(): ChartThread {
  const worker = startWorker(import.meta.url, "./chart-thread-worker", { resourceLimits: { maxOldGenerationSizeMb: 256 }, stdout: false, stderr: false });
  const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on("message", (reply: ChartReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ("png" in reply) w?.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
    else w?.reject(new Error(reply.error));
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`chart thread exited (${code}) before drawing`)));
  let next = 0;
  return {
    draw(job) {
      const id = next++;
      const png = new Promise<Buffer>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, job });
      png.catch(() => {}); // a post that failed earlier never awaits its charts: their end at close() is not an unhandled error
      return png;
    },
    async close() {
      await worker.terminate();
    },
  };
}
