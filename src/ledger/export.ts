import { BLOCKER_KIND_LABELS } from "../domain/blockers.ts";
import { classifyProject, CLASS_LABELS } from "../domain/project-class.ts";
import { FOLLOW_ON_KIND_NAMES } from "../domain/glossary.ts";
import type { Rules } from "../domain/rules.ts";
import { STAGE_LABELS } from "../domain/stages.ts";
import type { Group, Project, Target, Unit } from "../domain/types.ts";
import type { Db } from "../store/client.ts";
import { listGroups, listTargets, listUnits } from "../store/directory.ts";
import { listFunds } from "../store/funds.ts";
import { listLeaders } from "../store/leaders.ts";
import type { LeaderEntry } from "../domain/leaders.ts";
import { listProjects } from "../store/projects.ts";
import { dateCellOf } from "./cells.ts";
import { DIRECTORY_TYPE_LABELS, LIST_SEPARATOR, ORIGIN_LABELS, SECTOR_LABELS, STAGE_DATE_ORDER, stageDateKey } from "./columns.ts";
import { addGuideSheet } from "./guide.ts";
import { addTableSheet, assertXlsxPath, newWorkbook, orEmpty, type OutRow } from "./workbook.ts";

// The whole ledger out of the system, in exactly the format the importer
// reads, so export → edit → import is the operator's way to bulk-edit and
// export → import into an empty system reproduces it. Data sheets come first;
// 说明 is last.

export interface ExportCounts {
  projects: number;
  funds: number;
  groups: number;
  units: number;
  targets: number;
}

export async function exportLedger(db: Db, filePath: string, rules: Rules): Promise<ExportCounts> {
  assertXlsxPath(filePath);
  const [projects, fundRows, groups, units, targets, leaders] = await Promise.all([
    listProjects(db),
    listFunds(db),
    listGroups(db),
    listUnits(db),
    listTargets(db),
    listLeaders(db),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byId = new Map(projects.map((p) => [p.id, p]));

  const wb = newWorkbook();
  addTableSheet(wb, "projects", projects.map((p) => projectRow(p, rules, groupName, unitName)));
  addTableSheet(
    wb,
    "funds",
    fundRows.map((f) => {
      const p = byId.get(f.projectId)!;
      return { name: p.name, investor: p.investor, date: dateCellOf(f.date), amountWan: f.amountWan, note: orEmpty(f.note) };
    }),
  );
  const directory = directoryRows(groups, units, targets);
  directory.rows.push(...leaderRows(leaders, projects, groupName));
  addTableSheet(wb, "directory", directory.rows);
  addGuideSheet(wb);
  await wb.xlsx.writeFile(filePath);
  return { projects: projects.length, funds: fundRows.length, groups: groups.length, units: units.length, targets: directory.targets };
}

function projectRow(p: Project, rules: Rules, groupName: Map<number, string>, unitName: Map<number, string>): OutRow {
  const name = (map: Map<number, string>, id: number | null) => (id === null ? null : map.get(id) ?? null);
  const row: OutRow = {
    id: p.id,
    name: p.name,
    investor: orEmpty(p.investor),
    industryChain: orEmpty(p.industryChain),
    group: name(groupName, p.groupId),
    leadUnit: name(unitName, p.leadUnitId),
    coUnits: orEmpty(p.coUnitIds.map((id) => unitName.get(id)).filter(Boolean).join(LIST_SEPARATOR)),
    landingUnit: name(unitName, p.landingUnitId),
    origin: ORIGIN_LABELS[p.origin],
    sector: SECTOR_LABELS[p.sector],
    agreedWan: p.agreedWan,
    outputWan: p.outputWan,
    class: CLASS_LABELS[classifyProject(p, rules)],
    stage: STAGE_LABELS[p.stage],
    dropReason: orEmpty(p.dropReason),
    // A leader known only by Slack id is written as @id, which the import reads back.
    leaderName: orEmpty(p.leaderName || (p.leaderSlackId ? `@${p.leaderSlackId}` : "")),
    responsibles: orEmpty(p.responsibleUserIds.join(LIST_SEPARATOR)),
    nextStep: orEmpty(p.nextStep),
    nextStepDue: p.nextStepDue ? dateCellOf(p.nextStepDue) : null,
    blockers: orEmpty(p.blockers),
    blockerKind: p.blockerKind ? BLOCKER_KIND_LABELS[p.blockerKind] : null,
    blockerUnit: orEmpty(p.blockerUnit ?? ""),
    landDate: p.landAcquiredOn ? dateCellOf(p.landAcquiredOn) : null,
    followOnOf: p.followOnOf != null ? `#${p.followOnOf}` : null,
    followOnKind: p.followOnKind ? FOLLOW_ON_KIND_NAMES[p.followOnKind] : null,
  };
  for (const s of STAGE_DATE_ORDER) {
    const d = p.stageDates[s];
    row[stageDateKey(s)] = d ? dateCellOf(d) : null;
  }
  return row;
}

/** Groups, then units, each followed by one row per target year (entity columns repeated), or one row without target. */
function directoryRows(groups: Group[], units: Unit[], targets: Target[]): { rows: OutRow[]; targets: number } {
  const rows: OutRow[] = [];
  let written = 0;
  const targetCells = (t: Target | undefined): OutRow =>
    t
      ? { year: t.year, majorCount: t.majorCount, largeCount: t.largeCount, keyCount: t.keyCount, agreedWan: t.agreedWan, arrivedWan: t.arrivedWan }
      : {};
  const emit = (entity: OutRow, own: Target[]) => {
    const sorted = [...own].sort((a, b) => a.year - b.year);
    written += sorted.length;
    for (const t of sorted.length ? sorted : [undefined]) rows.push({ ...entity, ...targetCells(t) });
  };
  for (const g of groups) {
    emit(
      {
        type: DIRECTORY_TYPE_LABELS.GROUP,
        name: g.name,
        leaderName: orEmpty(g.leaderName),
        leaderSlackId: orEmpty(g.leaderSlackId),
        commissioners: orEmpty(g.commissioners),
        focus: orEmpty(g.focus),
        channelId: orEmpty(g.channelId),
        members: orEmpty(g.memberUserIds.join(LIST_SEPARATOR)),
      },
      targets.filter((t) => t.groupId === g.id),
    );
  }
  for (const u of units) emit({ type: DIRECTORY_TYPE_LABELS[u.kind], name: u.name }, targets.filter((t) => t.unitId === u.id));
  return { rows, targets: written };
}

/** Names listed in a 包联项目 cell before "等": a leader of hundreds of projects still fits a readable cell. */
const SCOPE_NAMES = 20;

/**
 * The 包联领导 directory: every stored leader, and every leader a project
 * names with both name and Slack id (set from Slack) though not yet in the
 * directory, so the 项目 sheet's names resolve to the same people after an
 * import into an empty system. Each with what they 包联, for reading.
 */
function leaderRows(leaders: LeaderEntry[], projects: Project[], groupName: Map<number, string>): OutRow[] {
  const people = new Map(leaders.map((l) => [l.slackUserId, l.name]));
  for (const p of projects) if (p.leaderSlackId && p.leaderName && !people.has(p.leaderSlackId)) people.set(p.leaderSlackId, p.leaderName);
  const theirs = new Map<string, Project[]>();
  for (const p of projects) if (p.leaderSlackId && people.has(p.leaderSlackId)) theirs.set(p.leaderSlackId, [...(theirs.get(p.leaderSlackId) ?? []), p]);
  return [...people]
    .sort(([, a], [, b]) => a.localeCompare(b, "zh"))
    .map(([slackUserId, name]) => ({ type: DIRECTORY_TYPE_LABELS.LEADER, name, slackId: slackUserId, leaderScope: orEmpty(scopeOf(theirs.get(slackUserId) ?? [], groupName)) }));
}

/** "3个项目（新材料产业招商组2个、未分组1个）：甲项目、乙项目、丙项目". */
function scopeOf(projects: Project[], groupName: Map<number, string>): string {
  if (!projects.length) return "";
  const byGroup = new Map<string, number>();
  for (const p of projects) {
    const g = (p.groupId !== null ? groupName.get(p.groupId) : undefined) ?? "未分组";
    byGroup.set(g, (byGroup.get(g) ?? 0) + 1);
  }
  const groups = [...byGroup].map(([g, n]) => `${g}${n}个`).join(LIST_SEPARATOR);
  const names = projects.slice(0, SCOPE_NAMES).map((p) => p.name).join(LIST_SEPARATOR);
  return `${projects.length}个项目（${groups}）：${names}${projects.length > SCOPE_NAMES ? "等" : ""}`;
}
