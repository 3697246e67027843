import base from "./stryker.config.mjs";

// A narrowed mutation run (`npm run test:mutation:<area>`): the area's code
// against only the test files that cover it (listed in vitest.<area>.config.ts,
// built by vitest.area.ts), in minutes rather than the hours the full run
// takes on the shared 2-core machine. The test set is narrowed in the vitest config, not with Stryker's
// `testFiles` (see stryker.domain.config.mjs for why).
/** @returns {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export function mutationArea(area, mutate) {
  return {
    ...base,
    mutate,
    vitest: { configFile: `vitest.${area}.config.ts` },
    incrementalFile: `.stryker/incremental-${area}.json`,
    htmlReporter: { fileName: `.stryker/report-${area}.html` },
  };
}
