import type { Db } from "./client.ts";
import { listGroups, listUnits } from "./directory.ts";
import { listProjects } from "./projects.ts";

// What an import compares its ledger with, read before its write transaction
// (plain reads, no lock): the directory, targets with their row ids, every
// project with its links and version, and the fund entries as
// (project, day, amount, note) keys.

export async function readImportState(db: Db) {
  const [groups, units, targets, projects, funds] = await Promise.all([
    listGroups(db),
    listUnits(db),
    db.target.findMany({ orderBy: { id: "asc" } }),
    listProjects(db),
    db.fundEntry.findMany({ select: { projectId: true, date: true, amountWan: true, note: true } }),
  ]);
  return { groups, units, targets, projects, funds };
}

export type ImportState = Awaited<ReturnType<typeof readImportState>>;
