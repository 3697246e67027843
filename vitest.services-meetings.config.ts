import { areaConfig } from "./vitest.area.ts";

// The 调度会 use cases' own test (`npm run test:mutation:services-meetings`).
export default areaConfig(["test/services/meeting-service.test.ts"]);
