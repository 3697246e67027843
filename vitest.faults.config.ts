import { defineConfig } from "vitest/config";

// The fault suite (`npm run test:faults`): real bot processes, kill -9,
// databases taken away, abusive load. Slower than `npm test`, so kept apart;
// `.ci/run` runs it on SQLite and PostgreSQL.
export default defineConfig({
  test: {
    include: ["test/faults/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
