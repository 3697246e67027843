// The operator's ledger (台账): import, export and the blank template.
export { importLedger, checkLedger, type ImportOptions, type ImportResult } from "./import.ts";
export { exportLedger, type ExportCounts } from "./export.ts";
export { writeTemplate } from "./template.ts";
export { LedgerValidationError, describeProblem, type LedgerProblem } from "./problems.ts";
