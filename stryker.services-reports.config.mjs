import { mutationArea } from "./stryker.area.mjs";

// `npm run test:mutation:services-reports`: what reports, cards and App Home load.
export default mutationArea("services-reports", [
  "src/services/report-service.ts",
  "src/services/assessment-service.ts",
  "src/services/home-data.ts",
  "src/services/home-accountability.ts",
  "src/services/project-card.ts",
  "src/services/weekly-accountability-service.ts",
  "src/services/unstarted-service.ts",
  "src/services/leaders-service.ts",
  "src/services/supervision-report-service.ts",
  "src/services/demo-service.ts",
]);
