import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyTally, tallyGroups, tallyUnits, type Tally } from "../../src/domain/counting.ts";
import { assessHealth, stageOn } from "../../src/domain/health.ts";
import { addDays, yearOf } from "../../src/domain/periods.ts";
import { computeRates } from "../../src/domain/rates.ts";
import { followOnTotals } from "../../src/domain/follow-on.ts";
import { rulesSchema, type Rules } from "../../src/domain/rules.ts";
import { STAGES, type Project } from "../../src/domain/types.ts";
import { encodeValue, STAGE_DATE_COLUMNS, type HistoryField } from "../../src/store/project-row.ts";
import { loadTallies, loadWeeklyFigures } from "../../src/store/report-figures.ts";
import { buildUnstartedList } from "../../src/domain/unstarted.ts";
import { loadProjectsActiveBetween, loadProjectsAsOf, loadStalledProjects, loadSupervisedProjects, loadUnstartedFacts } from "../../src/store/report-rows.ts";
import { loadSnapshot, loadUpdatedProjectIds, type Snapshot } from "../../src/store/snapshot.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The report SQL (src/store/report-*.ts) against the domain functions, which
// state each rule once: random ledgers with random histories are written to
// the real database, then for random as-of days every figure the SQL computes
// must equal what the domain functions compute on the JavaScript as-of
// snapshot of the same day. A rule changed in src/domain and not in the SQL
// (or the reverse) fails here, with the ledger that shows it.

const GROUPS = [1, 2, 3];
const UNITS = [1, 2, 3, 4];
const DAYS = Array.from({ length: 400 }, (_, i) => addDays("2025-12-01", i));
/** Days before (−) or after the as-of day where a rule's "over N days" turns, under every rules variant below. */
const EDGES = [-181, -180, -179, -121, -120, -119, -91, -90, -89, -61, -60, -59, -31, -30, -29, -15, -14, -13, -7, -6, -1, 0, 1, 6, 7, 8];
const LATER_FIELDS = ["stage", "signedAt", "registeredAt", "startedAt", "producingAt", "droppedAt", "agreedWan", "outputWan", "origin", "groupId", "leadUnitId", "coUnitIds", "nextStepDue", "followOnOfId", "PROGRESS", "FUNDS"] as const;

const day = fc.constantFrom(...DAYS);
/** Days as offsets from the as-of day, often right on a threshold; the ledger is written once the day is known. */
const offset = fc.oneof({ arbitrary: fc.constantFrom(...EDGES), weight: 4 }, { arbitrary: fc.integer({ min: -400, max: 40 }), weight: 1 });
/** An instant on a day, near midnight sometimes, so the district's day boundary is exercised. */
const instant = fc.tuple(offset, fc.constantFrom("00:00:01", "07:59:59", "08:00:00", "12:00:00", "23:59:59"));
const stage = fc.constantFrom(...STAGES, "DROPPED" as const);
/** Mostly near the thresholds of one rule, so the other rules stay quiet often enough for its edge to show. */
const near = (edges: number[]) => fc.oneof({ arbitrary: fc.constantFrom(...edges), weight: 3 }, { arbitrary: offset, weight: 1 });

const projectArb = fc.record({
  groupId: fc.constantFrom(...GROUPS, null),
  leadUnitId: fc.constantFrom(...UNITS, null),
  coUnitIds: fc.uniqueArray(fc.constantFrom(...UNITS), { maxLength: 3 }),
  origin: fc.constantFrom("OUTSIDE_CITY", "IN_CITY_OUTSIDE_DISTRICT", "IN_DISTRICT"),
  sector: fc.constantFrom("INDUSTRY", "SERVICE"),
  agreedWan: fc.constantFrom(0, 400, 499, 500, 600, 1_999, 2_000, 2_500, 10_000, 100_000, 200_000),
  outputWan: fc.constantFrom(0, 300_000, 500_000),
  /** null: the furthest stage reached (as the dates say); else a stage out of step with the dates. */
  stage: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: stage, weight: 1 }),
  // Stages reached one after another from a first day near a threshold, as a real project does.
  dates: fc.record({
    first: near([-181, -180, -179, -121, -120, -91, -90, -89, -31, -30, -29, -15, -14, -13, -1, 0]),
    reached: fc.nat(6),
    gaps: fc.array(fc.constantFrom(0, 0, 1, 20, 90), { minLength: 6, maxLength: 6 }),
    skip: fc.constantFrom(-1, 2, 3),
    dropped: fc.option(offset, { nil: null, freq: 3 }),
  }),
  nextStepDue: fc.option(near([-31, -30, -29, -1, 0, 1, 6, 7, 8]), { nil: null }),
  /** 未来订单: follow-on investment of project 1 (itself too, harmlessly), or not. */
  followOn: fc.boolean(),
  // Some projects have no history at all (written straight to the table, as bulk loads do).
  created: fc.option(fc.tuple(near([-15, -14, -13, -7, -1, 0]), fc.constantFrom("00:00:01", "23:59:59")), { nil: null, freq: 5 }),
  later: fc.array(fc.record({ field: fc.constantFrom(...LATER_FIELDS), at: instant, old: fc.nat(1000) }), { maxLength: 4 }),
  funds: fc.array(fc.record({ date: offset, amountWan: fc.integer({ min: 1, max: 5_000 }) }), { maxLength: 3 }),
  supervision: fc.array(fc.record({ openedAt: instant, closedAt: fc.option(instant, { nil: null }), deadline: offset }), { maxLength: 1 }),
});

const rulesArb = fc.record({
  originWeights: fc.record({ IN_DISTRICT: fc.constantFrom(0, 0.5), IN_CITY_OUTSIDE_DISTRICT: fc.constantFrom(0.2, 0.3) }),
  jointLeadShare: fc.constantFrom(0.8, 0.7, 1),
  classes: fc.record({ keyInvestWan: fc.constantFrom(10_000, 2_500), generalIndustryWan: fc.constantFrom(2_000, 500) }),
  health: fc.record({ redNoUpdateDays: fc.constantFrom(30, 60), yellowDueWithinDays: fc.constantFrom(7, 0), redSignedNotStartedDays: fc.constantFrom(180, 120), dueSoonIsYellow: fc.boolean() }),
  belowStandardMoneyCounts: fc.boolean(),
  rankingWeights: fc.constant({}),
});

function stageDates(g: GenProject["dates"], dayAt: (n: number) => string): Record<string, string | null> {
  const out: Record<string, string | null> = Object.fromEntries(Object.values(STAGE_DATE_COLUMNS).map((c) => [c, null]));
  let n = g.first;
  STAGES.slice(0, g.reached + 1).forEach((s, i) => {
    if (i > 0) n += g.gaps[i - 1];
    if (i !== g.skip) out[STAGE_DATE_COLUMNS[s]] = dayAt(n);
  });
  out.droppedAt = g.dropped === null ? null : dayAt(g.dropped);
  return out;
}

type GenProject = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

/** A plausible old value for a field (what the history says it held before a change). */
function oldValue(field: (typeof LATER_FIELDS)[number], n: number): string | null {
  if (field === "PROGRESS" || field === "FUNDS") return null;
  if (field === "coUnitIds") return encodeValue("coUnitIds", UNITS.filter((u) => (n >> u) & 1));
  if (field === "stage") return [...STAGES, "DROPPED"][n % 8];
  if (field === "origin") return ["OUTSIDE_CITY", "IN_CITY_OUTSIDE_DISTRICT", "IN_DISTRICT"][n % 3];
  if (field === "groupId") return n % 4 === 3 ? null : String(GROUPS[n % 3]);
  if (field === "leadUnitId") return n % 5 === 4 ? null : String(UNITS[n % 4]);
  if (field === "agreedWan") return String([0, 600, 10_000, 100_000, 200_000][n % 5]);
  if (field === "outputWan") return String([0, 300_000, 500_000][n % 3]);
  if (field === "followOnOfId") return n % 2 ? null : "1";
  return n % 6 === 5 ? null : DAYS[(n * 7) % DAYS.length];
}

async function writeLedger(store: TestStore, projects: GenProject[], asOf: string): Promise<void> {
  const db = store.db;
  const dayAt = (n: number) => addDays(asOf, n);
  const at = ([n, time]: [number, string]) => new Date(`${dayAt(n)}T${time}+08:00`);
  for (const t of ["supervisionItem", "fundEntry", "update", "projectCoUnit", "projectResponsible", "project", "target", "groupMember", "group", "unit"] as const)
    await (db[t] as unknown as { deleteMany(): Promise<unknown> }).deleteMany();
  await db.group.createMany({ data: GROUPS.map((id) => ({ id, name: `组${id}` })) });
  await db.unit.createMany({ data: UNITS.map((id) => ({ id, name: `单位${id}`, kind: id <= 2 ? "PARK" : "DEPARTMENT" })) });
  await db.target.createMany({
    data: [2025, 2026].flatMap((year) => [
      ...UNITS.map((unitId) => ({ year, unitId, majorCount: 1, largeCount: 1, keyCount: 2, agreedWan: 300_000, arrivedWan: 5_000 })),
      ...GROUPS.map((groupId) => ({ year, groupId, majorCount: 1, largeCount: 0, keyCount: 1, agreedWan: 200_000, arrivedWan: 0 })),
    ]),
  });
  const updates: Array<Record<string, unknown>> = [];
  await db.project.createMany({
    data: projects.map((p, i) => ({
      id: i + 1,
      name: `项目${i + 1}`,
      investor: `投资方${i + 1}`,
      groupId: p.groupId,
      leadUnitId: p.leadUnitId,
      origin: p.origin,
      sector: p.sector,
      agreedWan: p.agreedWan,
      outputWan: p.outputWan,
      stage: p.stage ?? STAGES[p.dates.reached],
      ...stageDates(p.dates, dayAt),
      nextStepDue: p.nextStepDue === null ? null : dayAt(p.nextStepDue),
      followOnOfId: p.followOn ? 1 : null,
      followOnKind: p.followOn ? "EXPANSION" : null,
    })),
  });
  const co = projects.flatMap((p, i) => p.coUnitIds.map((unitId) => ({ projectId: i + 1, unitId })));
  if (co.length) await db.projectCoUnit.createMany({ data: co });
  projects.forEach((p, i) => {
    if (p.created) updates.push({ projectId: i + 1, batch: `c${i}`, at: at(p.created), author: "t", source: "CLI", field: "CREATED", newValue: `项目${i + 1}` });
    p.later.forEach((u, k) => updates.push({ projectId: i + 1, batch: `u${i}-${k}`, at: at(u.at), author: "t", source: "CLI", field: u.field, oldValue: oldValue(u.field, u.old) }));
  });
  if (updates.length) await db.update.createMany({ data: updates as never });
  const funds = projects.flatMap((p, i) => p.funds.map((f) => ({ projectId: i + 1, date: dayAt(f.date), amountWan: f.amountWan, author: "t" })));
  if (funds.length) await db.fundEntry.createMany({ data: funds });
  const items = projects.flatMap((p, i) =>
    p.supervision.map((s) => ({ projectId: i + 1, issue: "用地", owner: "张三", deadline: dayAt(s.deadline), openedAt: at(s.openedAt), openedBy: "t", closedAt: s.closedAt && at(s.closedAt), status: s.closedAt ? "CLOSED" : "OPEN" })),
  );
  if (items.length) await db.supervisionItem.createMany({ data: items });
}

function closeTally(actual: Tally, expected: Tally, what: string): void {
  expect([actual.majorCount, actual.largeCount, actual.keyCount, actual.signedCount], what).toEqual([expected.majorCount, expected.largeCount, expected.keyCount, expected.signedCount]);
  expect(actual.agreedWan, what).toBeCloseTo(expected.agreedWan, 6);
  expect(actual.arrivedWan, what).toBeCloseTo(expected.arrivedWan, 6);
  expect(actual.nonIndustryAgreedWan, what).toBeCloseTo(expected.nonIndustryAgreedWan, 6);
}

function healthOf(s: Snapshot, p: Project) {
  return assessHealth(p, { asOf: s.asOf, lastUpdateOn: s.lastUpdateOn.get(p.id) ?? null, supervision: s.supervision.filter((x) => x.projectId === p.id) }, s.rules);
}

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store.destroy();
});

describe("report SQL agrees with the domain rules", () => {
  it("on random ledgers, histories, rules and as-of days", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 12 }), rulesArb, day, async (projects, overrides, asOf) => {
        await writeLedger(store, projects, asOf);
        const rules: Rules = rulesSchema.parse(overrides);
        const db = store.db;
        const from = addDays(asOf, -6);
        const snap = await loadSnapshot(db, asOf, rules);
        const year = yearOf(asOf);
        const input = { projects: snap.projects, funds: snap.funds, year, asOf, rules };

        // Tallies of groups and units (rankings), and the district's sum (weekly).
        const figures = await loadWeeklyFigures(db, asOf, from, rules);
        const both = await loadTallies(db, asOf, rules);
        for (const [by, expected] of [["group", tallyGroups(input)], ["unit", tallyUnits(input)]] as const) {
          for (const [what, actual] of [["tallies", both[by]], ["weekly figures", figures.tallies[by]]] as const)
            for (const id of new Set([...expected.keys(), ...actual.keys()])) closeTally(actual.get(id) ?? emptyTally(), expected.get(id) ?? emptyTally(), `${what} ${by} ${id}`);
        }
        const district = emptyTally();
        for (const t of tallyUnits(input).values()) for (const k of Object.keys(district) as (keyof Tally)[]) district[k] += t[k];
        closeTally(figures.achieved, district, "district");

        // Funnel, lights, rates, groups with / without updates.
        const funnel = new Map<string, number>();
        const health = { red: 0, yellow: 0, green: 0, notRated: 0 };
        for (const p of snap.projects) {
          funnel.set(stageOn(p, asOf), (funnel.get(stageOn(p, asOf)) ?? 0) + 1);
          const light = healthOf(snap, p).light;
          health[light === "RED" ? "red" : light === "YELLOW" ? "yellow" : light === "GREEN" ? "green" : "notRated"]++;
        }
        expect(Object.fromEntries(figures.funnel)).toEqual(Object.fromEntries(funnel));
        expect(figures.health).toEqual(health);
        expect(figures.followOn).toEqual(followOnTotals(snap.projects, asOf));
        const rates = computeRates(input);
        for (const k of ["conversion", "fundsArrival", "productionRate"] as const) {
          expect([figures.rates[k].numerator, figures.rates[k].denominator], k).toEqual([rates[k].numerator, rates[k].denominator]);
        }
        const active = new Set(snap.projects.filter((p) => p.groupId !== null && healthOf(snap, p).light !== null).map((p) => p.groupId));
        expect(figures.activeGroupIds).toEqual(active);
        const byId = new Map(snap.projects.map((p) => [p.id, p]));
        const updated = [...(await loadUpdatedProjectIds(db, from, asOf, rules.timeZone))].map((id) => byId.get(id)?.groupId).filter((g) => g != null);
        expect(figures.updatedGroupIds).toEqual(new Set(updated));

        // Listed rows: the projects themselves as of the day, exactly.
        const strip = (p: Project) => ({ ...p, version: 0 });
        const inRange = (d: string | null | undefined) => !!d && d >= from && d <= asOf;
        const movedOrFunded = snap.projects.filter((p) => Object.values(p.stageDates).some(inRange) || snap.funds.some((f) => f.projectId === p.id && inRange(f.date)));
        expect((await loadProjectsActiveBetween(db, from, asOf, rules)).map((l) => l.project)).toEqual(movedOrFunded.map(strip));
        const stalled = snap.projects.filter((p) => ["RED", "YELLOW"].includes(healthOf(snap, p).light ?? ""));
        expect(await loadStalledProjects(db, asOf, rules)).toEqual(stalled.map((p) => ({ project: strip(p), lastUpdateOn: snap.lastUpdateOn.get(p.id) ?? null })));
        // 签约未开工: the projects and funds the weekly summary reads give the list the whole ledger gives.
        const facts = await loadUnstartedFacts(db, asOf, rules);
        const byProjectId = ({ project, ...entry }: { project: { id: number } }) => ({ ...entry, projectId: project.id });
        const fromFacts = buildUnstartedList(facts.projects, facts.funds, asOf, rules);
        const fromLedger = buildUnstartedList(snap.projects.map(strip), snap.funds, asOf, rules);
        expect({ ...fromFacts, entries: fromFacts.entries.map(byProjectId) }).toEqual({ ...fromLedger, entries: fromLedger.entries.map(byProjectId) });
        for (const f of facts.projects) {
          const p = snap.projects.find((x) => x.id === f.id)!;
          expect(f).toEqual({ id: p.id, stage: p.stage, stageDates: p.stageDates, agreedWan: p.agreedWan, origin: p.origin });
        }
        // The few it names, whole, as of the day (a project created later is not on record then).
        const some = [2, 3, 5, 99];
        expect((await loadProjectsAsOf(db, asOf, rules, some)).map((l) => l.project)).toEqual(snap.projects.filter((p) => some.includes(p.id)).map(strip));
        // 督办: the projects carrying an item (any status), as of the day.
        const supervised = new Set((await db.supervisionItem.findMany()).map((i) => i.projectId));
        expect((await loadSupervisedProjects(db, asOf, rules)).map((l) => l.project)).toEqual(snap.projects.filter((p) => supervised.has(p.id)).map(strip));
      }),
      { numRuns: process.env.TEST_DATABASE === "postgres" ? 25 : 40 },
    );
  }, 240_000);
});
