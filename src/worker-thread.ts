import { Worker, type WorkerOptions } from "node:worker_threads";

// Worker threads (the report worker, the chart thread) run a module of src/:
// compiled (dist/), as it is; from the TypeScript sources (tests, an edited
// checkout), through tsx-worker.mjs, because a worker thread does not inherit
// the tsx loader of the thread that starts it.

/** Starts `module` (a path like "./report-worker", without extension) relative to `from` (the caller's import.meta.url). */
export function startWorker(from: string, module: string, options: WorkerOptions): Worker {
  if (from.endsWith(".js")) return new Worker(new URL(`${module}.js`, from), options);
  return new Worker(new URL("./tsx-worker.mjs", import.meta.url), { ...options, argv: [new URL(`${module}.ts`, from).href] });
}
