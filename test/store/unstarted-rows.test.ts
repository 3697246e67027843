import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { unstartedSince } from "../../src/domain/unstarted.ts";
import { loadRules } from "../../src/store/settings.ts";
import { loadUnstartedProjects } from "../../src/store/report-rows.ts";
import { loadSnapshot } from "../../src/store/snapshot.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The 签约未开工 rows the 年考核 counts (SQL, as of a day, SQLite and
// PostgreSQL alike) are the projects the domain calls 签约未开工 on the
// JavaScript as-of snapshot of the same day, with the same stage dates.

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
  await loadDemo(store.db, "2026-11-23");
}, 180_000);
afterAll(async () => {
  await store.destroy();
});

describe("loadUnstartedProjects", () => {
  it.each(["2026-03-31", "2026-06-30", "2026-09-30", "2026-11-23", "2026-12-31"])("as of %s equals the domain's 签约未开工 on the snapshot", async (day) => {
    const rules = await loadRules(store.db);
    const sql = (await loadUnstartedProjects(store.db, day, rules)).map((l) => l.project);
    const snapshot = await loadSnapshot(store.db, day, rules);
    const domain = snapshot.projects.filter((p) => unstartedSince(p, day) !== undefined);
    expect(domain.length).toBeGreaterThan(0);
    expect(sql.map((p) => p.id)).toEqual(domain.map((p) => p.id).sort((a, b) => a - b));
    const byId = new Map(domain.map((p) => [p.id, p]));
    for (const p of sql) expect([p.stage, p.stageDates, p.leadUnitId, p.groupId], `#${p.id}`).toEqual([byId.get(p.id)!.stage, byId.get(p.id)!.stageDates, byId.get(p.id)!.leadUnitId, byId.get(p.id)!.groupId]);
  }, 120_000);
});
