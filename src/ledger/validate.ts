import { resolveLeader } from "../domain/leaders.ts";
import { listLeaders } from "../store/leaders.ts";
import type { Db, Tx } from "../store/client.ts";
import { listGroups, listUnits } from "../store/directory.ts";
import { listProjectKeys } from "../store/projects.ts";
import { TABLES, TABLE_ORDER } from "./columns.ts";
import { parseDirectory, type GroupRecord, type LeaderRecord, type TargetRecord, type UnitRecord } from "./parse-directory.ts";
import { parseFunds, type FundRecord } from "./parse-funds.ts";
import { parseProjects, type ProjectRecord } from "./parse-projects.ts";
import { ProblemList, sortProblems, type LedgerProblem } from "./problems.ts";
import type { RawLedger } from "./read-file.ts";
import { projectKey } from "./references.ts";

// Checks the whole file before anything is written: every cell, then every
// reference, against names defined in the same file or already in the system.
// Directory first, because project rows refer to its groups and units; then
// projects, because fund rows refer to them.

export interface ValidLedger {
  leaders: LeaderRecord[];
  groups: GroupRecord[];
  units: UnitRecord[];
  targets: TargetRecord[];
  projects: ProjectRecord[];
  funds: FundRecord[];
}

export async function validateLedger(db: Db | Tx, raw: RawLedger): Promise<{ ledger: ValidLedger; problems: LedgerProblem[] }> {
  const [groups, units, projects, leaders] = await Promise.all([listGroups(db), listUnits(db), listProjectKeys(db), listLeaders(db)]);
  const problems = new ProblemList();
  const directory = await parseDirectory(raw.tables.directory, problems);
  const known = {
    groups: new Set([...groups.map((g) => g.name), ...directory.names.groups]),
    units: new Set([...units.map((u) => u.name), ...directory.names.units]),
  };
  const parsedProjects = await parseProjects(raw.tables.projects, known, problems);
  // 包联领导 written as a name or as @id: the leaders directory supplies the other half,
  // as this file's directory sheet says it (imported with the projects) first, then as stored:
  // a leader renamed in the sheet is still found under the old name the 项目 sheet may keep.
  const namedInFile = new Set(directory.leaders.map((l) => l.name));
  const directoryOfLeaders = [...directory.leaders, ...leaders.filter((l) => !namedInFile.has(l.name))];
  if (directoryOfLeaders.length) {
    for (const rec of parsedProjects.records) Object.assign(rec, resolveLeader(rec.leaderSlackId ? `<@${rec.leaderSlackId}>` : rec.leaderName, directoryOfLeaders));
  }
  const inStore = new Set(projects.map((p) => projectKey(p.name, p.investor)));
  const funds = await parseFunds(raw.tables.funds, (key) => parsedProjects.keys.has(key) || inStore.has(key), problems);

  const sheetOrder = [...raw.problems, ...problems.items].map((p) => p.sheet);
  const canonical = TABLE_ORDER.map((t) => TABLES[t].sheet);
  const columnOrder = (sheet: string) => {
    const id = TABLE_ORDER.find((t) => raw.tables[t]?.sheet === sheet || TABLES[t].sheet === sheet);
    return id ? TABLES[id].columns.map((c) => c.header) : [];
  };
  return {
    ledger: { leaders: directory.leaders, groups: directory.groups, units: directory.units, targets: directory.targets, projects: parsedProjects.records, funds },
    problems: sortProblems([...raw.problems, ...problems.items], [...canonical, ...sheetOrder], columnOrder),
  };
}
