import type { Project } from "../domain/types.ts";
import type { Db } from "./client.ts";
import { listGroups, listUnits } from "./directory.ts";
import { listLeaders } from "./leaders.ts";
import { rowCounter } from "../memory.ts";
import { fingerprint, flatten, fromDomain, toDomain } from "./project-row.ts";

// What an import compares its ledger with, read before its write transaction
// (plain reads, no lock): the directory, targets with their row ids, every
// project as its key and a fingerprint, and the fund entries as
// (project, day, amount, note) keys. Projects are read a page at a time:
// one query for 200,000 projects with their links held gigabytes in Prisma;
// and only their fingerprints are kept, the whole project being read again
// (readProjects) for the few that differ from the file.

const PAGE = 5_000;
const LINKS = { coUnits: { select: { unitId: true } }, responsibles: { select: { slackUserId: true } } } as const;

/** A stored project as an import needs it to plan: its identity, the fields a ledger may leave as stored, and a fingerprint of the rest. */
export type StoredProject = Pick<Project, "id" | "version" | "followOnOf" | "followOnKind" | "landAcquiredOn" | "blockerKind" | "blockerUnit"> & {
  fingerprint: string;
};

/** What a project is matched on in a ledger: (名称, 投资方) as one string. */
export type ProjectKeyOf = (name: string, investor: string) => string;

async function allProjects(db: Db, keyOf: ProjectKeyOf): Promise<Map<string, StoredProject>> {
  const out = new Map<string, StoredProject>();
  const counted = rowCounter();
  for (let after = 0; ; ) {
    const rows = await db.project.findMany({ where: { id: { gt: after } }, include: LINKS, orderBy: { id: "asc" }, take: PAGE });
    for (const r of rows) {
      const p = toDomain(flatten(r));
      const { id, version, followOnOf, followOnKind, landAcquiredOn, blockerKind, blockerUnit } = p;
      out.set(keyOf(p.name, p.investor), { id, version, followOnOf, followOnKind, landAcquiredOn, blockerKind, blockerUnit, fingerprint: fingerprint(fromDomain(p)) });
      counted();
    }
    if (rows.length < PAGE) return out;
    after = rows.at(-1)!.id;
  }
}

/** The whole stored projects of these ids (those an import found changed), a page at a time. */
export async function readProjects(db: Db, ids: number[]): Promise<Project[]> {
  const out: Project[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await db.project.findMany({ where: { id: { in: ids.slice(i, i + PAGE) } }, include: LINKS, orderBy: { id: "asc" } });
    for (const r of rows) out.push(toDomain(flatten(r)));
  }
  return out;
}

export async function readImportState(db: Db, keyOf: ProjectKeyOf) {
  const leaders = await listLeaders(db);
  const groups = await listGroups(db);
  const units = await listUnits(db);
  const targets = await db.target.findMany({ orderBy: { id: "asc" } });
  const projects = await allProjects(db, keyOf);
  const funds = await db.fundEntry.findMany({ select: { projectId: true, date: true, amountWan: true, note: true } });
  return { leaders, groups, units, targets, projects, funds };
}

export type ImportState = Awaited<ReturnType<typeof readImportState>>;
