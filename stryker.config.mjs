// Mutation testing (`npm run test:mutation`): StrykerJS makes small changes
// to the code below, one at a time, and runs the tests that cover each one;
// a change no test notices ("survived") is a gap in the tests. Slow on a
// 2-core machine, so not part of `npm test` or `.ci/run`. Incremental: the
// next run re-tests only mutants in changed code or covered by changed tests.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts" },
  mutate: [
    "src/domain/**/*.ts",
    "src/store/job-runs.ts",
    "src/store/projects.ts",
    "src/store/funds.ts",
    "src/ledger/import*.ts",
    "src/slack/http-server.ts",
    "src/services/**/*.ts",
  ],
  // The machine is shared: one test runner at a time.
  concurrency: 1,
  // Static mutants (module-level constants, evaluated once on import) would
  // each need the whole suite, and with vitest 4.1 Stryker 9.6 does not
  // re-import the module for them, so they "survive" tests that kill them by
  // hand (stryker-js #5928, #6209). They are reported as Ignored instead.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: ".stryker/incremental.json",
  tempDirName: ".stryker/tmp",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: ".stryker/report.html" },
  jsonReporter: { fileName: ".stryker/mutation.json" },
  // The score per file and every surviving mutant, without the list of 1,000 tests.
  clearTextReporter: { reportTests: false, reportMutants: true, logTests: false, allowColor: false },
  ignorePatterns: ["data", ".bench", "test-output", "docs", "scratch", ".stryker"],
  timeoutMS: 20_000,
  // A test file's setup (a fresh database, a demo district) can take a while.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 80, break: null },
};
