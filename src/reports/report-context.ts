import { originWeight } from "../domain/counting.ts";
import { assessHealth, stageOn, type Health } from "../domain/health.ts";
import { classifyProject } from "../domain/project-class.ts";
import type { Project, ProjectClass, Stage, SupervisionItem } from "../domain/types.ts";
import type { Snapshot } from "../store/snapshot.ts";
import { directoryNames } from "./directory-names.ts";

/**
 * Per-project facts (class, health, stage on the as-of day, names) over a
 * whole snapshot, computed once per project: for the views that show every
 * project of a group or a person (/project 列表, App Home, the pings). The
 * district-wide reports are computed in the store instead (report-figures.ts).
 */
export interface ReportContext {
  snapshot: Snapshot;
  groupName(id: number | null): string;
  unitName(id: number | null): string;
  classOf(p: Project): ProjectClass;
  healthOf(p: Project): Health;
  stageOf(p: Project): Stage;
  /** Money weighted by origin (市外 100%, 区外市内 20%, 区内 per settings). */
  weighted(amountWan: number, p: Project): number;
  projectById: Map<number, Project>;
}

export function reportContext(snapshot: Snapshot): ReportContext {
  const names = directoryNames(snapshot.groups, snapshot.units);
  const supervisionByProject = new Map<number, SupervisionItem[]>();
  for (const s of snapshot.supervision) {
    const list = supervisionByProject.get(s.projectId) ?? [];
    list.push(s);
    supervisionByProject.set(s.projectId, list);
  }
  const health = new Map<number, Health>();
  const classes = new Map<number, ProjectClass>();
  return {
    snapshot,
    ...names,
    classOf(p) {
      let c = classes.get(p.id);
      if (!c) classes.set(p.id, (c = classifyProject(p, snapshot.rules)));
      return c;
    },
    healthOf(p) {
      let h = health.get(p.id);
      if (!h) {
        h = assessHealth(
          p,
          { asOf: snapshot.asOf, lastUpdateOn: snapshot.lastUpdateOn.get(p.id) ?? null, supervision: supervisionByProject.get(p.id) ?? [] },
          snapshot.rules,
        );
        health.set(p.id, h);
      }
      return h;
    },
    stageOf: (p) => stageOn(p, snapshot.asOf),
    weighted: (amountWan, p) => amountWan * originWeight(p.origin, snapshot.rules),
    projectById: new Map(snapshot.projects.map((p) => [p.id, p])),
  };
}
