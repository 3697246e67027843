import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyAppliedError, NotFoundError, VersionConflictError } from "../../src/store/errors.ts";
import { listFunds, recordFunds } from "../../src/store/funds.ts";
import {
  changesSinceVersion,
  countProjects,
  countProjectsByName,
  createProject,
  findProjectByNameAndInvestor,
  getProject,
  hasHistoryFrom,
  isRequestApplied,
  listProjectKeys,
  listProjects,
  listProjectsFollowingOn,
  projectHistory,
  saveProjectChanges,
  searchProjectsByName,
  type Actor,
} from "../../src/store/projects.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { newProject } from "../fixtures/factories.ts";

// The project and fund repositories' reads, filters and orders, and the
// edges of their writes: what a write must leave alone, what a repeated
// request is told, what a write that changes nothing does. Each test uses a
// fresh store, so counts and orders are the test's own.

const staff: Actor = { author: "U_STAFF", source: "SLASH" };
const T0 = new Date("2026-11-23T02:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store.destroy();
});

async function fresh() {
  await store.destroy();
  store = await createTestStore();
  return store.db;
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);

describe("reading projects", () => {
  it("lists by group and by ids in id order, finds by name and investor, counts, and lists follow-on projects oldest first", async () => {
    const db = await fresh();
    const group = await db.group.create({ data: { name: "第1组" } });
    const a = await createProject(db, newProject({ name: "甲", investor: "投甲", groupId: group.id }), staff);
    const b = await createProject(db, newProject({ name: "乙", investor: "投乙" }), staff);
    const c = await createProject(db, newProject({ name: "丙", investor: "投丙", groupId: group.id, followOnOf: a.id, followOnKind: "EXPANSION" }), staff);
    const d = await createProject(db, newProject({ name: "丁", investor: "投丁", followOnOf: a.id, followOnKind: "EXPANSION" }), staff);
    expect((await listProjects(db)).map((p) => p.name)).toEqual(["甲", "乙", "丙", "丁"]);
    expect((await listProjects(db, { groupId: group.id })).map((p) => p.id)).toEqual([a.id, c.id]);
    expect((await listProjects(db, { ids: [d.id, b.id] })).map((p) => p.id)).toEqual([b.id, d.id]);
    expect((await listProjects(db, { ids: [] })).map((p) => p.id)).toEqual([]);
    expect((await listProjectsFollowingOn(db, a.id)).map((p) => [p.id, p.followOnOf])).toEqual([
      [c.id, a.id],
      [d.id, a.id],
    ]);
    expect(await listProjectsFollowingOn(db, b.id)).toEqual([]);
    expect(await findProjectByNameAndInvestor(db, "乙", "投乙")).toMatchObject({ id: b.id, name: "乙" });
    expect(await findProjectByNameAndInvestor(db, "乙", "投甲")).toBeNull();
    expect((await listProjectKeys(db)).sort((x, y) => x.name.localeCompare(y.name))).toEqual(
      [{ name: "丁", investor: "投丁" }, { name: "丙", investor: "投丙" }, { name: "乙", investor: "投乙" }, { name: "甲", investor: "投甲" }].sort((x, y) => x.name.localeCompare(y.name)),
    );
    expect(await countProjects(db)).toBe(4);
  });

  it("searches names for a fragment: the exact name first, then shorter names, at most `limit`", async () => {
    const db = await fresh();
    for (const name of ["物流园二期工程", "智慧物流中心", "冷链物流", "物流", "港口物流基地", "新能源电池"]) await createProject(db, newProject({ name }), staff);
    expect((await searchProjectsByName(db, "物流")).map((p) => p.name)).toEqual(["物流", "冷链物流", "智慧物流中心", "港口物流基地", "物流园二期工程"]);
    expect((await searchProjectsByName(db, "物流", 2)).map((p) => p.name)).toEqual(["物流", "冷链物流"]);
    // Only the first `limit × 5` matches are ranked: with 1, the exact name is still among them.
    expect((await searchProjectsByName(db, "物流", 1)).map((p) => p.name)).toEqual(["物流"]);
    expect(await countProjectsByName(db, "物流")).toBe(5);
    expect(await countProjectsByName(db, "电池")).toBe(1);
  });

  it("says whether any history came from a source", async () => {
    const db = await fresh();
    await createProject(db, newProject(), { author: "demo", source: "DEMO" });
    expect(await hasHistoryFrom(db, "DEMO")).toBe(true);
    expect(await hasHistoryFrom(db, "IMPORT")).toBe(false);
  });
});

describe("writing projects", () => {
  it("records creation progress trimmed, dated progressAt; blank progress records none", async () => {
    const db = await fresh();
    const p = await createProject(db, newProject(), staff, { at: T0, progress: "  完成选址  ", progressAt: at(60_000) });
    expect((await projectHistory(db, p.id)).map((h) => [h.field, h.newValue, h.at.toISOString(), h.source])).toEqual([
      ["PROGRESS", "完成选址", at(60_000).toISOString(), "SLASH"],
      ["CREATED", p.name, T0.toISOString(), "SLASH"],
    ]);
    const q = await createProject(db, newProject(), staff, { at: T0, progress: "   " });
    expect((await projectHistory(db, q.id)).map((h) => h.field)).toEqual(["CREATED"]);
    const r = await createProject(db, newProject(), staff, { at: T0, progress: "已签约" });
    expect((await projectHistory(db, r.id)).map((h) => [h.field, h.at.toISOString()])).toEqual([
      ["PROGRESS", T0.toISOString()],
      ["CREATED", T0.toISOString()],
    ]);
  });

  it("a save that changes nothing writes nothing; progress alone is recorded trimmed", async () => {
    const db = await fresh();
    const p = await createProject(db, newProject({ nextStep: "办证" }), staff);
    const same = await saveProjectChanges(db, p.id, 1, { nextStep: "办证" }, staff, { progress: "   " });
    expect(same).toEqual({ project: p, changes: [] });
    expect((await getProject(db, p.id))!.version).toBe(1);
    expect((await projectHistory(db, p.id)).map((h) => h.field)).toEqual(["CREATED"]);
    const noted = await saveProjectChanges(db, p.id, 1, { nextStep: "办证" }, staff, { progress: "  已递交材料 " });
    expect(noted.changes).toEqual([]);
    expect(noted.project.version).toBe(2);
    expect((await projectHistory(db, p.id)).map((h) => [h.field, h.newValue])).toEqual([
      ["PROGRESS", "已递交材料"],
      ["CREATED", p.name],
    ]);
  });

  it("refuses a stale version even when the patch matches the current values, and an unknown project", async () => {
    const db = await fresh();
    const p = await createProject(db, newProject({ nextStep: "甲" }), staff);
    await saveProjectChanges(db, p.id, 1, { nextStep: "乙" }, staff);
    expect(await refusal(saveProjectChanges(db, p.id, 1, { nextStep: "乙" }, staff))).toBeInstanceOf(VersionConflictError);
    const missing = await refusal(saveProjectChanges(db, 999_999, 1, { nextStep: "乙" }, staff));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing!.message).toBe("项目 #999999 不存在。");
  });

  it("changes only the saved project: its version, its links, its history", async () => {
    const db = await fresh();
    const [u1, u2, u3] = await Promise.all(["园区一", "园区二", "园区三"].map((name) => db.unit.create({ data: { name, kind: "PARK" } })));
    const p = await createProject(db, newProject({ coUnitIds: [u1!.id], responsibleUserIds: ["U1"] }), staff);
    const other = await createProject(db, newProject({ coUnitIds: [u1!.id, u2!.id], responsibleUserIds: ["U1", "U2"] }), staff);
    await saveProjectChanges(db, p.id, 1, { coUnitIds: [u3!.id], responsibleUserIds: ["U3"] }, staff);
    expect(await getProject(db, p.id)).toMatchObject({ version: 2, coUnitIds: [u3!.id], responsibleUserIds: ["U3"] });
    expect(await getProject(db, other.id)).toMatchObject({ version: 1, coUnitIds: [u1!.id, u2!.id], responsibleUserIds: ["U1", "U2"] });
    await saveProjectChanges(db, p.id, 2, { coUnitIds: [], responsibleUserIds: [] }, staff);
    expect(await getProject(db, p.id)).toMatchObject({ version: 3, coUnitIds: [], responsibleUserIds: [] });
    expect((await projectHistory(db, other.id)).map((h) => h.field)).toEqual(["CREATED"]);
  });

  it("lists history newest first (the later row first within one moment), at most `limit` rows", async () => {
    const db = await fresh();
    const p = await createProject(db, newProject({ nextStep: "0" }), staff, { at: T0 });
    await saveProjectChanges(db, p.id, 1, { nextStep: "2" }, staff, { at: at(2_000) });
    await saveProjectChanges(db, p.id, 2, { nextStep: "1" }, staff, { at: at(1_000) });
    await saveProjectChanges(db, p.id, 3, { nextStep: "3", blockers: "缺电" }, staff, { at: at(3_000) });
    const rows = await projectHistory(db, p.id);
    expect(rows.map((h) => [h.field, h.newValue])).toEqual([
      ["blockers", "缺电"],
      ["nextStep", "3"],
      ["nextStep", "2"],
      ["nextStep", "1"],
      ["CREATED", p.name],
    ]);
    expect((await projectHistory(db, p.id, 2)).map((h) => h.newValue)).toEqual(["缺电", "3"]);
    expect(await changesSinceVersion(db, p.id, 4, 4)).toEqual([]);
  });
});

describe("request keys", () => {
  it("a repeated key is refused with what the first request did; at its expiry it may be used again", async () => {
    const db = await fresh();
    const p = await createProject(db, newProject(), staff, { requestKey: "k-create" });
    const again = await refusal(createProject(db, newProject(), staff, { requestKey: "k-create" }));
    expect(again).toBeInstanceOf(AlreadyAppliedError);
    expect((again as AlreadyAppliedError).result).toBe("created");
    await saveProjectChanges(db, p.id, 1, { nextStep: "一" }, staff, { requestKey: "k-save" });
    expect(((await refusal(saveProjectChanges(db, p.id, 2, { nextStep: "二" }, staff, { requestKey: "k-save" }))) as AlreadyAppliedError).result).toBe(`updated #${p.id}`);
    const fund = { projectId: p.id, date: "2026-11-20", amountWan: 100 };
    await recordFunds(db, fund, staff, { requestKey: "k-fund", requestKeyTtlMs: 60_000, at: T0 });
    expect(((await refusal(recordFunds(db, fund, staff, { requestKey: "k-fund", at: at(59_999) }))) as AlreadyAppliedError).result).toBe("fund");
    // Exactly at its expiry the key is free again.
    await recordFunds(db, fund, staff, { requestKey: "k-fund", requestKeyTtlMs: 60_000, at: at(60_000) });
    expect(await listFunds(db, { projectId: p.id })).toHaveLength(2);
  });

  it("isRequestApplied: no key or an unknown one is not applied; a live one is; an expired one (from its expiry on) is not", async () => {
    const db = await fresh();
    const p = await createProject(db, newProject(), staff);
    await recordFunds(db, { projectId: p.id, date: "2026-11-20", amountWan: 1 }, staff, { requestKey: "forever", at: T0 });
    await recordFunds(db, { projectId: p.id, date: "2026-11-20", amountWan: 2 }, staff, { requestKey: "minute", requestKeyTtlMs: 60_000, at: T0 });
    expect(await isRequestApplied(db, undefined, T0)).toBe(false);
    expect(await isRequestApplied(db, "unknown", T0)).toBe(false);
    expect(await isRequestApplied(db, "forever", at(10 * 365 * 86_400_000))).toBe(true);
    expect(await isRequestApplied(db, "minute", at(59_999))).toBe(true);
    expect(await isRequestApplied(db, "minute", at(60_000))).toBe(false);
    expect(await isRequestApplied(db, "minute")).toBe(false); // now is long after
  });
});

describe("funds", () => {
  it("records an entry with its note (empty without one) and a FUNDS history row naming it; refuses an unknown project", async () => {
    const db = await fresh();
    const p = await createProject(db, newProject(), staff, { at: T0 });
    const plain = await recordFunds(db, { projectId: p.id, date: "2026-11-20", amountWan: 300 }, staff, { at: T0 });
    const noted = await recordFunds(db, { projectId: p.id, date: "2026-11-21", amountWan: 200, note: "首期" }, staff, { at: at(1) });
    expect([plain.note, noted.note]).toEqual(["", "首期"]);
    expect((await listFunds(db)).map((f) => f.note)).toEqual(["", "首期"]);
    const [row] = await projectHistory(db, p.id, 1);
    expect([row!.field, JSON.parse(row!.newValue!), row!.author, row!.source, row!.at]).toEqual(["FUNDS", { id: noted.id, date: "2026-11-21", amountWan: 200 }, "U_STAFF", "SLASH", at(1)]);
    const missing = await refusal(recordFunds(db, { projectId: 999_999, date: "2026-11-20", amountWan: 1 }, staff));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing!.message).toBe("项目 #999999 不存在。");
  });

  it("lists entries by project, then day, then entry, up to a day if asked", async () => {
    const db = await fresh();
    const a = await createProject(db, newProject(), staff);
    const b = await createProject(db, newProject(), staff);
    for (const [project, date, amountWan] of [
      [b, "2026-03-01", 1],
      [a, "2026-05-01", 2],
      [a, "2026-04-01", 3],
      [b, "2026-02-01", 4],
      [a, "2026-04-01", 5],
    ] as const)
      await recordFunds(db, { projectId: project.id, date, amountWan }, staff);
    expect((await listFunds(db)).map((f) => f.amountWan)).toEqual([3, 5, 2, 4, 1]);
    expect((await listFunds(db, { projectId: b.id })).map((f) => f.amountWan)).toEqual([4, 1]);
    expect((await listFunds(db, { upTo: "2026-04-01" })).map((f) => f.amountWan)).toEqual([3, 5, 4, 1]);
  });
});
