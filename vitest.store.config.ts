import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// The tests of the claims, project and fund repositories, for
// `npm run test:mutation:store` (stryker.store.config.mjs). The base config's
// setup, timeouts and exclusions, with only these files.
export default defineConfig({ test: { ...base.test, include: ["test/store/job-runs.test.ts", "test/store/projects.test.ts", "test/store/project-queries.test.ts", "test/services/project-service.test.ts"] } });
