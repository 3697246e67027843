import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { exportLedger, importLedger } from "../../src/ledger/index.ts";
import { planImport } from "../../src/ledger/plan-import.ts";
import { readLedgerFile } from "../../src/ledger/read-file.ts";
import { projectKey } from "../../src/ledger/references.ts";
import { validateLedger } from "../../src/ledger/validate.ts";
import { StaleImportError, applyImportBatch } from "../../src/store/import-batch.ts";
import { readImportState, readProjects } from "../../src/store/import-state.ts";
import { listGroups, listTargets, listUnits, upsertGroup, upsertUnit } from "../../src/store/directory.ts";
import { listFunds, recordFunds } from "../../src/store/funds.ts";
import { createProject, getProject, projectHistory, saveProjectChanges, type Actor } from "../../src/store/projects.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { newProject } from "../fixtures/factories.ts";
import { editXlsx, storeCounts, table, tempDir, writeXlsx } from "./helpers.ts";

// Importing over a store that already holds the projects: only what changed is
// written, with its history; fund rows are a multiset added to, never removed.

const staff: Actor = { author: "U_STAFF", source: "SLASH" };
const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES, now: new Date("2026-06-15T01:00:00Z") };
let store: TestStore;
let projectId: number;
const tmp = tempDir();

beforeAll(async () => {
  store = await createTestStore();
  const park = await upsertUnit(store.db, { name: "白涛园区", kind: "PARK" });
  await upsertGroup(store.db, { name: "新材料组", leaderName: "李四", leaderSlackId: null, commissioners: "", focus: "", channelId: null, memberUserIds: ["U0A"] });
  const p = await createProject(store.db, newProject({ name: "锂电项目", investor: "某公司", leadUnitId: park, nextStep: "谈条件" }), staff);
  await createProject(store.db, newProject({ name: "其他项目", investor: "他公司" }), staff);
  projectId = p.id;
  await recordFunds(store.db, { projectId, date: "2026-06-01", amountWan: 500 }, staff);
});
afterAll(async () => {
  await store.destroy();
  tmp.remove();
});

describe("importing over existing data", () => {
  it("writes only the changed fields, with IMPORT history rows and one version bump", async () => {
    const file = tmp.file("edit.xlsx");
    await exportLedger(store.db, file, DEFAULT_RULES);
    const edited = await editXlsx(file, "项目", (c) => c[1] === "锂电项目", { 当前阶段: "签约", 签约日期: "2026年6月10日", 下一步: "办理施工许可" });
    expect(edited).toBe(1);

    const result = await importLedger(store.db, file, opts);
    expect(result).toMatchObject({ projectsCreated: 0, projectsUpdated: 1, projectsUnchanged: 1, fundsAdded: 0 });
    const p = (await getProject(store.db, projectId))!;
    expect([p.version, p.stage, p.stageDates.SIGNED, p.nextStep]).toEqual([2, "SIGNED", "2026-06-10", "办理施工许可"]);
    const rows = (await projectHistory(store.db, projectId)).filter((h) => h.source === "IMPORT");
    expect(rows.map((h) => h.field).sort()).toEqual(["nextStep", "signedAt", "stage"]);
    expect(rows.every((h) => h.author === "ops" && h.at.getTime() === opts.now.getTime())).toBe(true);
    expect(rows.find((h) => h.field === "stage")).toMatchObject({ oldValue: "NEGOTIATING", newValue: "SIGNED" });

    const before = await storeCounts(store.db);
    await importLedger(store.db, file, opts);
    expect(await storeCounts(store.db)).toEqual(before);
  });

  it("adds only the fund entries beyond those stored, and never deletes one", async () => {
    const file = tmp.file("funds.xlsx");
    const entry = { name: "锂电项目", investor: "某公司", date: "2026-06-01", amountWan: 500 };
    await writeXlsx(file, { 到位资金: table("funds", [entry, entry, { ...entry, amountWan: "500万" }, { ...entry, note: "设备款" }]) });
    expect((await importLedger(store.db, file, opts)).fundsAdded).toBe(3); // one of the three identical ones was stored already
    expect((await importLedger(store.db, file, opts)).fundsAdded).toBe(0);

    await writeXlsx(file, { 到位资金: table("funds", [entry]) });
    expect((await importLedger(store.db, file, opts)).fundsAdded).toBe(0);
    const funds = await listFunds(store.db, { projectId });
    expect(funds.map((f) => [f.amountWan, f.note])).toEqual([[500, ""], [500, ""], [500, ""], [500, "设备款"]]);
  });

  it("updates groups, units and targets by name and leaves the others alone", async () => {
    const file = tmp.file("directory.xlsx");
    await writeXlsx(file, {
      工作组与单位: table("directory", [
        { type: "工作组", name: "新材料组", leaderName: "王五", members: "U0B、U0A", year: 2026, keyCount: 4 },
        { type: "区级部门", name: "白涛园区" },
        { type: "园区", name: "李渡园区", year: 2026, agreedWan: "2亿" },
      ]),
    });
    expect(await importLedger(store.db, file, opts)).toMatchObject({ groups: 1, units: 2, targets: 2 });
    const [group] = await listGroups(store.db);
    expect(group).toMatchObject({ name: "新材料组", leaderName: "王五", memberUserIds: ["U0A", "U0B"] });
    expect((await listUnits(store.db)).map((u) => [u.name, u.kind])).toEqual([["白涛园区", "DEPARTMENT"], ["李渡园区", "PARK"]]);
    const targets = await listTargets(store.db, 2026);
    expect(targets.map((t) => [t.groupId !== null, t.keyCount, t.agreedWan])).toEqual([[true, 4, 0], [false, 0, 20_000]]);
    expect((await getProject(store.db, projectId))!.leadUnitId).toBe((await listUnits(store.db))[0]!.id);

    const before = await storeCounts(store.db);
    await importLedger(store.db, file, opts);
    expect(await storeCounts(store.db)).toEqual(before);
  });

  it("compares a changed project with it as read whole: a change made before that is its history's old value, one made after stops the write", async () => {
    const file = tmp.file("stale.xlsx");
    await exportLedger(store.db, file, DEFAULT_RULES);
    expect(await editXlsx(file, "项目", (c) => c[1] === "锂电项目", { 下一步: "签投资协议" })).toBe(1);
    const stored = (await getProject(store.db, projectId))!;
    // The import holds fingerprints only; the project changes before the plan reads it whole.
    const state = await readImportState(store.db, projectKey);
    await saveProjectChanges(store.db, projectId, stored.version, { blockers: "用地指标未落实" }, staff);
    const { ledger, problems } = await validateLedger(store.db, await readLedgerFile(file));
    expect(problems).toEqual([]);
    const ctx = { actor: { author: "ops", source: "IMPORT" as const }, now: opts.now, timeZone: DEFAULT_RULES.timeZone };
    const { batch, result } = await planImport(ledger, state, ctx, (ids) => readProjects(store.db, ids));
    expect(result).toMatchObject({ projectsUpdated: 1, projectsUnchanged: 1 });
    expect(batch.changedProjects).toEqual([
      { id: projectId, expectedVersion: stored.version + 1, before: expect.objectContaining({ blockers: "用地指标未落实" }), patch: { nextStep: "签投资协议", blockers: stored.blockers } },
    ]);

    // Changed again once read: nothing of the batch is written; prepared again from the new state, the import goes in.
    await saveProjectChanges(store.db, projectId, stored.version + 1, { nextStep: "等批复" }, staff);
    const counts = await storeCounts(store.db);
    await expect(applyImportBatch(store.target, batch)).rejects.toBeInstanceOf(StaleImportError);
    expect(await storeCounts(store.db)).toEqual(counts);
    expect(await importLedger(store.db, file, opts)).toMatchObject({ projectsUpdated: 1 });
    expect((await getProject(store.db, projectId))!).toMatchObject({ version: stored.version + 3, nextStep: "签投资协议", blockers: stored.blockers });
  });
});
