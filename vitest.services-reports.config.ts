import { areaConfig } from "./vitest.area.ts";

// The services behind reports, cards and App Home (`npm run test:mutation:services-reports`).
export default areaConfig(["test/services/report-services.test.ts", "test/reports/reports.test.ts"]);
