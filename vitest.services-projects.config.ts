import { areaConfig } from "./vitest.area.ts";

// The project, 督办, 未来订单 and ping use cases' own tests (`npm run test:mutation:services-projects`).
export default areaConfig(["test/services/project-service.test.ts", "test/services/project-service-rules.test.ts", "test/services/follow-on-and-pings.test.ts", "test/services/supervision-service.test.ts"]);
