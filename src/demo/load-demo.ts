import { randomUUID } from "node:crypto";
import { dayStart } from "../domain/local-day.ts";
import { yearOf } from "../domain/periods.ts";
import type { LocalDate, Project } from "../domain/types.ts";
import { inTransaction, type Db, type Tx } from "../store/client.ts";
import { upsertGroup, upsertTarget, upsertUnit } from "../store/directory.ts";
import { recordFunds } from "../store/funds.ts";
import { encodeValue, STAGE_DATE_COLUMNS, type FieldValue, type HistoryField } from "../store/project-row.ts";
import { createProject, type Actor } from "../store/projects.ts";
import { createSupervision } from "../store/supervision.ts";
import { demoLeaderOf, loadDemoDirectory, loadDemoSupervision } from "./demo-accountability.ts";
import { planDemo, type PlannedProject } from "./demo-plan.ts";
import { DEMO_GROUPS, DEMO_UNITS } from "./fuling-directory.ts";

// Writes the demo district (demo-plan.ts) through the store as staff would
// have over the year: each stage move, fund entry and update on its own day,
// so the history, the as-of reports and 同期 all have something to show.

const TZ = "Asia/Shanghai";
const actor: Actor = { author: "demo", source: "DEMO" };
const DROP_REASON = "企业调整投资布局，项目终止";

/** Slack-shaped ids of the demo's people: member n of the groups, and group leaders. */
export const demoUserId = (n: number) => `U0DEMO${String(n).padStart(2, "0")}`;
export const demoLeaderId = (n: number) => `U0LEAD${String(n).padStart(2, "0")}`;

export interface DemoResult {
  groups: number;
  units: number;
  projects: number;
  funds: number;
}

/** Loads the demo district into an empty store. */
export async function loadDemo(db: Db, today: LocalDate): Promise<DemoResult> {
  const year = yearOf(today);
  const plan = planDemo(today);
  await loadDemoDirectory(db);
  const unitIds = new Map<string, number>();
  for (const u of DEMO_UNITS) {
    const id = await upsertUnit(db, { name: u.name, kind: u.kind });
    unitIds.set(u.name, id);
    await upsertTarget(db, { year, unitId: id, groupId: null, majorCount: u.major, largeCount: u.large, keyCount: u.key, agreedWan: u.agreedWan, arrivedWan: u.arrivedWan, nonIndustryAgreedWan: u.nonIndustryAgreedWan ?? null });
  }
  await upsertTarget(db, { year, unitId: null, groupId: null, ...plan.district, nonIndustryAgreedWan: null });

  const groupIds: number[] = [];
  for (const [g, group] of DEMO_GROUPS.entries()) {
    const groupId = await upsertGroup(db, {
      name: group.name,
      leaderName: group.leaderName,
      leaderSlackId: demoLeaderId(g + 1),
      commissioners: group.commissioners,
      focus: group.focus,
      channelId: `C0DEMO${String(g + 1).padStart(2, "0")}`,
      memberUserIds: [demoUserId(g * 2 + 1), demoUserId(g * 2 + 2)],
    });
    groupIds.push(groupId);
    await upsertTarget(db, { year, unitId: null, groupId, ...plan.groupTargets[g]!, nonIndustryAgreedWan: null });
  }

  let funds = 0;
  // One transaction per project: its history is written as one piece, and the load takes seconds, not minutes.
  const write = (tx: Tx, p: (typeof plan.projects)[number], parentId: number | null) => writeProject(tx, p, groupIds[p.group]!, unitIds, parentId, () => funds++);
  // Each group's first live project also carries 督办 items in every state of the loop (demo-accountability.ts).
  const walkedThrough = new Set<number>();
  const ids: number[] = [];
  for (const p of plan.projects) {
    // A 未来订单 comes after its parent in the plan, so the parent's id is known by then.
    const id = await inTransaction(db, (tx) => write(tx, p, p.followOn ? ids[p.followOn.parent]! : null));
    ids.push(id);
    if (p.followOn) continue;
    if (walkedThrough.has(p.group) || p.path.at(-1)![0] === "DROPPED") continue;
    walkedThrough.add(p.group);
    await loadDemoSupervision(db, p.group, id, demoUserId(p.group * 2 + 1), today);
  }
  return { groups: DEMO_GROUPS.length, units: DEMO_UNITS.length, projects: plan.projects.length, funds };
}

async function writeProject(tx: Tx, p: PlannedProject, groupId: number, unitIds: Map<string, number>, parentId: number | null, countFund: () => void): Promise<number> {
  const at = (date: LocalDate) => new Date(dayStart(date, TZ).getTime() + 10 * 3_600_000);
  const [first, ...later] = p.path;
  const last = p.path.at(-1)!;
  // The project is created in its final state; its history rows (stage by stage, then the last
  // update) are written beside it in one go, exactly as saveProjectChanges would have written them,
  // so the as-of replay sees each day as it was. Far fewer queries than replaying every save.
  const final: Omit<Project, "id" | "version"> = {
    name: p.name,
    investor: p.investor,
    industryChain: p.industryChain,
    groupId,
    leadUnitId: unitIds.get(p.leadUnit)!,
    coUnitIds: p.coUnits.map((u) => unitIds.get(u)!),
    landingUnitId: unitIds.get(p.landingUnit)!,
    origin: p.origin,
    sector: p.sector,
    agreedWan: p.agreedWan,
    outputWan: p.outputWan,
    stage: last[0],
    stageDates: Object.fromEntries(p.path),
    dropReason: last[0] === "DROPPED" ? DROP_REASON : null,
    leaderName: demoLeaderOf(p.group).name,
    leaderSlackId: demoLeaderOf(p.group).slackUserId,
    responsibleUserIds: [demoUserId(p.group * 2 + 1 + p.responsible)],
    nextStep: p.nextStep,
    nextStepDue: p.nextStepDue,
    blockers: p.blockers,
    blockerKind: p.blockerKind,
    landAcquiredOn: p.land,
    followOnOf: parentId,
    followOnKind: p.followOn?.kind ?? null,
  };
  const project = await createProject(tx, final, actor, { at: at(first![1]) });
  const rows: Array<{ day: LocalDate; field: HistoryField; oldValue: FieldValue; newValue: FieldValue }> = [];
  let stage = first![0];
  for (const [next, day] of later) {
    rows.push({ day, field: "stage", oldValue: stage, newValue: next }, { day, field: STAGE_DATE_COLUMNS[next], oldValue: null, newValue: day });
    if (next === "DROPPED") rows.push({ day, field: "dropReason", oldValue: null, newValue: DROP_REASON });
    stage = next;
  }
  if (p.land) rows.push({ day: p.land, field: "landAt", oldValue: null, newValue: p.land });
  for (const [field, value] of [["nextStep", p.nextStep], ["nextStepDue", p.nextStepDue], ["blockers", p.blockers], ["blockerKind", p.blockerKind]] as const)
    if (value) rows.push({ day: p.lastUpdate, field, oldValue: field === "nextStepDue" || field === "blockerKind" ? null : "", newValue: value });
  const batches = new Map<LocalDate, string>();
  await tx.update.createMany({
    data: rows.map((r) => ({
      projectId: project.id,
      batch: batches.get(r.day) ?? batches.set(r.day, randomUUID()).get(r.day)!,
      at: at(r.day),
      author: actor.author,
      source: actor.source,
      field: r.field,
      oldValue: encodeValue(r.field, r.oldValue),
      newValue: encodeValue(r.field, r.newValue),
    })),
  });
  for (const f of p.funds) {
    await recordFunds(tx, { projectId: project.id, ...f }, actor, { at: at(f.date) });
    countFund();
  }
  if (p.supervision) {
    const owner = DEMO_GROUPS[p.group]!.commissioners.split("、")[0]!;
    const step = { kind: "LIST" as const, by: actor.author, on: p.supervision.openedOn, note: "", issue: p.supervision.issue, owner, deadline: p.supervision.deadline };
    await createSupervision(tx, project.id, step, actor, { at: at(p.supervision.openedOn) });
  }
  return project.id;
}
