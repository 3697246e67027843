import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// The in-process tests that reach src/services (directly, or through the
// Slack handlers, jobs and reports that call them), for
// `npm run test:mutation:services` (stryker.services.config.mjs). The CLI
// tests are left out: they run the code in child processes Stryker does not see.
// MUTATION_TESTS (comma-separated files) narrows it further for one service:
// a run's dry run takes every included file once.
const all = [
  "test/services/*.test.ts",
  "test/meetings/meeting-wording.test.ts",
  "test/meetings/decision-refusals.test.ts",
  "test/meetings/meeting-cycle.test.ts",
  "test/demo/wording.test.ts",
  "test/slack/supervision-loop.test.ts",
  "test/slack/supervision-dms.test.ts",
  "test/slack/project-card-lifecycle.test.ts",
  "test/slack/lifecycle-command.test.ts",
  "test/slack/forms-and-buttons.test.ts",
  "test/slack/read-commands.test.ts",
  "test/jobs/pings.test.ts",
  "test/jobs/leader-digest.test.ts",
  "test/jobs/weekly-posts.test.ts",
  "test/reports/reports.test.ts",
];
export default defineConfig({ test: { ...base.test, include: process.env.MUTATION_TESTS?.split(",") ?? all } });
