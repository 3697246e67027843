import { defineConfig } from "vitest/config";

// The domain's unit tests alone: pure, no database. Used by
// `npm run test:mutation:domain` (stryker.domain.config.mjs).
export default defineConfig({
  test: {
    include: ["test/domain/**/*.test.ts"],
  },
});
