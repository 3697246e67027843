import { mutationArea } from "./stryker.area.mjs";

// `npm run test:mutation:store`: the claims, project and fund repositories.
export default mutationArea("store", ["src/store/job-runs.ts", "src/store/projects.ts", "src/store/funds.ts"]);
