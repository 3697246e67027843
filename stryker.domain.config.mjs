import base from "./stryker.config.mjs";

// `npm run test:mutation:domain`: the pure rules in src/domain against their
// own unit tests (test/domain, through vitest.domain.config.ts), in minutes
// rather than the hour the full run takes. The test set is narrowed in the
// vitest config, not with Stryker's `testFiles`: with `testFiles`, Stryker
// 9.6 activates static mutants (module constants, results computed in a
// describe body) only at runtime, after the module has read them, and
// reports them as survivors.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ["src/domain/**/*.ts"],
  vitest: { configFile: "vitest.domain.config.ts" },
  incrementalFile: ".stryker/incremental-domain.json",
  htmlReporter: { fileName: ".stryker/report-domain.html" },
};
