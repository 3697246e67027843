import type { Group, Unit } from "../domain/types.ts";

// How a report names a group or a unit, so every report (and every
// rendering of it) says the same thing for a missing one.

export interface DirectoryNames {
  groupName(id: number | null): string;
  unitName(id: number | null): string;
}

export function directoryNames(groups: Group[], units: Unit[]): DirectoryNames {
  const g = new Map(groups.map((x) => [x.id, x.name]));
  const u = new Map(units.map((x) => [x.id, x.name]));
  return {
    groupName: (id) => (id === null ? "未分组" : (g.get(id) ?? `工作组${id}`)),
    unitName: (id) => (id === null ? "" : (u.get(id) ?? `单位${id}`)),
  };
}
