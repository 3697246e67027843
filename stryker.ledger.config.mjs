import { mutationArea } from "./stryker.area.mjs";

// `npm run test:mutation:ledger`: loading the ledger (all or nothing, retried when stale).
export default mutationArea("ledger", ["src/ledger/import*.ts"]);
