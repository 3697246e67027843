import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { exportLedger, importLedger } from "../../src/ledger/index.ts";
import { createProject, getProject, type Actor } from "../../src/store/projects.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { newProject } from "../fixtures/factories.ts";
import { editXlsx, readXlsx, table, tempDir, writeXlsx } from "./helpers.ts";

// The ledger's 拿地日期 (a milestone beside the ladder) and the 未来订单 links
// it shows: exported, read back, checked, and never lost on a re-import.

const staff: Actor = { author: "U_STAFF", source: "SLASH" };
const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES, now: new Date("2026-11-23T01:00:00Z") };
let store: TestStore;
let parentId: number;
let childId: number;
const tmp = tempDir();

beforeAll(async () => {
  store = await createTestStore();
  const parent = await createProject(
    store.db,
    newProject({ name: "锂电材料项目", investor: "某新能源公司", stage: "PRODUCING", stageDates: { SIGNED: "2025-03-01", REGISTERED: "2025-04-01", STARTED: "2025-07-01", PRODUCING: "2026-05-01" }, landAcquiredOn: "2025-06-10" }),
    staff,
  );
  parentId = parent.id;
  childId = (await createProject(store.db, newProject({ name: "锂电材料扩产项目", investor: "某新能源公司", stage: "LEAD", stageDates: { LEAD: "2026-11-01" }, followOnOf: parentId, followOnKind: "EXPANSION" }), staff)).id;
});
afterAll(async () => {
  await store.destroy();
  tmp.remove();
});

describe("拿地 and 未来订单 in the ledger", () => {
  it("exports 拿地日期 and the 未来订单 links, and re-importing the export changes nothing", async () => {
    const file = tmp.file("export.xlsx");
    await exportLedger(store.db, file, DEFAULT_RULES);
    const sheet = (await readXlsx(file))["项目"]!;
    const header = sheet[0] as string[];
    const row = (name: string) => sheet.find((r) => r[1] === name)!;
    expect(row("锂电材料项目")[header.indexOf("拿地日期")]).toBe("2025-06-10T00:00:00.000Z");
    expect([row("锂电材料扩产项目")[header.indexOf("源自项目编号")], row("锂电材料扩产项目")[header.indexOf("未来订单类型")]]).toEqual([`#${parentId}`, "增资扩产"]);
    expect(await importLedger(store.db, file, opts)).toMatchObject({ projectsUpdated: 0, projectsUnchanged: 2 });
  });

  it("a 拿地日期 after 开工 is refused with its row and column, and nothing is written", async () => {
    const file = tmp.file("late-land.xlsx");
    await exportLedger(store.db, file, DEFAULT_RULES);
    await editXlsx(file, "项目", (c) => c[1] === "锂电材料项目", { 拿地日期: "2025-07-02" });
    await expect(importLedger(store.db, file, opts)).rejects.toThrow(/拿地日期.*拿地日期2025年7月2日晚于开工日期2025年7月1日/s);
    expect((await getProject(store.db, parentId))!.landAcquiredOn).toBe("2025-06-10");
  });

  it("an older ledger without the 拿地日期 column keeps the stored date and the links", async () => {
    const file = tmp.file("older.xlsx");
    const rows = table("projects", [
      { name: "锂电材料项目", investor: "某新能源公司", origin: "市外", sector: "工业", stage: "投产", date_SIGNED: "2025-03-01", date_REGISTERED: "2025-04-01", date_STARTED: "2025-07-01", date_PRODUCING: "2026-05-01", nextStep: "申报达产验收" },
      { name: "锂电材料扩产项目", investor: "某新能源公司", origin: "市外", sector: "工业", stage: "线索", date_LEAD: "2026-11-01" },
    ]);
    const landAt = (rows[0] as string[]).indexOf("拿地日期");
    await writeXlsx(file, { 项目: rows.map((r) => r.filter((_, i) => i !== landAt)) });
    await importLedger(store.db, file, opts);
    expect(await getProject(store.db, parentId)).toMatchObject({ landAcquiredOn: "2025-06-10", nextStep: "申报达产验收" });
    expect(await getProject(store.db, childId)).toMatchObject({ followOnOf: parentId, followOnKind: "EXPANSION" });
  });

  it("a 当前阶段 of 拿地 is refused, pointing to the 拿地日期 column", async () => {
    const file = tmp.file("land-stage.xlsx");
    await writeXlsx(file, { 项目: table("projects", [{ name: "新项目", investor: "某公司", origin: "市外", sector: "工业", stage: "拿地", date_SIGNED: "2026-03-01" }]) });
    await expect(importLedger(store.db, file, opts)).rejects.toThrow("“拿地”不是阶段：当前阶段请填写签约、注册或开工等，拿地的日期填在“拿地日期”列");
  });
});
