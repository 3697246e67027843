import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { LedgerValidationError, importLedger } from "../../src/ledger/index.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { storeCounts, table, tempDir, writeXlsx, type Cell } from "./helpers.ts";

// A district-sized ledger: 1,000 projects, 500 fund rows. One bad cell stops
// everything and is named exactly; once fixed, the whole file goes in within
// seconds, and a second run changes nothing.

const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES };
let store: TestStore;
const tmp = tempDir();

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store.destroy();
  tmp.remove();
});

const stages = ["线索", "洽谈", "签约", "注册", "开工", "投产", "达产"];
const dateKeys = ["date_LEAD", "date_NEGOTIATING", "date_SIGNED", "date_REGISTERED", "date_STARTED", "date_PRODUCING", "date_AT_CAPACITY"];

function ledger(badRow?: number): Record<string, Cell[][]> {
  const directory: Record<string, Cell>[] = [];
  for (let g = 1; g <= 12; g++) directory.push({ type: "工作组", name: `第${g}招商组`, members: `U0G${g}A、U0G${g}B`, year: 2026, keyCount: 3, agreedWan: 100_000 });
  for (let u = 1; u <= 6; u++) directory.push({ type: u <= 3 ? "园区" : "区级部门", name: `单位${u}`, year: 2026, majorCount: 1 });
  const projects: Record<string, Cell>[] = [];
  const funds: Record<string, Cell>[] = [];
  for (let i = 0; i < 1000; i++) {
    const s = i % 7;
    const p: Record<string, Cell> = {
      name: `项目${i}`,
      investor: `投资方${i % 97}`,
      group: `第${(i % 12) + 1}招商组`,
      leadUnit: `单位${(i % 6) + 1}`,
      coUnits: i % 5 === 0 ? `单位${((i + 1) % 6) + 1}` : null,
      origin: ["市外", "区外市内", "区内"][i % 3],
      sector: i % 2 ? "工业" : "服务业",
      agreedWan: 1_000 * (i + 1),
      stage: stages[s],
      responsibles: `U0R${i % 40}`,
    };
    for (let k = 0; k <= s; k++) p[dateKeys[k]!] = `2025-${String(k + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    projects.push(p);
    if (i % 2 === 0) funds.push({ name: p.name, investor: p.investor, date: "2026-03-01", amountWan: 100 + i });
  }
  // Spreadsheet row = index + 2 (header is row 1).
  if (badRow !== undefined) projects[badRow - 2]!.date_LEAD = "2025-13-01";
  return { 项目: table("projects", projects), 到位资金: table("funds", funds), 工作组与单位: table("directory", directory) };
}

describe("a 1,000-project ledger", () => {
  it("with one bad cell imports nothing and names that cell", async () => {
    const file = tmp.file("bad.xlsx");
    await writeXlsx(file, ledger(637));
    const error = await importLedger(store.db, file, opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerValidationError);
    const { problems } = error as LedgerValidationError;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: "项目", row: 637, column: "线索日期" });
    expect(problems[0]!.reason).toContain("2025-13-01");
    expect((error as Error).message).toContain("「项目」第 637 行「线索日期」");
    const counts = await storeCounts(store.db);
    expect([counts.projects, counts.funds, counts.groups, counts.units, counts.targets, counts.updates]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  // Generous timeout: 1,000 projects on PostgreSQL with the rest of the suite running beside it.
  it("once fixed goes in whole, reporting progress, and a second run changes nothing", { timeout: 180_000 }, async () => {
    const file = tmp.file("good.xlsx");
    await writeXlsx(file, ledger());
    let calls = 0;
    let last: [number, number] = [0, 0];
    const result = await importLedger(store.db, file, { ...opts, onProgress: (d, t) => ((last = [d, t]), calls++) });
    expect(result).toEqual({ leaders: 0, projectsCreated: 1000, projectsUpdated: 0, projectsUnchanged: 0, fundsAdded: 500, groups: 12, units: 6, targets: 18 });
    expect(last).toEqual([1536, 1536]);
    expect(calls).toBe(1537);
    const before = await storeCounts(store.db);
    expect(before.updates).toBe(2500); // 1,000 CREATED + 1,000 PROGRESS (台账导入) + 500 FUNDS

    const again = await importLedger(store.db, file, opts);
    expect(again).toMatchObject({ projectsCreated: 0, projectsUpdated: 0, projectsUnchanged: 1000, fundsAdded: 0 });
    expect(await storeCounts(store.db)).toEqual(before);
  });
});
