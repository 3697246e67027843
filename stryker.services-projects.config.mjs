import { mutationArea } from "./stryker.area.mjs";

// `npm run test:mutation:services-projects`: changing projects, 督办, 未来订单, pings.
export default mutationArea("services-projects", ["src/services/project-service.ts", "src/services/supervision-service.ts", "src/services/service-result.ts", "src/services/follow-on-service.ts", "src/services/ping-service.ts"]);
