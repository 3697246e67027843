// Names a row refers to (工作组, 单位, 项目) must exist, either earlier in the
// same file or already in the system; an unknown name is reported with the
// closest known names, since most are typos or abbreviations (白涛 → 白涛园区).

/** Identity of a project in the ledger and in the store: (项目名称, 投资方). */
export function projectKey(name: string, investor: string): string {
  return `${name}\u0000${investor}`;
}

export interface KnownNames {
  groups: Set<string>;
  units: Set<string>;
}

/** Up to three known names that contain, or are contained in, the unknown one. */
export function closeNames(name: string, known: Iterable<string>): string[] {
  const hits: string[] = [];
  for (const k of known) {
    if (k !== name && name.length >= 2 && (k.includes(name) || name.includes(k))) hits.push(k);
    if (hits.length === 3) break;
  }
  return hits;
}

function hint(name: string, known: Iterable<string>): string {
  const close = closeNames(name, known);
  return close.length ? `（是否指${close.map((c) => `“${c}”`).join("或")}？）` : "";
}

export function unknownGroupReason(name: string, known: KnownNames): string {
  return `工作组“${name}”不存在${hint(name, known.groups)}：请先在「工作组与单位」表中添加（类型填“工作组”），或改为系统中已有的工作组名称`;
}

export function unknownUnitReason(name: string, known: KnownNames): string {
  return `单位“${name}”不存在${hint(name, known.units)}：请先在「工作组与单位」表中添加（类型填“园区”或“区级部门”），或改为系统中已有的单位名称`;
}
