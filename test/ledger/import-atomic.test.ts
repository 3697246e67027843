import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { importLedger } from "../../src/ledger/index.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";
import { dumpStore } from "../helpers/store-tables.ts";
import { table, tempDir, writeXlsx, type Cell } from "./helpers.ts";

// An import that fails part-way through writing leaves the store exactly as
// it was. The failure is real: a trigger in the database refuses the last
// fund row, after the batch's groups, units, targets, new projects, changed
// projects and their links are already written inside the transaction.

const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES, now: new Date("2026-06-15T01:00:00Z") };
const REFUSED_AMOUNT = 999;
let store: TestStore;
const tmp = tempDir();

function project(i: number, overrides: Record<string, Cell> = {}): Record<string, Cell> {
  return { name: `项目${i}`, investor: `投资方${i}`, group: "第1组", leadUnit: "园区甲", origin: "市外", sector: "工业", agreedWan: 5_000 + i, stage: "签约", date_SIGNED: "2026-03-01", responsibles: "U0R1", ...overrides };
}

async function refuseFundsOf(amount: number) {
  if (usingPostgres) {
    await store.db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_fund() RETURNS trigger AS $$ BEGIN IF NEW."amountWan" = ${amount} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await store.db.$executeRawUnsafe(`CREATE TRIGGER refuse_fund BEFORE INSERT ON "FundEntry" FOR EACH ROW EXECUTE FUNCTION refuse_fund()`);
  } else {
    await store.db.$executeRawUnsafe(`CREATE TRIGGER refuse_fund BEFORE INSERT ON "FundEntry" WHEN NEW."amountWan" = ${amount} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  }
}

beforeAll(async () => {
  store = await createTestStore();
  const first = tmp.file("first.xlsx");
  await writeXlsx(first, {
    项目: table("projects", [project(1), project(2)]),
    到位资金: table("funds", [{ name: "项目1", investor: "投资方1", date: "2026-04-01", amountWan: 300 }]),
    工作组与单位: table("directory", [
      { type: "工作组", name: "第1组", members: "U0A", year: 2026, keyCount: 2 },
      { type: "园区", name: "园区甲", year: 2026, agreedWan: 100_000 },
    ]),
  });
  await importLedger(store.db, first, opts);
  await refuseFundsOf(REFUSED_AMOUNT);
});
afterAll(async () => {
  await store.destroy();
  tmp.remove();
});

describe("an import that fails while writing", () => {
  it(`leaves every table as it was (${usingPostgres ? "PostgreSQL" : "SQLite"})`, async () => {
    const before = await dumpStore(store.target);
    const file = tmp.file("second.xlsx");
    const projects = [project(1, { stage: "开工", date_STARTED: "2026-05-01", nextStep: "设备进场" }), project(2, { group: "第2组", coUnits: "部门乙" })];
    for (let i = 3; i <= 60; i++) projects.push(project(i));
    await writeXlsx(file, {
      项目: table("projects", projects),
      到位资金: table("funds", [
        { name: "项目3", investor: "投资方3", date: "2026-05-01", amountWan: 200 },
        { name: "项目1", investor: "投资方1", date: "2026-05-02", amountWan: 400 },
        { name: "项目60", investor: "投资方60", date: "2026-06-01", amountWan: REFUSED_AMOUNT },
      ]),
      工作组与单位: table("directory", [
        { type: "工作组", name: "第1组", members: "U0A、U0B", year: 2026, keyCount: 3 },
        { type: "工作组", name: "第2组", members: "U0C", year: 2026, keyCount: 1 },
        { type: "园区", name: "园区甲", year: 2026, agreedWan: 120_000 },
        { type: "区级部门", name: "部门乙", year: 2026, arrivedWan: 50_000 },
      ]),
    });
    const error = await importLedger(store.db, file, opts).catch((e: unknown) => e);
    expect(String((error as Error)?.message)).toContain("injected failure");
    expect(await dumpStore(store.target)).toEqual(before);

    // The same file without the refused row goes in whole: the failure, not the file, stopped it.
    await store.db.$executeRawUnsafe(usingPostgres ? `DROP TRIGGER refuse_fund ON "FundEntry"` : `DROP TRIGGER refuse_fund`);
    const result = await importLedger(store.db, file, opts);
    expect(result).toMatchObject({ projectsCreated: 58, projectsUpdated: 2, fundsAdded: 3 });
  });
});
