import { areaConfig } from "./vitest.area.ts";

// The tests that load ledgers through importLedger/checkLedger (`npm run test:mutation:ledger`).
export default areaConfig(["test/ledger/import-atomic.test.ts", "test/ledger/leaders.test.ts", "test/ledger/round-trip.test.ts", "test/ledger/import-retry.test.ts"]);
