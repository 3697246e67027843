import { originWeight } from "../domain/counting.ts";
import { assessHealth, stageOn, type Health } from "../domain/health.ts";
import { classifyProject } from "../domain/project-class.ts";
import type { Project, ProjectClass, Stage, SupervisionItem } from "../domain/types.ts";
import type { Snapshot } from "../store/snapshot.ts";

/**
 * Per-project facts every report needs (class, health, stage on the as-of day,
 * names), computed once per snapshot so the weekly summary, the stalled list
 * and the rankings agree with each other.
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
  const groups = new Map(snapshot.groups.map((g) => [g.id, g.name]));
  const units = new Map(snapshot.units.map((u) => [u.id, u.name]));
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
    groupName: (id) => (id === null ? "未分组" : (groups.get(id) ?? `工作组${id}`)),
    unitName: (id) => (id === null ? "" : (units.get(id) ?? `单位${id}`)),
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
