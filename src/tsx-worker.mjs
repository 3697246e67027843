// A worker thread started from the TypeScript sources (worker-thread.ts):
// register the tsx loader here, then run the module named last on argv.
import { register } from "tsx/esm/api";

register();
await import(process.argv.at(-1));
