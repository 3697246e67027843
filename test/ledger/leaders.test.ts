import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { checkLedger, exportLedger, importLedger } from "../../src/ledger/index.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { listLeaders, upsertLeader } from "../../src/store/leaders.ts";
import { createProject, getProject, listProjects } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { editXlsx, readXlsx, storeCounts, table, tempDir, writeXlsx } from "./helpers.ts";

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

describe("the 包联领导 directory on the 工作组与单位 sheet", () => {
  let source: TestStore;
  let target: TestStore;
  const SHEET = "工作组与单位";
  const leaderRowsOf = (sheets: Record<string, unknown[][]>) => {
    const [header, ...rows] = sheets[SHEET]!;
    const [id, scope] = ["领导Slack ID", "包联项目"].map((h) => header!.indexOf(h));
    return rows.filter((r) => r[0] === "包联领导").map((r) => [r[1], r[id!] ?? null, r[scope!] ?? null]);
  };

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestStore(), createTestStore()]);
    const groupId = await upsertGroup(source.db, { name: "新材料产业招商组", leaderName: "", leaderSlackId: null, commissioners: "", focus: "", channelId: null, memberUserIds: [] });
    await upsertLeader(source.db, { slackUserId: "U0WANG", name: "王区长" });
    await upsertLeader(source.db, { slackUserId: "U0IDLE", name: "周副区长" }); // in the directory, no project yet
    const seed = { author: "seed", source: "CLI" as const };
    await createProject(source.db, newProject({ name: "锂电材料项目", investor: "甲公司", groupId, leaderName: "王区长", leaderSlackId: "U0WANG" }), seed);
    await createProject(source.db, newProject({ name: "电子铜箔项目", investor: "乙公司", groupId: null, leaderName: "王区长", leaderSlackId: "U0WANG" }), seed);
    // Named from Slack (包联领导=<@U0SUN|孙副区长>): known on the project, not yet in the directory.
    await createProject(source.db, newProject({ name: "冷链物流项目", investor: "丙公司", groupId, leaderName: "孙副区长", leaderSlackId: "U0SUN" }), seed);
  });
  afterAll(async () => {
    await Promise.all([source.destroy(), target.destroy()]);
  });

  it("lists each leader with their Slack id and what they 包联; an empty store imports them and the projects find them by name", async () => {
    const first = tmp.file("dir-first.xlsx");
    await exportLedger(source.db, first, DEFAULT_RULES);
    const sheets = await readXlsx(first);
    expect(sheets[SHEET]![0]!.slice(-2)).toEqual(["领导Slack ID", "包联项目"]);
    expect(leaderRowsOf(sheets)).toEqual([
      ["孙副区长", "U0SUN", "1个项目（新材料产业招商组1个）：冷链物流项目"],
      ["王区长", "U0WANG", "2个项目（新材料产业招商组1个、未分组1个）：锂电材料项目、电子铜箔项目"],
      ["周副区长", "U0IDLE", null],
    ]);
    // The 项目 sheet names them; the directory sheet carries the ids.
    expect(sheets["项目"]!.filter((r) => r[1] === "冷链物流项目").map((r) => r.includes("孙副区长"))).toEqual([true]);

    const result = await importLedger(target.db, first, opts);
    expect(result).toMatchObject({ leaders: 3, projectsCreated: 3 });
    expect(await listLeaders(target.db)).toEqual(expect.arrayContaining([
      { slackUserId: "U0WANG", name: "王区长" },
      { slackUserId: "U0SUN", name: "孙副区长" },
      { slackUserId: "U0IDLE", name: "周副区长" },
    ]));
    const leaderOf = async (db: TestStore["db"]) => (await listProjects(db)).map((p) => [p.name, p.leaderName, p.leaderSlackId]).sort();
    expect(await leaderOf(target.db)).toEqual(await leaderOf(source.db));

    const second = tmp.file("dir-second.xlsx");
    await exportLedger(target.db, second, DEFAULT_RULES);
    expect(await readXlsx(second)).toEqual(sheets);
    // Importing the same file again changes nothing.
    const before = await storeCounts(target.db);
    expect(await importLedger(target.db, first, opts)).toMatchObject({ leaders: 3, projectsUpdated: 0, projectsCreated: 0 });
    expect(await storeCounts(target.db)).toEqual(before);
  });

  it("a leader renamed on the sheet is renamed in the store; projects still written with the old name keep their leader", async () => {
    const file = tmp.file("dir-rename.xlsx");
    await exportLedger(target.db, file, DEFAULT_RULES);
    expect(await editXlsx(file, SHEET, (c) => c[0] === "包联领导" && c[1] === "王区长", { "名称*": "王常务副区长" })).toBe(1);
    await importLedger(target.db, file, opts);
    expect((await listLeaders(target.db)).find((l) => l.slackUserId === "U0WANG")).toEqual({ slackUserId: "U0WANG", name: "王常务副区长" });
    expect((await listProjects(target.db)).filter((p) => p.leaderSlackId === "U0WANG").map((p) => p.name).sort()).toEqual(["电子铜箔项目", "锂电材料项目"]);
  });

  it("a file made before the 领导Slack ID column still imports", async () => {
    const file = tmp.file("dir-old.xlsx");
    const [header, ...rows] = table("directory", [{ type: "园区", name: "白涛园区" }]);
    const keep = header!.map((h, i) => (h === "领导Slack ID" ? -1 : i)).filter((i) => i >= 0);
    await writeXlsx(file, { [SHEET]: [header!, ...rows].map((r) => keep.map((i) => r[i])) });
    expect(keep.length).toBe(header!.length - 1);
    expect(await checkLedger(target.db, file)).toEqual([]);
  });

  it("refuses a leader row without a Slack id, with group or target columns, one id for two names, or one name for two ids", async () => {
    const file = tmp.file("dir-bad.xlsx");
    await writeXlsx(file, {
      [SHEET]: table("directory", [
        { type: "包联领导", name: "赵书记" },
        { type: "包联领导", name: "钱区长", slackId: "U0QIAN", year: 2026 },
        { type: "包联领导", name: "孙区长", slackId: "U0SUNA" },
        { type: "包联领导", name: "孙副区长", slackId: "U0SUNA" },
        { type: "包联领导", name: "李区长", slackId: "U0LIA" },
        { type: "包联领导", name: "李区长", slackId: "U0LIB" },
        { type: "园区", name: "白涛园区", slackId: "U0PARK" },
      ]),
    });
    const problems = (await checkLedger(target.db, file)).map((p) => `${p.row} ${p.column} ${p.reason}`);
    expect(problems).toEqual([
      expect.stringMatching(/^2 领导Slack ID “领导Slack ID”不能为空：请填写该领导的 Slack 用户 ID/),
      expect.stringMatching(/^3 目标年度 包联领导的行只填类型、名称和领导Slack ID/),
      expect.stringMatching(/^5 领导Slack ID 与第 4 行“孙区长”的 Slack ID 相同/),
      expect.stringMatching(/^7 名称\* 与第 6 行同名但 Slack ID 不同/),
      expect.stringMatching(/^8 领导Slack ID 只有类型为“包联领导”的行填写领导Slack ID/),
    ]);
  });
});
