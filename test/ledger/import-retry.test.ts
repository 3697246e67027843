import { copyFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { LedgerValidationError, checkLedger, importLedger } from "../../src/ledger/index.ts";
import { projectHistory } from "../../src/store/projects.ts";
import { createTestStore, usingPostgres, type TestStore } from "../helpers/test-store.ts";
import { dumpStore } from "../helpers/store-tables.ts";
import { table, tempDir, writeXlsx, type Cell } from "./helpers.ts";

// importLedger's own loop: an import that finds, when writing, that someone
// created the same unit meanwhile is prepared again from the file and the
// store, at most three times, and otherwise writes nothing. "Someone" is a
// trigger that creates the unit an import inserts, just before it does (the
// store's real unique index then refuses the import's row).

const NOW = new Date("2026-06-15T01:00:00Z");
const operator = { author: "ops", source: "CLI" as const };
let store: TestStore;
const tmp = tempDir();

function project(i: number, overrides: Record<string, Cell> = {}): Record<string, Cell> {
  return { name: `项目${i}`, investor: `投资方${i}`, group: "第1组", leadUnit: "园区甲", origin: "市外", sector: "工业", agreedWan: 5_000 + i, stage: "签约", date_SIGNED: "2026-03-01", responsibles: "U0R1", ...overrides };
}

async function ledger(name: string, units: string[], projects: Record<string, Cell>[]): Promise<string> {
  const file = tmp.file(name);
  await writeXlsx(file, {
    项目: table("projects", projects),
    工作组与单位: table("directory", [{ type: "工作组", name: "第1组", members: "U0A", year: 2026, keyCount: 2 }, ...units.map((u) => ({ type: "园区", name: u, year: 2026, agreedWan: 100_000 }))]),
  });
  return file;
}

/** Any unit the import creates is created first by "someone else". */
async function unitsCreatedMeanwhile() {
  if (usingPostgres) {
    await store.db.$executeRawUnsafe(
      `CREATE FUNCTION unit_meanwhile() RETURNS trigger AS $$ BEGIN IF pg_trigger_depth() = 1 THEN INSERT INTO "Unit" ("name", "kind") VALUES (NEW."name", NEW."kind"); END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await store.db.$executeRawUnsafe(`CREATE TRIGGER unit_meanwhile BEFORE INSERT ON "Unit" FOR EACH ROW EXECUTE FUNCTION unit_meanwhile()`);
  } else {
    // SQLite does not fire a trigger from its own insert (recursive_triggers is off).
    await store.db.$executeRawUnsafe(`CREATE TRIGGER unit_meanwhile BEFORE INSERT ON "Unit" BEGIN INSERT INTO "Unit" ("name", "kind") VALUES (NEW."name", NEW."kind"); END`);
  }
}

beforeAll(async () => {
  store = await createTestStore();
  await importLedger(store.db, await ledger("first.xlsx", ["园区甲"], [project(1)]), { actor: operator, rules: DEFAULT_RULES, now: NOW });
  await unitsCreatedMeanwhile();
});
afterAll(async () => {
  await store.destroy();
  tmp.remove();
});

describe("an import whose units were created meanwhile", () => {
  it("is tried three times, then refused with the reason, writing nothing", async () => {
    const file = await ledger("new-unit.xlsx", ["园区甲", "园区乙"], [project(1), project(2, { leadUnit: "园区乙" })]);
    const before = await dumpStore(store.target);
    let attempts = 0;
    const error = await importLedger(store.db, file, { actor: operator, rules: DEFAULT_RULES, now: NOW, onProgress: (done) => void (done === 0 && attempts++) }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "导入期间有同名的工作组、单位或项目被他人新建。导入期间台账中的项目接连被他人修改，已重试 3 次，未写入任何数据：请稍后重新导入（重复导入不会重复记录）。",
    );
    expect(attempts).toBe(3);
    expect(await dumpStore(store.target)).toEqual(before);
  });

  it("is prepared again from the file as it is then, and goes in", async () => {
    const conflicting = await ledger("conflicting.xlsx", ["园区甲", "园区丙"], [project(1), project(3, { leadUnit: "园区丙" })]);
    // The operator's corrected file replaces it while the first attempt is being prepared.
    const corrected = await ledger("corrected.xlsx", ["园区甲"], [project(1), project(3, { nextStep: "复核后导入" })]);
    const progress: Array<[number, number]> = [];
    const result = await importLedger(store.db, conflicting, {
      actor: operator,
      rules: DEFAULT_RULES,
      now: NOW,
      onProgress: (done, total) => {
        if (progress.push([done, total]) === 1) copyFileSync(corrected, conflicting);
      },
    });
    expect(result).toMatchObject({ projectsCreated: 1, projectsUpdated: 0 });
    // Two attempts, each counted from 0 to all of its rows.
    const starts = progress.filter(([done]) => done === 0);
    expect(starts).toHaveLength(2);
    expect(progress.at(-1)).toEqual([starts[1]![1], starts[1]![1]]);
    expect(await store.db.unit.count({ where: { name: "园区丙" } })).toBe(0);
    const created = (await store.db.project.findFirstOrThrow({ where: { name: "项目3" } })).id;
    // Written as an import (whatever the actor's own source); its progress row at the import's time.
    expect((await projectHistory(store.db, created)).map((u) => [u.field, u.source, u.author])).toEqual([
      ["PROGRESS", "IMPORT", "ops"],
      ["CREATED", "IMPORT", "ops"],
    ]);
    expect((await projectHistory(store.db, created))[0]!.at).toEqual(NOW);
  });
});

describe("an import that fails while writing for another reason", () => {
  it("is not tried again: the failure is told as it is", async () => {
    if (usingPostgres) {
      await store.db.$executeRawUnsafe(`CREATE FUNCTION refuse_group() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`);
      await store.db.$executeRawUnsafe(`CREATE TRIGGER refuse_group BEFORE INSERT ON "Group" FOR EACH ROW EXECUTE FUNCTION refuse_group()`);
    } else await store.db.$executeRawUnsafe(`CREATE TRIGGER refuse_group BEFORE INSERT ON "Group" BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    try {
      const file = tmp.file("new-group.xlsx");
      await writeXlsx(file, {
        项目: table("projects", [project(7, { group: "第2组" })]),
        工作组与单位: table("directory", [{ type: "工作组", name: "第2组", members: "U0B", year: 2026, keyCount: 1 }]),
      });
      let attempts = 0;
      const error = await importLedger(store.db, file, { actor: operator, rules: DEFAULT_RULES, now: NOW, onProgress: (done) => void (done === 0 && attempts++) }).catch((e: unknown) => e as Error);
      expect((error as Error).message).toContain("injected failure");
      expect((error as Error).message).not.toContain("已重试");
      expect(attempts).toBe(1);
    } finally {
      await store.db.$executeRawUnsafe(usingPostgres ? `DROP TRIGGER refuse_group ON "Group"` : `DROP TRIGGER refuse_group`);
    }
  });
});

describe("checking and refusing a ledger", () => {
  it("checkLedger lists every problem and writes nothing; importLedger refuses the same file with them all", async () => {
    const file = await ledger("bad.xlsx", ["园区甲"], [project(4, { leadUnit: "没有的园区" }), project(5, { stage: "不存在的阶段" })]);
    const before = await dumpStore(store.target);
    const problems = await checkLedger(store.db, file);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    const error = await importLedger(store.db, file, { actor: operator, rules: DEFAULT_RULES, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect((error as LedgerValidationError).problems).toEqual(problems);
    expect(await dumpStore(store.target)).toEqual(before);
  });

  it("without a time given, dates the import's history now", async () => {
    const from = Date.now();
    const file = await ledger("undated.xlsx", ["园区甲"], [project(1), project(6)]);
    expect(await importLedger(store.db, file, { actor: operator, rules: DEFAULT_RULES })).toMatchObject({ projectsCreated: 1 });
    const created = (await store.db.project.findFirstOrThrow({ where: { name: "项目6" } })).id;
    const [row] = await projectHistory(store.db, created); // its progress row
    expect(row!.at.getTime()).toBeGreaterThanOrEqual(from - 1000);
    expect(row!.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });
});
