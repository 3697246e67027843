import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES, type Rules } from "../../src/domain/rules.ts";
import { reportContext } from "../../src/reports/report-context.ts";
import { createProject } from "../../src/store/projects.ts";
import { loadOpenSupervision, loadStalledProjects } from "../../src/store/report-rows.ts";
import { loadSnapshots } from "../../src/store/snapshot.ts";
import { appendSupervisionStep, createSupervision, loadSupervision } from "../../src/store/supervision.ts";
import { newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// A past day's light of a 督办 item uses the deadline in force that day: an
// item extended after it was already late stays red on the days before the
// 延期, in every path a light is computed by (the snapshot that reports and
// the weekly summary fold, the SQL that picks the stalled list and the pings,
// and the open items those read).

const at = (local: string) => new Date(`${local}T10:00:00+08:00`);
// No other light may interfere: the project is in talks, with no next step, and "no update" is switched off.
const rules: Rules = { ...DEFAULT_RULES, health: { ...DEFAULT_RULES.health, redNoUpdateDays: 9_999, yellowNoUpdateDays: 9_998 } };
const actor = { author: "USUP", source: "SLASH" as const };
let store: TestStore;
let projectId: number;
let itemId: number;

beforeAll(async () => {
  store = await createTestStore();
  projectId = (await createProject(store.db, newProject({ stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-05-01" }, nextStep: "", nextStepDue: null }), actor, { at: at("2026-05-01") })).id;
  // Listed 6月1日 due 6月30日; extended on 7月10日 (already late) to 7月31日.
  itemId = await createSupervision(store.db, projectId, { kind: "LIST", by: "USUP", on: "2026-06-01", note: "", issue: "用地指标未落实", owner: "<@UOWNER>", deadline: "2026-06-30" }, actor, { at: at("2026-06-01") });
  const item = (await loadSupervision(store.db, itemId, rules.timeZone))!;
  expect(await appendSupervisionStep(store.db, item, { kind: "EXTEND", by: "USUP", on: "2026-07-10", note: "等待市级批复", deadline: "2026-07-31" }, actor, { at: at("2026-07-10") })).toBe(true);
});
afterAll(async () => {
  await store.destroy();
});

describe("a 督办 item extended after it was late", () => {
  const days = [
    ["2026-06-30", "2026-06-30", false],
    ["2026-07-01", "2026-06-30", true],
    ["2026-07-09", "2026-06-30", true],
    ["2026-07-10", "2026-07-31", false],
    ["2026-07-31", "2026-07-31", false],
    ["2026-08-01", "2026-07-31", true],
  ] as const;

  it.each(days)("as of %s: deadline %s, red %s in the snapshot", async (asOf, deadline, red) => {
    const [snapshot] = await loadSnapshots(store.db, [asOf], rules);
    expect(snapshot!.supervision.map((s) => s.deadline)).toEqual([deadline]);
    const p = snapshot!.projects.find((x) => x.id === projectId)!;
    const health = reportContext(snapshot!).healthOf(p);
    expect(health.light).toBe(red ? "RED" : "GREEN");
    if (red) expect(health.reasons.map((r) => r.text).join()).toContain(`期限${deadline === "2026-06-30" ? "6月30日" : "7月31日"}`);
  });

  it.each(days)("as of %s: deadline %s, on the stalled list %s (SQL)", async (asOf, deadline, red) => {
    expect((await loadOpenSupervision(store.db, asOf, rules)).map((s) => s.deadline)).toEqual([deadline]);
    const stalled = await loadStalledProjects(store.db, asOf, rules);
    expect(stalled.some((s) => s.project.id === projectId)).toBe(red);
  });
});
