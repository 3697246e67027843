import type { Origin, Sector, Stage, UnitKind } from "../domain/types.ts";
import { STAGE_LABELS } from "../domain/stages.ts";

// The ledger (台账) format: sheet names, column headers and their order, in
// one place so the reader, the writer, the template and the 说明 sheet cannot
// drift apart. Headers are matched loosely on import (full-width brackets,
// spaces and a trailing * are ignored) because operators retype them.

export type ColumnKind = "text" | "money" | "date" | "count" | "list";

export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  /** The cell must be filled on every data row. */
  required?: boolean;
  /** Written on export for reading only; may be absent on import and is ignored. */
  exportOnly?: boolean;
  /** Added after ledgers were in use: may be absent on import, so older files still import (see each column's parser for what absence means). */
  optional?: boolean;
  /** How the writer formats it (dates as date cells, money with thousands separators). */
  kind?: ColumnKind;
  /** Column width in characters. */
  width: number;
}

/** Date columns of the 项目 sheet, in ladder order, then 终止. */
export const STAGE_DATE_ORDER: readonly Stage[] = ["LEAD", "NEGOTIATING", "SIGNED", "REGISTERED", "STARTED", "PRODUCING", "AT_CAPACITY", "DROPPED"];

export const stageDateKey = (s: Stage) => `date_${s}` as const;
export const stageDateHeader = (s: Stage) => `${STAGE_LABELS[s]}日期`;

export const PROJECT_COLUMNS = [
  { key: "id", header: "项目编号", exportOnly: true, width: 8 },
  { key: "name", header: "项目名称*", required: true, width: 28 },
  { key: "investor", header: "投资方*", required: true, width: 26 },
  { key: "industryChain", header: "产业链", width: 12 },
  { key: "group", header: "专项工作组", width: 16 },
  { key: "leadUnit", header: "牵头单位", width: 14 },
  { key: "coUnits", header: "配合单位", kind: "list", width: 18 },
  { key: "landingUnit", header: "落地单位", width: 14 },
  { key: "origin", header: "项目来源", required: true, width: 10 },
  { key: "sector", header: "产业类别", required: true, width: 9 },
  { key: "agreedWan", header: "协议资金(万元)", kind: "money", width: 14 },
  { key: "outputWan", header: "年产值(万元)", kind: "money", width: 13 },
  { key: "class", header: "项目等级", exportOnly: true, width: 10 },
  { key: "stage", header: "当前阶段", required: true, width: 9 },
  ...STAGE_DATE_ORDER.map((s) => ({ key: stageDateKey(s), header: stageDateHeader(s), kind: "date" as const, width: 12 })),
  { key: "dropReason", header: "终止原因", width: 20 },
  { key: "leaderName", header: "包联领导", width: 10 },
  { key: "responsibles", header: "责任人", kind: "list", width: 18 },
  { key: "nextStep", header: "下一步", width: 28 },
  { key: "nextStepDue", header: "下一步截止", kind: "date", width: 12 },
  { key: "blockers", header: "问题堵点", width: 28 },
  { key: "blockerKind", header: "堵点类型", optional: true, width: 10 },
  { key: "blockerUnit", header: "堵点责任单位", optional: true, width: 16 },
  // Last, so ledgers made before them still line up: 拿地 (a milestone of the 开工拿地 node, not a stage)
  // and 未来订单 links, which are recorded in Slack and written out for reading only.
  { key: "landDate", header: "拿地日期", kind: "date", optional: true, width: 12 },
  { key: "followOnOf", header: "源自项目编号", exportOnly: true, width: 12 },
  { key: "followOnKind", header: "未来订单类型", exportOnly: true, width: 12 },
] as const satisfies readonly ColumnDef[];

export const FUND_COLUMNS = [
  { key: "name", header: "项目名称*", required: true, width: 28 },
  { key: "investor", header: "投资方*", required: true, width: 26 },
  { key: "date", header: "到位日期*", required: true, kind: "date", width: 12 },
  { key: "amountWan", header: "金额(万元)*", required: true, kind: "money", width: 13 },
  { key: "note", header: "备注", width: 30 },
] as const satisfies readonly ColumnDef[];

export const DIRECTORY_COLUMNS = [
  { key: "type", header: "类型*", required: true, width: 10 },
  { key: "name", header: "名称*", required: true, width: 20 },
  { key: "leaderName", header: "组长", width: 10 },
  { key: "leaderSlackId", header: "组长Slack ID", width: 14 },
  { key: "commissioners", header: "招商专员", width: 16 },
  { key: "focus", header: "工作重点", width: 28 },
  { key: "channelId", header: "Slack频道", width: 14 },
  { key: "members", header: "成员Slack ID", kind: "list", width: 24 },
  { key: "year", header: "目标年度", width: 9 },
  { key: "majorCount", header: "重大项目目标", kind: "count", width: 12 },
  { key: "largeCount", header: "较大项目目标", kind: "count", width: 12 },
  { key: "keyCount", header: "重点项目目标", kind: "count", width: 12 },
  { key: "agreedWan", header: "协议资金目标(万元)", kind: "money", width: 18 },
  { key: "arrivedWan", header: "到位资金目标(万元)", kind: "money", width: 18 },
  // 包联领导 rows (类型 包联领导): the leader's Slack id, and what they 包联 (for reading). Last, so older files keep their layout.
  { key: "slackId", header: "领导Slack ID", optional: true, width: 14 },
  { key: "leaderScope", header: "包联项目", exportOnly: true, width: 40 },
] as const satisfies readonly ColumnDef[];

export type ProjectKey = (typeof PROJECT_COLUMNS)[number]["key"];
export type FundKey = (typeof FUND_COLUMNS)[number]["key"];
export type DirectoryKey = (typeof DIRECTORY_COLUMNS)[number]["key"];

/** Group-only columns: a 园区/区级部门 row leaves them empty. */
export const GROUP_ONLY_KEYS = ["leaderName", "leaderSlackId", "commissioners", "focus", "channelId", "members"] as const;
export const TARGET_KEYS = ["majorCount", "largeCount", "keyCount", "agreedWan", "arrivedWan"] as const;

export type TableId = "projects" | "funds" | "directory";

export interface TableDef {
  id: TableId;
  sheet: string;
  columns: readonly ColumnDef[];
  /** Key of the column whose text starting with 示例 marks an example row. */
  exampleKey: string;
}

export const TABLES: Record<TableId, TableDef> = {
  projects: { id: "projects", sheet: "项目", columns: PROJECT_COLUMNS, exampleKey: "name" },
  funds: { id: "funds", sheet: "到位资金", columns: FUND_COLUMNS, exampleKey: "name" },
  directory: { id: "directory", sheet: "工作组与单位", columns: DIRECTORY_COLUMNS, exampleKey: "name" },
};

export const TABLE_ORDER: readonly TableId[] = ["projects", "funds", "directory"];
export const GUIDE_SHEET = "说明";
export const EXAMPLE_PREFIX = "示例";

export function columnHeader(table: TableId, key: string): string {
  return TABLES[table].columns.find((c) => c.key === key)!.header;
}

/** Loose form of a header: NFKC (full-width brackets), no spaces, no trailing *, case-folded. */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").replace(/\*+$/, "").toLowerCase();
}

// Enumerations, label ↔ code. Import also accepts the English codes.
export const ORIGIN_LABELS: Record<Origin, string> = {
  OUTSIDE_CITY: "市外",
  IN_CITY_OUTSIDE_DISTRICT: "区外市内",
  IN_DISTRICT: "区内",
};
export const SECTOR_LABELS: Record<Sector, string> = { INDUSTRY: "工业", SERVICE: "服务业" };
export type DirectoryType = "GROUP" | UnitKind | "LEADER";
export const DIRECTORY_TYPE_LABELS: Record<DirectoryType, string> = { GROUP: "工作组", PARK: "园区", DEPARTMENT: "区级部门", LEADER: "包联领导" };

/** Separator used when a cell holds several names or ids. */
export const LIST_SEPARATOR = "、";
