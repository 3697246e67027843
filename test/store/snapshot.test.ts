import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { recordFunds } from "../../src/store/funds.ts";
import { createProject, saveProjectChanges, type Actor } from "../../src/store/projects.ts";
import { loadSnapshot, loadSnapshots } from "../../src/store/snapshot.ts";
import { appendSupervisionStep, createSupervision, loadSupervision } from "../../src/store/supervision.ts";
import { newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

const actor: Actor = { author: "U1", source: "FORM" };
const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);
let store: TestStore;
let id: number;

beforeAll(async () => {
  store = await createTestStore();
  const p = await createProject(store.db, newProject({ agreedWan: 10_000, stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-10-01" } }), actor, { at: at("2026-10-01") });
  id = p.id;
  const v2 = await saveProjectChanges(store.db, id, 1, { stage: "SIGNED", signedAt: "2026-11-02", agreedWan: 30_000 }, actor, { at: at("2026-11-02") });
  await saveProjectChanges(store.db, id, v2.project.version, { nextStep: "拿地", coUnitIds: [] }, actor, { at: at("2026-11-10") });
  await recordFunds(store.db, { projectId: id, date: "2026-11-05", amountWan: 500 }, actor, { at: at("2026-11-05") });
  const itemId = await createSupervision(store.db, id, { kind: "LIST", by: "U1", on: "2026-11-03", note: "", issue: "用地", owner: "张三", deadline: "2026-11-08" }, actor, { at: at("2026-11-03") });
  const asked = (await loadSupervision(store.db, itemId, "Asia/Shanghai"))!;
  await appendSupervisionStep(store.db, asked, { kind: "REQUEST_CLOSE", by: "U1", on: "2026-11-12", note: "已解决" }, actor, { at: at("2026-11-12", "09:00") });
  const review = (await loadSupervision(store.db, itemId, "Asia/Shanghai"))!;
  await appendSupervisionStep(store.db, review, { kind: "APPROVE", by: "U2", on: "2026-11-12", note: "" }, actor, { at: at("2026-11-12") });
  // Late on 11-04 in Shanghai is still 11-04 there, though it is 11-04 15:30 UTC.
  await createProject(store.db, newProject({ name: "晚间录入" }), actor, { at: at("2026-11-04", "23:30") });
});
afterAll(async () => {
  await store.destroy();
});

describe("snapshots as of a past day", () => {
  it("undoes every change recorded after the day", async () => {
    const before = await loadSnapshot(store.db, "2026-11-01", DEFAULT_RULES);
    const p = before.projects.find((x) => x.id === id)!;
    expect([p.stage, p.agreedWan, p.stageDates.SIGNED]).toEqual(["NEGOTIATING", 10_000, undefined]);
    expect(before.lastUpdateOn.get(id)).toBe("2026-10-01");
    const after = await loadSnapshot(store.db, "2026-11-02", DEFAULT_RULES);
    expect(after.projects.find((x) => x.id === id)!.agreedWan).toBe(30_000);
  });

  it("leaves out projects created later, by the district's calendar day", async () => {
    const names = async (day: string) => (await loadSnapshot(store.db, day, DEFAULT_RULES)).projects.map((p) => p.name);
    expect(await names("2026-11-03")).not.toContain("晚间录入");
    expect(await names("2026-11-04")).toContain("晚间录入");
  });

  it("keeps funds up to the day and shows a supervision item closed later as open", async () => {
    const [on6, on12] = await loadSnapshots(store.db, ["2026-11-06", "2026-11-12"], DEFAULT_RULES);
    expect(on6.funds.map((f) => f.amountWan)).toEqual([500]);
    expect(on6.supervision[0]).toMatchObject({ closedOn: null, openedOn: "2026-11-03" });
    expect(on12.supervision[0]).toMatchObject({ closedOn: "2026-11-12", closedBy: "U2" });
    expect((await loadSnapshot(store.db, "2026-11-04", DEFAULT_RULES)).funds).toEqual([]);
  });
});
