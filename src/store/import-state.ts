import type { Project } from "../domain/types.ts";
import type { Db } from "./client.ts";
import { listGroups, listUnits } from "./directory.ts";
import { listLeaders } from "./leaders.ts";
import { rowCounter } from "../memory.ts";
import { flatten, toDomain } from "./project-row.ts";

// What an import compares its ledger with, read before its write transaction
// (plain reads, no lock): the directory, targets with their row ids, every
// project with its links and version, and the fund entries as
// (project, day, amount, note) keys. Projects are read a page at a time:
// one query for 200,000 projects with their links held gigabytes in Prisma.

const PAGE = 5_000;

async function allProjects(db: Db): Promise<Project[]> {
  const out: Project[] = [];
  const counted = rowCounter();
  for (let after = 0; ; ) {
    const rows = await db.project.findMany({
      where: { id: { gt: after } },
      include: { coUnits: { select: { unitId: true } }, responsibles: { select: { slackUserId: true } } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    for (const r of rows) {
      out.push(toDomain(flatten(r)));
      counted();
    }
    if (rows.length < PAGE) return out;
    after = rows.at(-1)!.id;
  }
}

export async function readImportState(db: Db) {
  const leaders = await listLeaders(db);
  const groups = await listGroups(db);
  const units = await listUnits(db);
  const targets = await db.target.findMany({ orderBy: { id: "asc" } });
  const projects = await allProjects(db);
  const funds = await db.fundEntry.findMany({ select: { projectId: true, date: true, amountWan: true, note: true } });
  return { leaders, groups, units, targets, projects, funds };
}

export type ImportState = Awaited<ReturnType<typeof readImportState>>;
