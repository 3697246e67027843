import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { exportLedger, importLedger } from "../../src/ledger/index.ts";
import { upsertLeader } from "../../src/store/leaders.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { editXlsx, tempDir } from "./helpers.ts";

// The ledger's 包联领导 column takes a name or @id; the leaders directory
// supplies the other half, and an export re-imports unchanged.

const opts = { actor: { author: "ops", source: "CLI" as const }, rules: DEFAULT_RULES, now: new Date("2026-06-15T01:00:00Z") };
let store: TestStore;
const tmp = tempDir();
let byName: number;
let byId: number;

beforeAll(async () => {
  store = await createTestStore();
  await upsertLeader(store.db, { slackUserId: "U0WANG", name: "王区长" });
  await upsertLeader(store.db, { slackUserId: "U0LI", name: "李副区长" });
  byName = (await createProject(store.db, newProject({ name: "甲项目", investor: "甲公司" }), { author: "seed", source: "CLI" })).id;
  byId = (await createProject(store.db, newProject({ name: "乙项目", investor: "乙公司" }), { author: "seed", source: "CLI" })).id;
});
afterAll(async () => {
  await store.destroy();
  tmp.remove();
});

describe("包联领导 in the ledger", () => {
  it("a name gets its Slack id, an @id gets its name; re-importing the export changes nothing", async () => {
    const file = tmp.file("leaders.xlsx");
    await exportLedger(store.db, file, DEFAULT_RULES);
    await editXlsx(file, "项目", (c) => c[1] === "甲项目", { 包联领导: "王区长" });
    await editXlsx(file, "项目", (c) => c[1] === "乙项目", { 包联领导: "@U0LI" });
    await importLedger(store.db, file, opts);
    expect(await getProject(store.db, byName)).toMatchObject({ leaderName: "王区长", leaderSlackId: "U0WANG" });
    expect(await getProject(store.db, byId)).toMatchObject({ leaderName: "李副区长", leaderSlackId: "U0LI" });
    const again = tmp.file("again.xlsx");
    await exportLedger(store.db, again, DEFAULT_RULES);
    const r = await importLedger(store.db, again, opts);
    expect(r).toMatchObject({ projectsUpdated: 0, projectsCreated: 0 });
  });

  it("a name not in the directory stays a leader outside Slack", async () => {
    const file = tmp.file("outside.xlsx");
    await exportLedger(store.db, file, DEFAULT_RULES);
    await editXlsx(file, "项目", (c) => c[1] === "甲项目", { 包联领导: "赵书记" });
    await importLedger(store.db, file, opts);
    expect(await getProject(store.db, byName)).toMatchObject({ leaderName: "赵书记", leaderSlackId: null });
  });
});
