import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// The tests that load ledgers through importLedger/checkLedger, for
// `npm run test:mutation:ledger` (stryker.ledger.config.mjs).
export default defineConfig({ test: { ...base.test, include: ["test/ledger/import-atomic.test.ts", "test/ledger/leaders.test.ts", "test/ledger/round-trip.test.ts", "test/ledger/import-retry.test.ts"] } });
