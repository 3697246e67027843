// Worker threads do not inherit the tsx loader of the process that starts
// them: register it here, then run the TypeScript worker (report-worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./report-worker.ts");
