// Worker threads do not inherit the tsx loader of the thread that starts
// them: register it here, then run the TypeScript worker (chart-thread-worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./chart-thread-worker.ts");
