import { dayStart } from "../domain/local-day.ts";
import { addDays, daysBetween, previousWeek, weekOf, weekRange, yearOf } from "../domain/periods.ts";
import type { LocalDate, Origin, Project, Sector, Stage } from "../domain/types.ts";
import { STAGES } from "../domain/types.ts";
import type { Db } from "../store/client.ts";
import { upsertGroup, upsertTarget, upsertUnit } from "../store/directory.ts";
import { recordFunds } from "../store/funds.ts";
import { STAGE_DATE_COLUMNS } from "../store/project-row.ts";
import { createProject, saveProjectChanges, type Actor } from "../store/projects.ts";
import { openSupervision } from "../store/supervision.ts";
import { DEMO_GROUPS, DEMO_UNITS } from "./fuling-directory.ts";

// A demo district that exercises every rule: each group gets eight projects,
// one per scenario below, with amounts cycling through every class, origins
// through every origin, a quarter of them joint, and a history dated in the
// past so the weekly summary, the stalled list and the rankings all have
// something to show. Everything is relative to `today` and deterministic.

const 亿 = 10_000;
const TZ = "Asia/Shanghai";
const actor: Actor = { author: "demo", source: "DEMO" };
/** Investment, output and sector per class, cycling MAJOR → LARGE → KEY → GENERAL → NONE. */
const AMOUNTS: Array<{ agreedWan: number; outputWan: number }> = [
  { agreedWan: 25 * 亿, outputWan: 60 * 亿 },
  { agreedWan: 12 * 亿, outputWan: 20 * 亿 },
  { agreedWan: 2 * 亿, outputWan: 3 * 亿 },
  { agreedWan: 3_000, outputWan: 5_000 },
  { agreedWan: 600, outputWan: 800 },
];
const ORIGINS: Origin[] = ["OUTSIDE_CITY", "OUTSIDE_CITY", "IN_CITY_OUTSIDE_DISTRICT", "OUTSIDE_CITY", "IN_DISTRICT"];
const SERVICE_GROUPS = new Set([1, 5, 10]);
const DEPARTMENTS = DEMO_UNITS.filter((u) => u.kind === "DEPARTMENT").map((u) => u.name);

/** Slack-shaped ids of the demo's people: member n of the groups, and group leaders. */
export const demoUserId = (n: number) => `U0DEMO${String(n).padStart(2, "0")}`;
export const demoLeaderId = (n: number) => `U0LEAD${String(n).padStart(2, "0")}`;

interface Scenario {
  /** Stage path: each stage with how many days before today it was reached. */
  path: Array<[Stage, number]>;
  lastUpdateDaysAgo: number;
  nextStep: string;
  nextStepDueIn: number | null;
  blockers?: string;
}

function scenarios(g: number, lastWeekDay: (i: number) => number): Scenario[] {
  return [
    { path: [["LEAD", 20]], lastUpdateDaysAgo: lastWeekDay(4), nextStep: "赴企业总部拜访对接", nextStepDueIn: 14 },
    { path: [["LEAD", 80], ["NEGOTIATING", 40]], lastUpdateDaysAgo: 20, nextStep: "提交投资协议草案", nextStepDueIn: 20 },
    { path: [["LEAD", 120], ["NEGOTIATING", 60], ["SIGNED", lastWeekDay(g % 5)]], lastUpdateDaysAgo: lastWeekDay(g % 5), nextStep: "办理工商注册", nextStepDueIn: 25 },
    { path: [["NEGOTIATING", 300], ["SIGNED", 200]], lastUpdateDaysAgo: 10, nextStep: "协调土地摘牌", nextStepDueIn: 15, blockers: "用地：用地指标未落实" },
    {
      path: [["LEAD", 240], ["SIGNED", 150], ["REGISTERED", 120], ["STARTED", 60]],
      lastUpdateDaysAgo: lastWeekDay(2),
      nextStep: "办理施工许可",
      nextStepDueIn: g % 2 === 0 ? -40 : 30,
      blockers: g % 2 === 0 ? "审批：施工许可审批滞后" : undefined,
    },
    { path: [["SIGNED", 500], ["REGISTERED", 470], ["STARTED", 400], ["PRODUCING", 90]], lastUpdateDaysAgo: lastWeekDay(1), nextStep: "申报达产验收", nextStepDueIn: 3 },
    { path: [["LEAD", 200], ["NEGOTIATING", 150], ["SIGNED", 100], ["REGISTERED", lastWeekDay((g + 2) % 5)]], lastUpdateDaysAgo: lastWeekDay((g + 2) % 5), nextStep: "完成环评批复", nextStepDueIn: 10, blockers: "环评：环评批复待省厅审批" },
    g % 2 === 0
      ? { path: [["SIGNED", 700], ["STARTED", 600], ["PRODUCING", 400], ["AT_CAPACITY", 100]], lastUpdateDaysAgo: 60, nextStep: "", nextStepDueIn: null }
      : { path: [["LEAD", 300], ["NEGOTIATING", 200], ["DROPPED", 45]], lastUpdateDaysAgo: 45, nextStep: "", nextStepDueIn: null },
  ];
}

export interface DemoResult {
  groups: number;
  units: number;
  projects: number;
  funds: number;
}

/** Loads the demo district into an empty store. */
export async function loadDemo(db: Db, today: LocalDate): Promise<DemoResult> {
  const year = yearOf(today);
  const unitIds = new Map<string, number>();
  for (const u of DEMO_UNITS) {
    const id = await upsertUnit(db, { name: u.name, kind: u.kind });
    unitIds.set(u.name, id);
    await upsertTarget(db, { year, unitId: id, groupId: null, majorCount: u.major, largeCount: u.large, keyCount: u.key, agreedWan: u.agreedWan, arrivedWan: u.arrivedWan });
  }
  const lastWeek = weekRange(previousWeek(weekOf(today)));
  // Days before today of the i-th day of last week.
  const lastWeekDay = (i: number) => daysBetween(addDays(lastWeek.start, i), today);
  const daysAgo = (n: number): LocalDate => addDays(today, -n);
  const at = (date: LocalDate) => new Date(dayStart(date, TZ).getTime() + 10 * 3_600_000);

  let projects = 0;
  let funds = 0;
  for (const [g, group] of DEMO_GROUPS.entries()) {
    const members = [demoUserId(g * 2 + 1), demoUserId(g * 2 + 2)];
    const groupId = await upsertGroup(db, {
      name: group.name,
      leaderName: group.leaderName,
      leaderSlackId: demoLeaderId(g + 1),
      commissioners: group.commissioners,
      focus: group.focus,
      channelId: `C0DEMO${String(g + 1).padStart(2, "0")}`,
      memberUserIds: members,
    });
    // Groups have no targets in the seed; the demo gives each one so group rankings have something to rank.
    await upsertTarget(db, { year, unitId: null, groupId, majorCount: 1, largeCount: 1, keyCount: 2, agreedWan: 40 * 亿, arrivedWan: 12 * 亿 });

    // The last two groups were quiet last week (their news is a week older), so
    // the summary's "groups with no update last week" has something to show.
    const quiet = g >= DEMO_GROUPS.length - 2;
    const recentDay = (i: number) => lastWeekDay(i) + (quiet ? 7 : 0);
    for (const [k, s] of scenarios(g, recentDay).entries()) {
      const amounts = AMOUNTS[(g + k) % AMOUNTS.length];
      const sector: Sector = SERVICE_GROUPS.has(g) ? "SERVICE" : "INDUSTRY";
      const joint = (g + k) % 4 === 0;
      const landing = group.landing[k % group.landing.length];
      const [firstStage, firstAgo] = s.path[0];
      const base: Omit<Project, "id" | "version"> = {
        name: `${group.products[k]}项目`,
        investor: `${group.products[k].slice(0, 2)}${["科技", "实业", "集团", "控股"][k % 4]}有限公司`,
        industryChain: group.focus.split("、")[0],
        groupId,
        leadUnitId: unitIds.get(k === 1 ? "区招商投资局" : landing)!,
        coUnitIds: joint ? [unitIds.get(DEPARTMENTS[(g + k) % DEPARTMENTS.length])!, ...(k % 2 ? [unitIds.get(DEPARTMENTS[(g + k + 5) % DEPARTMENTS.length])!] : [])] : [],
        landingUnitId: unitIds.get(landing)!,
        origin: ORIGINS[(g * 8 + k) % ORIGINS.length],
        sector,
        agreedWan: amounts.agreedWan,
        outputWan: amounts.outputWan,
        stage: firstStage,
        stageDates: { [firstStage]: daysAgo(firstAgo) },
        dropReason: null,
        leaderName: group.leaderName,
        responsibleUserIds: [members[k % 2]],
        nextStep: "",
        nextStepDue: null,
        blockers: "",
      };
      let p = await createProject(db, base, actor, { at: at(daysAgo(firstAgo)) });
      for (const [stage, ago] of s.path.slice(1)) {
        const patch: Record<string, string | null> = { stage, [STAGE_DATE_COLUMNS[stage]]: daysAgo(ago) };
        if (stage === "DROPPED") patch.dropReason = "企业战略调整，投资计划取消";
        p = (await saveProjectChanges(db, p.id, p.version, patch, actor, { at: at(daysAgo(ago)) })).project;
      }
      const started = s.path.find(([st]) => STAGES.indexOf(st as (typeof STAGES)[number]) >= STAGES.indexOf("STARTED"));
      if (started) {
        const first = daysAgo(started[1] - 10);
        await recordFunds(db, { projectId: p.id, date: first, amountWan: Math.round(p.agreedWan * 0.3), note: "首期到位" }, actor, { at: at(first) });
        funds++;
        if (k === 4) {
          const recent = addDays(today, -recentDay((g + 1) % 5));
          await recordFunds(db, { projectId: p.id, date: recent, amountWan: Math.round(p.agreedWan * 0.1), note: "二期到位" }, actor, { at: at(recent) });
          funds++;
        }
      }
      if (k === 6 && g % 2 === 0) {
        await openSupervision(db, { projectId: p.id, issue: s.blockers ?? "项目推进滞后", owner: group.commissioners.split("、")[0], deadline: daysAgo(5) }, actor, { at: at(daysAgo(30)) });
      }
      // The last recorded update (next step, blockers) is what the "no update for N days" rule sees.
      const lastDay = daysAgo(Math.max(0, s.lastUpdateDaysAgo));
      await saveProjectChanges(
        db,
        p.id,
        p.version,
        { nextStep: s.nextStep, nextStepDue: s.nextStepDueIn === null ? null : addDays(today, s.nextStepDueIn), blockers: s.blockers ?? "" },
        actor,
        { at: at(lastDay) },
      );
      projects++;
    }
  }
  return { groups: DEMO_GROUPS.length, units: DEMO_UNITS.length, projects, funds };
}
