import { mutationArea } from "./stryker.area.mjs";

// `npm run test:mutation:services-meetings`: the 调度会, its agenda, 纪要 and tally.
export default mutationArea("services-meetings", ["src/services/meeting-service.ts", "src/services/minutes-service.ts", "src/services/agenda-service.ts", "src/services/decision-tally.ts"]);
