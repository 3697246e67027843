import { BLOCKER_KINDS } from "../../src/domain/blockers.ts";
import { describe, expect, it } from "vitest";
import { planDemo } from "../../src/demo/demo-plan.ts";
import { DEMO_GROUPS } from "../../src/demo/fuling-directory.ts";
import { classifyProject } from "../../src/domain/project-class.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { STAGES } from "../../src/domain/types.ts";

// The demo district a leader would trust: the same every time, names and
// amounts that look real, stages in lifecycle order, money after 开工.

const TODAY = "2026-11-30";
const plan = planDemo(TODAY);
const cls = (p: (typeof plan.projects)[number]) => classifyProject(p, DEFAULT_RULES);

describe("the demo plan", () => {
  it("is deterministic", () => {
    expect(planDemo(TODAY)).toEqual(plan);
  });

  it("names projects and investors plausibly, each once", () => {
    const names = plan.projects.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of plan.projects) {
      expect(p.name).toMatch(/^[\u4e00-\u9fa5A-Za-z0-9]+项目$/);
      expect(p.name).not.toMatch(/项目项目/);
      expect(p.investor).toMatch(/(有限公司|股份有限公司|集团有限公司)$/);
      expect(p.investor.length).toBeGreaterThanOrEqual(8);
      if (p.origin === "IN_CITY_OUTSIDE_DISTRICT") expect(p.investor).toMatch(/^重庆|集团有限公司$/);
    }
  });

  it("spreads amounts as a district's are: a few 重大, many 重点 and 一般, hardly two alike", () => {
    const counts = { MAJOR: 0, LARGE: 0, KEY: 0, GENERAL: 0, NONE: 0 };
    for (const p of plan.projects) counts[cls(p)]++;
    const n = plan.projects.length;
    expect(counts.MAJOR / n).toBeLessThan(0.12);
    expect((counts.KEY + counts.GENERAL) / n).toBeGreaterThan(0.6);
    const amounts = new Set(plan.projects.map((p) => p.agreedWan));
    expect(amounts.size / n).toBeGreaterThan(0.85);
  });

  it("follows the lifecycle: stages in order and in date order, none after today, funds only after 开工", () => {
    for (const p of plan.projects) {
      const order = p.path.map(([s]) => (s === "DROPPED" ? 99 : STAGES.indexOf(s)));
      expect(order, p.name).toEqual([...order].sort((a, b) => a - b));
      const days = p.path.map(([, d]) => d);
      expect(days, p.name).toEqual([...days].sort());
      expect(days.every((d) => d < TODAY), p.name).toBe(true);
      const started = p.path.find(([s]) => s === "STARTED")?.[1];
      for (const f of p.funds) expect(started !== undefined && f.date >= started && f.date < TODAY, `${p.name} ${f.date}`).toBe(true);
      expect(p.funds.reduce((s, f) => s + f.amountWan, 0)).toBeLessThanOrEqual(p.agreedWan);
      expect(p.lastUpdate >= days.at(-1)!).toBe(true);
    }
  });

  it("speaks as 重庆 does (市级部门, no 省厅) and names one person per role", () => {
    const text = JSON.stringify(plan);
    expect(text).not.toMatch(/省厅|省级/);
    const people = DEMO_GROUPS.flatMap((g) => g.commissioners.split("、"));
    expect(new Set(people).size).toBe(people.length);
  });

  it("files each blocker under a kind of its own (Project.blockerKind), the text without a label in front", () => {
    const blocked = plan.projects.filter((p) => p.blockers);
    expect(blocked.length).toBeGreaterThan(0);
    expect(new Set(blocked.map((p) => p.blockerKind)).size).toBeGreaterThan(2);
    for (const p of blocked) {
      expect(BLOCKER_KINDS).toContain(p.blockerKind);
      expect(p.blockers).not.toMatch(/^[^：:]{1,4}[：:]/);
    }
    expect(plan.projects.filter((p) => !p.blockers).every((p) => p.blockerKind === null)).toBe(true);
  });

  it("keeps the last two groups quiet last week", () => {
    const quiet = plan.projects.filter((p) => p.group >= DEMO_GROUPS.length - 2);
    const lastWeek = (d: string) => d >= "2026-11-23";
    expect(quiet.some((p) => lastWeek(p.lastUpdate) || p.path.some(([, d]) => lastWeek(d)) || p.funds.some((f) => lastWeek(f.date)))).toBe(false);
  });

  it("records 拿地 between 注册 and 开工, and a few 未来订单 of producing projects, fresh in the pipeline", () => {
    const dated = plan.projects.filter((p) => p.land);
    expect(dated.length).toBeGreaterThan(20);
    for (const p of dated) {
      const on = (s: string) => p.path.find(([x]) => x === s)?.[1];
      expect(p.land! >= on("REGISTERED")!, p.name).toBe(true);
      expect(p.land! <= (on("STARTED") ?? p.lastUpdate), p.name).toBe(true);
    }
    const followOns = plan.projects.filter((p) => p.followOn);
    expect(followOns.map((p) => p.followOn!.kind)).toEqual(["EXPANSION", "PHASE_TWO", "REFERRAL", "EXPANSION"]);
    for (const p of followOns) {
      const parent = plan.projects[p.followOn!.parent]!;
      expect(["PRODUCING", "AT_CAPACITY"], p.name).toContain(parent.path.at(-1)![0]);
      expect(plan.projects.indexOf(p)).toBeGreaterThan(p.followOn!.parent);
      expect(["LEAD", "NEGOTIATING"]).toContain(p.path.at(-1)![0]);
      expect(p.path[0]![1] >= parent.path.find(([s]) => s === "PRODUCING")![1]).toBe(true);
      expect(p.group).toBe(parent.group);
      if (p.followOn!.kind === "REFERRAL") expect(p.investor).not.toBe(parent.investor);
      else expect(p.investor).toBe(parent.investor);
    }
  });
});
