import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayStart } from "../../src/domain/local-day.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { exportLedger, importLedger } from "../../src/ledger/index.ts";
import { listProjects } from "../../src/store/projects.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { seedLedgerStore } from "../fixtures/ledger.ts";
import { readXlsx, storeCounts, tempDir } from "./helpers.ts";

const operator = { author: "ops", source: "CLI" as const };
const now = new Date("2026-06-01T02:00:00Z");
let source: TestStore;
let target: TestStore;
const tmp = tempDir();

beforeAll(async () => {
  [source, target] = await Promise.all([createTestStore(), createTestStore()]);
  await seedLedgerStore(source.db);
});
afterAll(async () => {
  await Promise.all([source.destroy(), target.destroy()]);
  tmp.remove();
});

describe("ledger round trip", () => {
  it("export → import into an empty store → export gives the same cells in every sheet", async () => {
    const first = tmp.file("first.xlsx");
    const second = tmp.file("second.xlsx");
    expect(await exportLedger(source.db, first, DEFAULT_RULES)).toEqual({ projects: 10, funds: 4, groups: 2, units: 5, targets: 4 });

    const progress: [number, number][] = [];
    const result = await importLedger(target.db, first, { actor: operator, rules: DEFAULT_RULES, now, onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toEqual({ leaders: 0, projectsCreated: 10, projectsUpdated: 0, projectsUnchanged: 0, fundsAdded: 4, groups: 2, units: 5, targets: 4 });
    const total = 2 + 5 + 4 + 10 + 4;
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);

    await exportLedger(target.db, second, DEFAULT_RULES);
    const [a, b] = await Promise.all([readXlsx(first), readXlsx(second)]);
    expect(Object.keys(a)).toEqual(["项目", "到位资金", "工作组与单位", "说明"]);
    expect(b).toEqual(a);

    // The file carries what matters, not just the same emptiness.
    expect(a["项目"]).toHaveLength(11);
    const joint = a["项目"]!.find((r) => r[1] === "年产5万吨锂电材料项目")!;
    expect(joint.slice(4, 14)).toEqual(["新材料产业招商组", "白涛园区", "区商务委、区经济信息委", "白涛园区", "市外", "工业", 250_000, 600_000, "重大项目", "签约"]);
    // The blockers' kind by its label and the project's own department, after the text.
    const header = a["项目"]![0]!;
    expect(["问题堵点", "堵点类型", "堵点责任单位"].map((h) => joint[header.indexOf(h)])).toEqual(["用地指标待落实", "用地", "区发展改革委"]);
    const funds = a["到位资金"]!.filter((r) => r[2] === "2026-05-10T00:00:00.000Z");
    expect(funds).toHaveLength(2);
    expect(a["工作组与单位"]!.filter((r) => r[1] === "白涛园区").map((r) => r[8])).toEqual([2026, 2027]);
  });

  it("keeps every project field, and dates each new project from its first stage", async () => {
    const strip = (ps: Awaited<ReturnType<typeof listProjects>>) => ps.map(({ version: _v, ...p }) => p);
    expect(strip(await listProjects(target.db))).toEqual(strip(await listProjects(source.db)));

    const created = await target.db.update.findMany({ where: { field: "CREATED" }, include: { project: true }, orderBy: { projectId: "asc" } });
    const at = (name: string) => created.find((c) => c.project.name === name)!;
    expect(at("年产5万吨锂电材料项目").at).toEqual(dayStart("2025-11-03", "Asia/Shanghai"));
    expect(at("电子铜箔项目").at).toEqual(dayStart("2024-06-01", "Asia/Shanghai"));
    expect(at("物流园线索").at).toEqual(now); // no date at all
    expect(created.every((c) => c.source === "IMPORT" && c.author === "ops")).toBe(true);
    const fundRows = await target.db.update.findMany({ where: { field: "FUNDS" } });
    expect(fundRows).toHaveLength(4);
    // The import itself is today's progress report for every new project.
    const progress = await target.db.update.findMany({ where: { field: "PROGRESS" } });
    expect(progress).toHaveLength(created.length);
    expect(progress.every((p) => p.newValue === "台账导入" && p.at.getTime() === now.getTime())).toBe(true);
  });

  it("re-importing the same file changes nothing, in the new store and in the original", async () => {
    const file = tmp.file("first.xlsx");
    for (const store of [target, source]) {
      const before = await storeCounts(store.db);
      const result = await importLedger(store.db, file, { actor: operator, rules: DEFAULT_RULES, now });
      expect(result).toMatchObject({ projectsCreated: 0, projectsUpdated: 0, projectsUnchanged: 10, fundsAdded: 0 });
      expect(await storeCounts(store.db)).toEqual(before);
    }
  });
});
