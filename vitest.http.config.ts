import { areaConfig } from "./vitest.area.ts";

// The HTTP front's own test (`npm run test:mutation:http`).
export default areaConfig(["test/slack/http-front.test.ts"]);
