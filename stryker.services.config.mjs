import { mutationArea } from "./stryker.area.mjs";

// `npm run test:mutation:services`: the services between the Slack handlers,
// jobs and CLI and the store. Run a file at a time with
// `-- --mutate src/services/project-service.ts`.
export default mutationArea("services", ["src/services/**/*.ts"]);
