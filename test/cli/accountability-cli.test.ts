import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays } from "../../src/domain/periods.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// `dispatch report unstarted|leaders` and `dispatch supervision list` on the
// demo district, through the real binary, each checked against the store;
// and the weekly summary's 签约未开工 and 督办 sections, this week and a past one.

const BIN = resolve(import.meta.dirname, "../../bin/dispatch.js");
const run = promisify(execFile);
const TODAY = "2026-11-23";
let store: TestStore;
let dir: string;

async function dispatch(...args: string[]) {
  const { stdout } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: store.url, DISPATCH_NOW: `${TODAY}T09:00:00+08:00` }, maxBuffer: 1 << 24 });
  return stdout;
}
// Each run starts a process on a shared machine: give every test room.
vi.setConfig({ testTimeout: 120_000 });
const json = async (...args: string[]) => JSON.parse(await dispatch(...args, "--format", "json"));

beforeAll(async () => {
  store = await createTestStore();
  dir = mkdtempSync(join(tmpdir(), "dispatch-acc-"));
  await run(process.execPath, [BIN, "demo"], { env: { ...process.env, DATABASE_URL: store.url, DISPATCH_NOW: `${TODAY}T09:00:00+08:00` } });
}, 120_000);
afterAll(async () => {
  await store.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("dispatch report unstarted", () => {
  it("lists every project at 签约/注册 with no 开工, in every band, with the documented fields", async () => {
    const r = await json("report", "unstarted");
    expect(r).toMatchObject({ schema: "dispatch.report/v2", kind: "unstarted", asOf: TODAY });
    expect(Object.keys(r.projects[0])).toEqual(["projectId", "name", "group", "leadUnit", "leader", "leaderSlackId", "signedOn", "daysSinceSigned", "ageBand", "agreedWan", "weightedWan", "fundsWan", "nextStep", "blockers"]);
    const stored = await store.db.project.findMany({ where: { stage: { in: ["SIGNED", "REGISTERED"] } }, select: { id: true } });
    expect(r.projects.map((p: { projectId: number }) => p.projectId).sort((a: number, b: number) => a - b)).toEqual(stored.map((p) => p.id).sort((a, b) => a - b));
    for (const band of ["WITHIN_YELLOW", "WITHIN_RED", "OVER_RED"]) expect(r.projects.some((p: { ageBand: string }) => p.ageBand === band)).toBe(true);
    const days = r.projects.map((p: { daysSinceSigned: number }) => p.daysSinceSigned);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(r.total.count).toBe(r.projects.length);
    expect(r.projects[0].leader).toMatch(/区长/);
  });

  it("as of a past day, a project signed since is not listed", async () => {
    const now = await json("report", "unstarted");
    const recent = now.projects.filter((p: { daysSinceSigned: number }) => p.daysSinceSigned < 7);
    expect(recent.length).toBeGreaterThan(0);
    const past = await json("report", "unstarted", "--as-of", addDays(TODAY, -8));
    for (const p of recent) expect(past.projects.find((x: { projectId: number }) => x.projectId === p.projectId)).toBeUndefined();
  });

  it("prints a workbook", async () => {
    const out = join(dir, "unstarted.xlsx");
    await dispatch("report", "unstarted", "--format", "xlsx", "--out", out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["签约未开工", "分段汇总"]);
  });
});

describe("dispatch supervision list", () => {
  it("has items in every state, each with its steps, matching the store", async () => {
    const r = await json("supervision", "list");
    expect(r.kind).toBe("supervision");
    expect(Object.keys(r.items[0])).toEqual(["id", "projectId", "project", "group", "issue", "owner", "ownerSlackId", "deadline", "status", "statusLabel", "openedOn", "closedOn", "daysOverdue", "steps"]);
    const statuses = new Set(r.items.map((i: { status: string }) => i.status));
    expect([...statuses].sort()).toEqual(["CLOSED", "DECLINED", "OPEN", "PROPOSED", "REVIEW"]);
    for (const status of statuses) {
      expect(r.items.filter((i: { status: string }) => i.status === status).length).toBe(await store.db.supervisionItem.count({ where: { status: status as string } }));
    }
  });

  it("filters overdue and review", async () => {
    const overdue = await json("supervision", "list", "--status", "overdue");
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((i: { daysOverdue: number }) => i.daysOverdue > 0)).toBe(true);
    const review = await json("supervision", "list", "--status", "review");
    expect(review.items.every((i: { status: string }) => i.status === "REVIEW")).toBe(true);
  });

  it("as of a past day shows that day's state", async () => {
    const review = (await json("supervision", "list", "--status", "review")).items[0];
    const asked = review.steps.find((s: { kind: string }) => s.kind === "REQUEST_CLOSE").on;
    const before = (await json("supervision", "list", "--as-of", addDays(asked, -1))).items.find((i: { id: number }) => i.id === review.id);
    expect(before.status).toBe("OPEN");
    expect(before.steps.length).toBeLessThan(review.steps.length);
  });
});

describe("dispatch report leaders", () => {
  it("lists each 包联领导 with their projects, reds, 签约未开工 and overdue 督办", async () => {
    const r = await json("report", "leaders");
    expect(r.kind).toBe("leaders");
    expect(r.leaders.map((l: { slackId: string }) => l.slackId).sort()).toEqual(["U0BAOL01", "U0BAOL02", "U0BAOL03", "U0BAOL04"]);
    const active = await store.db.project.count({ where: { stage: { not: "DROPPED" } } });
    expect(r.leaders.reduce((a: number, l: { counts: { projects: number } }) => a + l.counts.projects, 0) + r.withoutLeader).toBe(active);
    const overdue = (await json("supervision", "list", "--status", "overdue")).items.length;
    expect(r.leaders.reduce((a: number, l: { counts: { overdueSupervision: number } }) => a + l.counts.overdueSupervision, 0)).toBe(overdue);
  });
});

describe("the weekly summary's 签约未开工 and 督办 sections", () => {
  it.each([["last week", []], ["a past week", ["--week", "2026-W44"]]] as const)("agree with the lists as of the week's end (%s)", async (_n, week) => {
    const w = await json("report", "weekly", ...week);
    const asOf = w.period.asOf;
    const unstarted = await json("report", "unstarted", "--as-of", asOf);
    expect(w.unstarted.total.count).toBe(unstarted.total.count);
    expect(w.unstarted.bands.map((b: { count: number }) => b.count)).toEqual(unstarted.bands.map((b: { count: number }) => b.count));
    expect(w.unstarted.longestWaiting[0]?.projectId).toBe(unstarted.projects[0]?.projectId);
    const list = await json("supervision", "list", "--as-of", asOf);
    const inWeek = (d: string | null) => d !== null && d >= w.period.start && d <= asOf;
    expect(w.supervision.openedThisWeek).toBe(list.items.filter((i: { openedOn: string | null }) => inWeek(i.openedOn)).length);
    expect(w.supervision.closedThisWeek).toBe(list.items.filter((i: { closedOn: string | null }) => inWeek(i.closedOn)).length);
    expect(w.supervision.overdue).toBe(list.items.filter((i: { daysOverdue: number }) => i.daysOverdue > 0).length);
    const year = asOf.slice(0, 4);
    const listed = list.items.filter((i: { openedOn: string | null }) => i.openedOn?.startsWith(year));
    expect(w.supervision.closeRate).toBeCloseTo(listed.filter((i: { status: string }) => i.status === "CLOSED").length / listed.length);
  }, 180_000);

  it("the text shows both sections", async () => {
    const text = await dispatch("report", "weekly");
    expect(text).toContain("【签约未开工】");
    expect(text).toContain("【督办】");
    expect(text).toMatch(/销号率 \d+\.\d%/);
  });
});
