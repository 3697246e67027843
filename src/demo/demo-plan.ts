import type { BlockerKind } from "../domain/blockers.ts";
import { classifyProject } from "../domain/project-class.ts";
import { addDays, daysBetween, yearOf } from "../domain/periods.ts";
import { DEFAULT_RULES } from "../domain/rules.ts";
import { paceShare } from "../domain/targets.ts";
import type { FollowOnKind, LocalDate, Origin, ProjectClass, Sector, Stage } from "../domain/types.ts";
import { NameBook, projectName, SMALL_PRODUCT } from "./demo-names.ts";
import { DEMO_GROUPS, DEMO_UNITS, type DemoUnit } from "./fuling-directory.ts";
import { seededRandom, type Random } from "./random.ts";

// The demo district as a plan (pure, seeded): each unit signs this year about
// what its seed-003 target asks by today, some ahead of 序时进度 and some
// behind; amounts follow a realistic spread (a few 重大, many 重点/一般);
// stages follow the lifecycle in date order; funds arrive after 开工; most
// projects were updated this week, a few were not. load-demo.ts writes it.

const 亿 = 10_000;
const SERVICE_GROUPS = new Set([1, 5, 10]);
/** The group a department's projects usually belong to (by position in DEMO_GROUPS). */
const DEPARTMENT_GROUP: Record<string, number> = {
  区发展改革委: 8, 区财政局: 10, 区经济信息委: 11, 区教委: 1, 区科技局: 1, 区住房城乡建委: 7, 区交通局: 8, 区农业农村委: 2,
  区商务委: 10, 区民政局: 10, 区文化旅游委: 5, 区卫生健康委: 3, 区国资委: 4, 区大数据发展局: 0, 区物流办: 8, 区招商投资局: 6,
};
/** 要素制约 as staff write them: the kind (its department comes from the rules), then what is stuck. */
const BLOCKERS: ReadonlyArray<[kind: BlockerKind, text: string]> = [
  ["LAND", "用地指标待市规划自然资源局批复"],
  ["ENVIRONMENT", "环评批复待市生态环境局审批"],
  ["ENERGY", "能评审查排队中"],
  ["UTILITIES", "配套电力线路未接入"],
  ["APPROVAL", "施工许可办理滞后"],
  ["FUNDING", "项目融资未到位"],
];
const NEXT_STEP: Partial<Record<Stage, string[]>> = {
  LEAD: ["赴企业总部拜访对接", "邀请企业来涪考察"],
  NEGOTIATING: ["提交投资协议草案", "开展项目可行性评估", "商定供地方案"],
  SIGNED: ["办理工商注册", "成立项目公司"],
  REGISTERED: ["办理用地手续", "完成环评批复", "办理施工许可"],
  STARTED: ["推进主体工程建设", "设备安装调试"],
  PRODUCING: ["申报达产验收", "推进二期扩能"],
};

export interface PlannedProject {
  group: number;
  leadUnit: string;
  coUnits: string[];
  landingUnit: string;
  name: string;
  investor: string;
  industryChain: string;
  origin: Origin;
  sector: Sector;
  agreedWan: number;
  outputWan: number;
  /** Stages reached, in date order. */
  path: Array<[Stage, LocalDate]>;
  funds: Array<{ date: LocalDate; amountWan: number; note: string }>;
  lastUpdate: LocalDate;
  nextStep: string;
  nextStepDue: LocalDate | null;
  blockers: string;
  /** The blockers' kind (Project.blockerKind); null when there are none. */
  blockerKind: BlockerKind | null;
  /** An open 督办 item whose deadline has passed. */
  supervision: { issue: string; openedOn: LocalDate; deadline: LocalDate } | null;
  /** Which of the group's two commissioners is responsible. */
  responsible: 0 | 1;
  /** 拿地 (a milestone of the 开工拿地 node, not a stage); null when no land yet. */
  land: LocalDate | null;
  /** 未来订单: follow-on investment of the project at this index of `projects`, of this kind. */
  followOn: { parent: number; kind: FollowOnKind } | null;
}

export interface PlannedTarget {
  majorCount: number;
  largeCount: number;
  keyCount: number;
  agreedWan: number;
  arrivedWan: number;
}

export interface DemoPlan {
  /** The district's own target (seed 002 asks over 500亿 a year; the demo sets 600亿). */
  district: PlannedTarget;
  groupTargets: PlannedTarget[];
  projects: PlannedProject[];
}

const roundMoney = (wan: number) => (wan >= 亿 ? Math.round(wan / 100) * 100 : Math.max(10, Math.round(wan / 10) * 10));

function amountOf(cls: ProjectClass, sector: Sector, r: Random): number {
  const general = sector === "SERVICE" ? 500 : 2_000;
  if (cls === "MAJOR") return r.logUniform(20 * 亿, 60 * 亿);
  if (cls === "LARGE") return r.logUniform(10 * 亿, 19.5 * 亿);
  if (cls === "KEY") return r.logUniform(1 * 亿, 9.5 * 亿);
  if (cls === "GENERAL") return r.logUniform(general, 0.95 * 亿);
  return r.logUniform(general * 0.2, general * 0.95);
}

/** Evenly spread values in [lo, hi], shuffled: some units ahead of 序时进度, some behind, none tied. */
function spread(n: number, lo: number, hi: number, r: Random): number[] {
  return r.shuffle(Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, n - 1)));
}

export function planDemo(today: LocalDate): DemoPlan {
  const r = seededRandom(20_261_202);
  const names = new NameBook(r);
  const year = yearOf(today);
  const yearStart = `${year}-01-01`;
  const pace = Math.max(0.05, paceShare(today));
  const weights = DEFAULT_RULES.originWeights;
  const productIndex = DEMO_GROUPS.map(() => 0);
  const projects: PlannedProject[] = [];
  // The last two groups were quiet last week: nothing of theirs is dated in it.
  const latestFor = (g: number) => addDays(today, g >= DEMO_GROUPS.length - 2 ? -9 : -1);
  const dayBetween = (from: LocalDate, to: LocalDate) => (to <= from ? from : addDays(from, r.int(0, daysBetween(from, to))));

  function newProject(g: number, unit: string, origin: Origin, sector: Sector, amount: number): PlannedProject {
    const group = DEMO_GROUPS[g]!;
    const product = group.products[productIndex[g]++ % group.products.length]!;
    const brand = names.brand();
    const agreedWan = roundMoney(amount);
    const outputWan = roundMoney(agreedWan * (sector === "INDUSTRY" ? r.next() * 1.2 + 1.1 : r.next() * 0.5 + 0.3));
    const landing = DEMO_UNITS.find((u) => u.name === unit)?.kind === "PARK" ? unit : group.landing[0]!;
    // 联合招商: a park's mid-sized project with a department of some weight (20% of it must not swamp a 5000万 target).
    const joint = landing === unit && agreedWan <= 10 * 亿 && r.chance(0.2);
    const coUnits = joint ? [r.pick(DEMO_UNITS.filter((u) => u.kind === "DEPARTMENT" && u.agreedWan >= 5 * 亿).map((u) => u.name))] : [];
    return {
      group: g, leadUnit: unit, coUnits, landingUnit: landing, name: projectName(brand, product), investor: names.investor(brand, g, origin),
      industryChain: group.focus.split("、")[0]!, origin, sector, agreedWan, outputWan, path: [], funds: [], lastUpdate: today,
      nextStep: "", nextStepDue: null, blockers: "", blockerKind: null, supervision: null, responsible: r.chance(0.5) ? 0 : 1, land: null, followOn: null,
    };
  }

  /** Stages after signing on `signed`, each a plausible while later, none after the group's latest day. */
  function lifeAfterSigning(p: PlannedProject, signed: LocalDate, latest: LocalDate, startChance: number) {
    const negotiating = addDays(signed, -r.int(30, 150));
    if (r.chance(0.7)) p.path.push(["LEAD", addDays(negotiating, -r.int(20, 90))]);
    p.path.push(["NEGOTIATING", negotiating], ["SIGNED", signed]);
    const registered = addDays(signed, r.int(10, 40));
    if (registered > latest || !r.chance(0.92)) return;
    p.path.push(["REGISTERED", registered]);
    const started = addDays(registered, r.int(30, 110));
    if (started > latest || !r.chance(startChance)) return;
    p.path.push(["STARTED", started]);
    const producing = addDays(started, r.int(180, 330));
    if (producing > latest) return;
    p.path.push(["PRODUCING", producing]);
    const capacity = addDays(producing, r.int(200, 400));
    if (capacity <= latest && r.chance(0.6)) p.path.push(["AT_CAPACITY", capacity]);
  }

  // This year's signings, unit by unit, until each has about its share of the target by today.
  const unitSpread = spread(DEMO_UNITS.length, -0.22, 0.12, r);
  DEMO_UNITS.forEach((unit: DemoUnit, u) => {
    const groups = unit.kind === "PARK" ? DEMO_GROUPS.flatMap((g, i) => (g.landing.includes(unit.name) ? [i] : [])) : [DEPARTMENT_GROUP[unit.name] ?? 0];
    let remaining = unit.agreedWan * pace * (1 + unitSpread[u]!);
    for (let n = 0; remaining > 0 && n < 40; n++) {
      const g = r.pick(groups);
      const serviceShare = unit.nonIndustryAgreedWan ? unit.nonIndustryAgreedWan / unit.agreedWan : 0;
      const sector: Sector = SERVICE_GROUPS.has(g) || r.chance(serviceShare) ? "SERVICE" : "INDUSTRY";
      const origin = r.weighted<Origin>({ OUTSIDE_CITY: 72, IN_CITY_OUTSIDE_DISTRICT: 24, IN_DISTRICT: 4 });
      const w = weights[origin];
      const product = DEMO_GROUPS[g]!.products[productIndex[g]! % DEMO_GROUPS[g]!.products.length]!;
      // A park's year rests on a few large projects; a department's on smaller ones.
      let cls = r.weighted<ProjectClass>(unit.kind === "PARK" ? { MAJOR: 24, LARGE: 24, KEY: 38, GENERAL: 12, NONE: 2 } : { MAJOR: 4, LARGE: 8, KEY: 50, GENERAL: 34, NONE: 4 });
      if (SMALL_PRODUCT.test(product) && (cls === "MAJOR" || cls === "LARGE")) cls = "KEY";
      let amount = amountOf(cls, sector, r);
      // Near the end of a unit's share, the last project is sized to it rather than overshooting it.
      if (w > 0 && cls !== "NONE" && amount * w > remaining * 1.25) amount = Math.max(remaining / w, sector === "SERVICE" ? 500 : 2_000);
      const p = newProject(g, unit.name, origin, sector, amount);
      const latest = latestFor(g);
      // Some signed in the last days, so the weekly 调度 has signings to report.
      const signed = r.chance(0.06) ? dayBetween(addDays(latest, -6) > yearStart ? addDays(latest, -6) : yearStart, latest) : dayBetween(yearStart, latest);
      lifeAfterSigning(p, signed, latest, 0.85);
      projects.push(p);
      if (classifyProject(p, DEFAULT_RULES) !== "NONE") remaining -= p.agreedWan * w * (p.coUnits.length ? DEFAULT_RULES.jointLeadShare : 1);
    }
  });

  // Each group: projects signed in earlier years (built, producing), the pipeline, and now and then one dropped.
  DEMO_GROUPS.forEach((group, g) => {
    const latest = latestFor(g);
    const sector: Sector = SERVICE_GROUPS.has(g) ? "SERVICE" : "INDUSTRY";
    // Mostly signed last year, so 同期 has a year of signings to compare with.
    for (let k = 0; k < 3; k++) {
      const cls: ProjectClass = r.weighted({ MAJOR: 1, LARGE: 2, KEY: 7 });
      const p = newProject(g, group.landing[k % group.landing.length]!, "OUTSIDE_CITY", sector, amountOf(cls, sector, r));
      lifeAfterSigning(p, addDays(today, -r.int(370, 760)), latest, 1);
      projects.push(p);
    }
    const pipeline = r.int(1, 2);
    for (let k = 0; k < pipeline; k++) {
      const cls: ProjectClass = r.weighted({ MAJOR: 1, LARGE: 2, KEY: 6, GENERAL: 3 });
      const p = newProject(g, group.landing[0]!, r.chance(0.8) ? "OUTSIDE_CITY" : "IN_CITY_OUTSIDE_DISTRICT", sector, amountOf(cls, sector, r));
      const lead = addDays(latest, -r.int(5, 200));
      p.path.push(["LEAD", lead]);
      const negotiating = addDays(lead, r.int(15, 90));
      if (negotiating <= latest && r.chance(0.6)) p.path.push(["NEGOTIATING", negotiating]);
      projects.push(p);
    }
    if (g % 3 === 1) {
      const p = newProject(g, group.landing[0]!, "OUTSIDE_CITY", sector, amountOf("KEY", sector, r));
      const lead = addDays(latest, -r.int(150, 300));
      p.path.push(["LEAD", lead], ["NEGOTIATING", addDays(lead, 30)], ["DROPPED", addDays(lead, r.int(60, 120))]);
      projects.push(p);
    }
  });

  // Funds arrive after 开工: each started project gets a first tranche, units with a 到位资金 target more
  // this year until about their share by today.
  const unitArrivedSpread = spread(DEMO_UNITS.length, -0.2, 0.15, r);
  for (const p of projects) {
    const started = p.path.find(([s]) => s === "STARTED")?.[1];
    if (!started) continue;
    const first = addDays(started, r.int(5, 30));
    if (first <= latestFor(p.group)) p.funds.push({ date: first, amountWan: roundMoney(p.agreedWan * (0.15 + r.next() * 0.15)), note: "首期资金到位" });
  }
  DEMO_UNITS.forEach((unit, u) => {
    if (!unit.arrivedWan) return;
    const mine = projects.filter((p) => p.leadUnit === unit.name && p.origin !== "IN_DISTRICT" && p.path.some(([s]) => s === "STARTED"));
    const arrivedThisYear = (p: PlannedProject) => p.funds.filter((f) => f.date >= yearStart).reduce((s, f) => s + f.amountWan * weights[p.origin], 0);
    let remaining = unit.arrivedWan * pace * (1 + unitArrivedSpread[u]!) - mine.reduce((s, p) => s + arrivedThisYear(p), 0);
    for (let n = 0; remaining > 0 && mine.length && n < 60; n++) {
      const p = r.pick(mine);
      const room = p.agreedWan * 0.9 - p.funds.reduce((s, f) => s + f.amountWan, 0);
      if (room < 100) continue;
      const from = [yearStart, p.path.find(([s]) => s === "STARTED")![1], ...p.funds.map((f) => f.date)].sort().at(-1)!;
      const latest = latestFor(p.group);
      if (from >= latest) continue;
      const amount = roundMoney(Math.min(room, remaining / weights[p.origin], p.agreedWan * (0.1 + r.next() * 0.2)));
      if (amount < 500) break; // the last few 万元 are not worth an entry of their own
      p.funds.push({ date: dayBetween(addDays(from, 1), latest), amountWan: amount, note: "分期资金到位" });
      remaining -= amount * weights[p.origin];
    }
  });

  // Follow-up: most projects were updated this week; some not for two weeks or a month; a few next steps are late.
  let supervised = 0;
  for (const p of projects) {
    const stage = p.path.at(-1)![0];
    const latest = latestFor(p.group);
    const lastEvent = [...p.path.map(([, d]) => d), ...p.funds.map((f) => f.date)].sort().at(-1)!;
    const quietFor = r.weighted({ week: 83, twoWeeks: 12, month: 5 });
    const ago = quietFor === "week" ? r.int(0, 5) : quietFor === "twoWeeks" ? r.int(15, 28) : r.int(31, 45);
    const candidate = addDays(latest, -ago);
    p.lastUpdate = candidate > lastEvent ? candidate : lastEvent;
    if (stage === "DROPPED" || stage === "AT_CAPACITY") continue;
    p.nextStep = r.pick(NEXT_STEP[stage] ?? ["推进项目建设"]);
    const due = r.weighted({ ahead: 86, late: 11, veryLate: 3 });
    p.nextStepDue = due === "ahead" ? addDays(today, r.int(8, 45)) : due === "late" ? addDays(today, -r.int(1, 20)) : addDays(today, -r.int(32, 50));
    if (p.nextStepDue < p.lastUpdate) p.nextStepDue = due === "ahead" ? p.nextStepDue : addDays(p.lastUpdate, 1);
    const blocker = ["SIGNED", "REGISTERED", "STARTED"].includes(stage) && r.chance(0.2) ? r.pick(BLOCKERS) : null;
    if (blocker) [p.blockerKind, p.blockers] = blocker;
    if (blocker && supervised < 4 && r.chance(0.5)) {
      supervised++;
      const deadline = addDays(today, -r.int(3, 12));
      p.supervision = { issue: blocker[1], openedOn: addDays(deadline, -r.int(15, 30)), deadline };
    }
  }

  // Group targets are the demo's own (the seed sets none): each group's achievement by today, spread around 序时进度.
  const groupSpread = spread(DEMO_GROUPS.length, -0.25, 0.15, r);
  const groupTargets = DEMO_GROUPS.map((_, g) => {
    const signedThisYear = projects.filter((p) => p.group === g && p.path.some(([s, d]) => s === "SIGNED" && d >= yearStart));
    const counted = signedThisYear.filter((p) => classifyProject(p, DEFAULT_RULES) !== "NONE");
    const agreed = counted.reduce((s, p) => s + p.agreedWan * weights[p.origin], 0);
    const arrived = projects.filter((p) => p.group === g && classifyProject(p, DEFAULT_RULES) !== "NONE").reduce((s, p) => s + p.funds.filter((f) => f.date >= yearStart).reduce((x, f) => x + f.amountWan * weights[p.origin], 0), 0);
    const count = (c: ProjectClass) => counted.filter((p) => classifyProject(p, DEFAULT_RULES) === c).length;
    const share = pace * (1 + groupSpread[g]!);
    const goal = (n: number) => Math.max(1, Math.round(n / share));
    return {
      majorCount: count("MAJOR") ? goal(count("MAJOR")) : 1,
      largeCount: goal(count("LARGE")),
      keyCount: goal(count("KEY")),
      agreedWan: Math.max(1, Math.round(agreed / share / 亿)) * 亿,
      arrivedWan: Math.max(1, Math.round(arrived / share / 亿)) * 亿,
    };
  });
  // The district's own goal (seed 002: over 500亿 a year); its class counts are the demo's, about on pace.
  const counted = projects.filter((p) => p.path.some(([s, d]) => s === "SIGNED" && d >= yearStart));
  const districtCount = (c: ProjectClass) => Math.max(1, Math.round(counted.filter((p) => classifyProject(p, DEFAULT_RULES) === c).length / pace / 5) * 5);
  const district = { majorCount: districtCount("MAJOR"), largeCount: districtCount("LARGE"), keyCount: districtCount("KEY"), agreedWan: 600 * 亿, arrivedWan: 200 * 亿 };
  // Numbered group by group (#1 is the first group's), as a district's ledger lists them.
  projects.sort((a, b) => a.group - b.group);
  // Drawn last, so that nothing above (and no project number) shifts with them.
  addLandDates(projects, r);
  projects.push(...followOns(projects, r, names, latestFor, today));
  return { district, groupTargets, projects };
}

const dateOf = (p: PlannedProject, stage: Stage) => p.path.find(([s]) => s === stage)?.[1];
const between = (from: LocalDate, to: LocalDate, r: Random) => (to <= from ? from : addDays(from, r.int(0, daysBetween(from, to))));

/** 拿地 between 注册 and 开工 for started projects; registered ones waiting for the 施工许可 already have their land. */
function addLandDates(projects: PlannedProject[], r: Random): void {
  for (const p of projects) {
    const registered = dateOf(p, "REGISTERED");
    const started = dateOf(p, "STARTED");
    if (registered && started) p.land = between(registered, started, r);
    else if (registered && p.path.at(-1)![0] === "REGISTERED" && p.nextStep === "办理施工许可") p.land = between(registered, p.lastUpdate, r);
  }
}

const FOLLOW_ON_PLAN: FollowOnKind[] = ["EXPANSION", "PHASE_TWO", "REFERRAL", "EXPANSION"];

/**
 * 未来订单 (seed 000's last node): the first producing project of each of the
 * first groups brings follow-on investment, fresh in the pipeline (线索 or
 * 洽谈), so it counts toward no target yet. The quiet groups are left alone.
 */
function followOns(projects: PlannedProject[], r: Random, names: NameBook, latestFor: (g: number) => LocalDate, today: LocalDate): PlannedProject[] {
  const out: PlannedProject[] = [];
  for (const [g, kind] of FOLLOW_ON_PLAN.entries()) {
    const parent = projects.findIndex((p) => p.group === g && ["PRODUCING", "AT_CAPACITY"].includes(p.path.at(-1)![0]));
    if (parent < 0) continue;
    const from = projects[parent]!;
    const latest = latestFor(g);
    const producing = dateOf(from, "PRODUCING")!;
    const lead = between(producing > addDays(latest, -60) ? producing : addDays(latest, -60), latest, r);
    const brand = kind === "REFERRAL" ? names.brand() : "";
    const base = from.name.replace(/项目$/, "").replace(/(扩能|扩产)$/, "");
    const name = kind === "EXPANSION" ? `${base}扩产项目` : kind === "PHASE_TWO" ? `${base}二期项目` : projectName(brand, `${DEMO_GROUPS[g]!.products[0]!}配套`);
    const share = 0.3 + r.next() * 0.5;
    const path: PlannedProject["path"] = [["LEAD", lead]];
    const negotiating = addDays(lead, r.int(10, 30));
    if (kind !== "REFERRAL" && negotiating <= latest) path.push(["NEGOTIATING", negotiating]);
    const stage = path.at(-1)![0];
    out.push({
      ...from, name, investor: kind === "REFERRAL" ? names.investor(brand, g, from.origin) : from.investor,
      agreedWan: roundMoney(from.agreedWan * share), outputWan: roundMoney(from.outputWan * share), path, funds: [], lastUpdate: path.at(-1)![1],
      nextStep: r.pick(NEXT_STEP[stage] ?? ["推进项目洽谈"]), nextStepDue: addDays(today, r.int(8, 45)), blockers: "", supervision: null, land: null,
      followOn: { parent, kind },
    });
  }
  return out;
}
