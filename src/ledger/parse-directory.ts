import type { Group, Unit, UnitKind } from "../domain/types.ts";
import { isBlank, parseChannelId, parseChoice, parseCount, parseMoney, parseText, parseUserId, parseUserIds, parseYear } from "./cells.ts";
import { DIRECTORY_TYPE_LABELS, GROUP_ONLY_KEYS, TARGET_KEYS, type DirectoryKey } from "./columns.ts";
import type { ProblemList } from "./problems.ts";
import { cellOf, type RawRow, type RawTable } from "./read-file.ts";
import type { KnownNames } from "./references.ts";
import { rowReader, type RowReader } from "./row-reader.ts";

// The 工作组与单位 sheet holds groups, units and their annual targets in one
// table: one row per (entity, target year); and the 包联领导 directory, one
// row per leader (name and Slack id), which the 项目 sheet's 包联领导 column
// is resolved against. An entity written on several rows
// (one per year) must not contradict itself: each of its own columns is
// either left empty or repeated identically.

/** A group or unit row of the ledger: the stored fields, with the spreadsheet row. */
export type GroupRecord = Omit<Group, "id"> & { row: number };
export type UnitRecord = Omit<Unit, "id"> & { row: number };

export interface TargetRecord {
  row: number;
  owner: { type: "GROUP" | "UNIT"; name: string };
  year: number;
  majorCount: number;
  largeCount: number;
  keyCount: number;
  agreedWan: number;
  arrivedWan: number;
}

/** A 包联领导 row: the name the 项目 sheet writes, and the person's Slack id. */
export interface LeaderRecord {
  row: number;
  name: string;
  slackUserId: string;
}

export interface ParsedDirectory {
  leaders: LeaderRecord[];
  groups: GroupRecord[];
  units: UnitRecord[];
  targets: TargetRecord[];
  /** Every group/unit named in the sheet, even on a row with problems (so references are not reported twice). */
  names: KnownNames;
}

type GroupField = (typeof GROUP_ONLY_KEYS)[number];
const GROUP_FIELD: Record<GroupField, Exclude<keyof GroupRecord, "row" | "name">> = {
  leaderName: "leaderName",
  leaderSlackId: "leaderSlackId",
  commissioners: "commissioners",
  focus: "focus",
  channelId: "channelId",
  members: "memberUserIds",
};

const shown = (v: unknown) => (Array.isArray(v) ? v.join("、") : String(v));
const isEmpty = (v: unknown) => v === null || v === "" || (Array.isArray(v) && v.length === 0);

export async function parseDirectory(table: RawTable | undefined, problems: ProblemList): Promise<ParsedDirectory> {
  const out: ParsedDirectory = { leaders: [], groups: [], units: [], targets: [], names: { groups: new Set(), units: new Set() } };
  if (!table) return out;
  const groups = new Map<string, { rec: GroupRecord; setOn: Partial<Record<GroupField, number>> }>();
  const units = new Map<string, UnitRecord>();
  const targetRows = new Map<string, number>();
  const leaders = new Leaders();

  for await (const raw of table.rows) {
    const r = rowReader<DirectoryKey>(table, raw, problems);
    const type = r.need("type", (c) => parseChoice(c, DIRECTORY_TYPE_LABELS, "类型"), "请填写 工作组、园区 或 区级部门");
    const name = r.need("name", parseText, type === "LEADER" ? "请填写包联领导的姓名，例如 张三" : "请填写工作组或单位的全称，例如 白涛园区");
    if (type === "LEADER") {
      leaders.read(r, table, raw, name);
      continue;
    }
    if (type && name) (type === "GROUP" ? out.names.groups : out.names.units).add(name);
    if (!isBlank(cellOf(table, raw, "slackId"))) r.report("slackId", "只有类型为“包联领导”的行填写领导Slack ID：请留空（工作组组长的 ID 填在“组长Slack ID”列）");

    const group = type === "GROUP" ? readGroupColumns(r, name ?? "") : undefined;
    if (type && type !== "GROUP") {
      for (const key of GROUP_ONLY_KEYS) {
        if (!isBlank(cellOf(table, raw, key))) {
          r.report(key, `${DIRECTORY_TYPE_LABELS[type]}不填这一列（组长、专员、频道、成员只属于工作组）：请留空，或把类型改为“工作组”`);
        }
      }
    }
    const target = readTarget(r);
    if (!r.ok || !type || !name) continue;

    if (type === "GROUP") {
      const seen = groups.get(name);
      if (!seen) {
        const setOn: Partial<Record<GroupField, number>> = {};
        for (const key of GROUP_ONLY_KEYS) if (!isEmpty(group![GROUP_FIELD[key]])) setOn[key] = raw.row;
        groups.set(name, { rec: group!, setOn });
      } else {
        mergeGroup(r, seen, group!);
      }
    } else {
      const seen = units.get(name);
      if (!seen) units.set(name, { row: raw.row, name, kind: type });
      else if (seen.kind !== type) {
        r.report("type", `与第 ${seen.row} 行的类型“${DIRECTORY_TYPE_LABELS[seen.kind]}”不一致：同一名称只能是一种类型，请改为一致`);
      }
    }

    if (target) {
      const ownerType = type === "GROUP" ? "GROUP" : "UNIT";
      const key = `${ownerType}:${name}:${target.year}`;
      const first = targetRows.get(key);
      if (first !== undefined) {
        r.report("year", `“${name}”的 ${target.year} 年目标已在第 ${first} 行填写：每个年度只写一行，请合并或删除一行`);
      } else {
        targetRows.set(key, raw.row);
        out.targets.push({ row: raw.row, owner: { type: ownerType, name }, ...target });
      }
    }
  }
  out.leaders = leaders.records;
  out.groups = [...groups.values()].map((g) => g.rec);
  out.units = [...units.values()];
  return out;
}

function readGroupColumns(r: RowReader<DirectoryKey>, name: string): GroupRecord {
  return {
    row: r.row,
    name,
    leaderName: r.get("leaderName", parseText) ?? "",
    leaderSlackId: r.get("leaderSlackId", parseUserId) ?? null,
    commissioners: r.get("commissioners", parseText) ?? "",
    focus: r.get("focus", parseText) ?? "",
    channelId: r.get("channelId", parseChannelId) ?? null,
    memberUserIds: (r.get("members", parseUserIds) ?? []).sort(),
  };
}

/** A further row of the same group: fills what earlier rows left empty, refuses contradictions. */
function mergeGroup(r: RowReader<DirectoryKey>, seen: { rec: GroupRecord; setOn: Partial<Record<GroupField, number>> }, next: GroupRecord) {
  for (const key of GROUP_ONLY_KEYS) {
    const field = GROUP_FIELD[key];
    const value = next[field];
    if (isEmpty(value)) continue;
    const firstRow = seen.setOn[key];
    if (firstRow === undefined) {
      (seen.rec as unknown as Record<string, unknown>)[field] = value;
      seen.setOn[key] = r.row;
    } else if (shown(seen.rec[field]) !== shown(value)) {
      r.report(
        key,
        `与第 ${firstRow} 行填写的“${shown(seen.rec[field])}”不一致：同一工作组写在多行时，这一列请留空，或与第 ${firstRow} 行完全相同`,
      );
    }
  }
}

type TargetValues = Omit<TargetRecord, "row" | "owner">;

function readTarget(r: RowReader<DirectoryKey>): TargetValues | null {
  const year = r.get("year", parseYear);
  const values = {
    majorCount: r.get("majorCount", parseCount),
    largeCount: r.get("largeCount", parseCount),
    keyCount: r.get("keyCount", parseCount),
    agreedWan: r.get("agreedWan", parseMoney),
    arrivedWan: r.get("arrivedWan", parseMoney),
  };
  const anyFilled = TARGET_KEYS.some((k) => values[k] !== null && values[k] !== undefined);
  if (year === null) {
    if (anyFilled) r.report("year", "填写了目标但没有填目标年度：请填写四位年份，例如 2026；没有目标的单位请把目标各列留空");
    return null;
  }
  if (year === undefined) return null;
  return {
    year,
    majorCount: values.majorCount ?? 0,
    largeCount: values.largeCount ?? 0,
    keyCount: values.keyCount ?? 0,
    agreedWan: values.agreedWan ?? 0,
    arrivedWan: values.arrivedWan ?? 0,
  };
}

/** The 包联领导 rows: one person per Slack id, one Slack id per name (a name is how the 项目 sheet finds them). */
class Leaders {
  private readonly byId = new Map<string, LeaderRecord>();
  private readonly byName = new Map<string, LeaderRecord>();

  get records(): LeaderRecord[] {
    return [...this.byId.values()];
  }

  read(r: RowReader<DirectoryKey>, table: RawTable, raw: RawRow, name: string | undefined): void {
    const slackUserId = r.need("slackId", parseUserId, "请填写该领导的 Slack 用户 ID（Slack 个人资料 → 更多 → 复制成员 ID，如 U04ABCDE12）");
    for (const key of [...GROUP_ONLY_KEYS, "year", ...TARGET_KEYS] as const) {
      if (!isBlank(cellOf(table, raw, key))) r.report(key, "包联领导的行只填类型、名称和领导Slack ID：这一列请留空");
    }
    if (!r.ok || !name || !slackUserId) return;
    const sameId = this.byId.get(slackUserId);
    const sameName = this.byName.get(name);
    if (sameId && sameId.name !== name) {
      return r.report("slackId", `与第 ${sameId.row} 行“${sameId.name}”的 Slack ID 相同：一个 Slack ID 只对应一位领导，请核对`);
    }
    if (sameName && sameName.slackUserId !== slackUserId) {
      return r.report("name", `与第 ${sameName.row} 行同名但 Slack ID 不同：同名领导请在名称中区分（例如 张三（区政府）），「项目」表按名称对应`);
    }
    if (sameId) return; // the same person written twice
    const rec = { row: r.row, name, slackUserId };
    this.byId.set(slackUserId, rec);
    this.byName.set(name, rec);
  }
}
