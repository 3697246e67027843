import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyAppliedError, VersionConflictError } from "../../src/store/errors.ts";
import { recordFunds, listFunds } from "../../src/store/funds.ts";
import { createProject, getProject, projectHistory, saveProjectChanges, type Actor } from "../../src/store/projects.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { newProject } from "../fixtures/factories.ts";

const staff: Actor = { author: "U_STAFF", source: "SLASH" };
let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store.destroy();
});

describe("project store", () => {
  it("creates a project with its links and a CREATED history row", async () => {
    const unitA = await store.db.unit.create({ data: { name: "白涛园区", kind: "PARK" } });
    const unitB = await store.db.unit.create({ data: { name: "区商务委", kind: "DEPARTMENT" } });
    const p = await createProject(store.db, newProject({ leadUnitId: unitA.id, coUnitIds: [unitB.id], responsibleUserIds: ["U1", "U2"] }), staff);
    expect(p.version).toBe(1);
    expect(p.coUnitIds).toEqual([unitB.id]);
    expect(p.responsibleUserIds).toEqual(["U1", "U2"]);
    const history = await projectHistory(store.db, p.id);
    expect(history.map((h) => h.field)).toEqual(["CREATED"]);
  });

  it("records each changed field with old and new values and bumps the version", async () => {
    const p = await createProject(store.db, newProject(), staff);
    const { project, changes } = await saveProjectChanges(
      store.db,
      p.id,
      p.version,
      { stage: "SIGNED", signedAt: "2026-11-20", agreedWan: p.agreedWan, nextStep: "办理施工许可" },
      staff,
    );
    expect(project.version).toBe(2);
    expect(project.stage).toBe("SIGNED");
    expect(changes.map((c) => c.field).sort()).toEqual(["nextStep", "signedAt", "stage"]);
    const rows = await projectHistory(store.db, p.id);
    const stageRow = rows.find((r) => r.field === "stage")!;
    expect([stageRow.oldValue, stageRow.newValue, stageRow.author, stageRow.source]).toEqual(["NEGOTIATING", "SIGNED", "U_STAFF", "SLASH"]);
  });

  it("refuses a write based on a stale version and keeps the newer value", async () => {
    const p = await createProject(store.db, newProject(), staff);
    await saveProjectChanges(store.db, p.id, 1, { nextStep: "第一人的修改" }, staff);
    const stale = saveProjectChanges(store.db, p.id, 1, { nextStep: "第二人的修改" }, { author: "U_OTHER", source: "FORM" });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await stale.catch((e: VersionConflictError) => expect(e.current.nextStep).toBe("第一人的修改"));
    expect((await getProject(store.db, p.id))!.nextStep).toBe("第一人的修改");
  });

  it("lets exactly one of two concurrent edits of the same version win", async () => {
    const p = await createProject(store.db, newProject(), staff);
    const results = await Promise.allSettled([
      saveProjectChanges(store.db, p.id, 1, { blockers: "甲" }, staff),
      saveProjectChanges(store.db, p.id, 1, { blockers: "乙" }, staff),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const after = (await getProject(store.db, p.id))!;
    expect(after.version).toBe(2);
    const rows = (await projectHistory(store.db, p.id)).filter((r) => r.field === "blockers");
    expect(rows).toHaveLength(1);
  });

  it("records funds once per request key, even when sent twice at the same time", async () => {
    const p = await createProject(store.db, newProject(), staff);
    const entry = { projectId: p.id, date: "2026-11-20", amountWan: 500 };
    const results = await Promise.allSettled([
      recordFunds(store.db, entry, staff, { requestKey: "slash:abc" }),
      recordFunds(store.db, entry, staff, { requestKey: "slash:abc" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AlreadyAppliedError);
    await expect(recordFunds(store.db, entry, staff, { requestKey: "slash:abc" })).rejects.toBeInstanceOf(AlreadyAppliedError);
    expect(await listFunds(store.db, { projectId: p.id })).toHaveLength(1);
  });
});

describe("expiring request keys", () => {
  it("blocks a repeat within the window and allows it after", async () => {
    const p = await createProject(store.db, newProject(), staff);
    const t0 = new Date("2026-11-23T02:00:00Z");
    const entry = { projectId: p.id, date: "2026-11-20", amountWan: 500 };
    const opts = (at: Date) => ({ requestKey: "slash:U1:到位 #1 +500万", requestKeyTtlMs: 60_000, at });
    await recordFunds(store.db, entry, staff, opts(t0));
    await expect(recordFunds(store.db, entry, staff, opts(new Date(t0.getTime() + 59_000)))).rejects.toBeInstanceOf(AlreadyAppliedError);
    await recordFunds(store.db, entry, staff, opts(new Date(t0.getTime() + 61_000)));
    expect(await listFunds(store.db, { projectId: p.id })).toHaveLength(2);
  });
});
