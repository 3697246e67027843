import { areaConfig } from "./vitest.area.ts";

// The tests of the claims, project and fund repositories (`npm run test:mutation:store`).
export default areaConfig(["test/store/job-runs.test.ts", "test/store/projects.test.ts", "test/store/project-queries.test.ts", "test/services/project-service.test.ts"]);
