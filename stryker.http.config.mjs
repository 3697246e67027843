import { mutationArea } from "./stryker.area.mjs";

// `npm run test:mutation:http`: the bot's HTTP front (signatures, replays, slowing down).
export default mutationArea("http", ["src/slack/http-server.ts"]);
