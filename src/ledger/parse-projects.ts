import { BLOCKER_KIND_LABELS } from "../domain/blockers.ts";
import { isLandWord, planLandMilestone } from "../domain/land-milestone.ts";
import { STAGE_LABELS, parseStage } from "../domain/stages.ts";
import { STAGES, type LocalDate, type Project, type Stage, type StageDates } from "../domain/types.ts";
import { limitedText, parseChoice, parseDate, parseMoney, parseText, parseUserIds, splitNames, type Parsed } from "./cells.ts";
import { ORIGIN_LABELS, SECTOR_LABELS, STAGE_DATE_ORDER, stageDateKey, type ProjectKey } from "./columns.ts";
import type { ProblemList } from "./problems.ts";
import type { RawTable } from "./read-file.ts";
import { projectKey, unknownGroupReason, unknownUnitReason, type KnownNames } from "./references.ts";
import { rowReader, type RowReader } from "./row-reader.ts";

// The 项目 sheet: one row per project, identified by (项目名称, 投资方). A row
// is the whole state of its project; group and unit names are resolved to ids
// only when writing. Stage rules (documented in the 说明 sheet):
// - 当前阶段 other than 线索 needs its own date (签约 needs 签约日期 …);
//   线索 may have no date (a lead is often logged without one).
// - 终止 needs 终止日期 and 终止原因; 终止日期 is only for 终止 projects,
//   since a dated 终止 counts as dropped in every report.
// - Dates of ladder stages after the current one stay empty (a 签约 project
//   has no 开工日期); skipped stages stay empty.
// - Filled ladder dates do not run backwards (开工 not before 签约).

/**
 * A project row of the ledger: the project's own fields, with groups and units
 * still named, not resolved to ids. `landAcquiredOn`, `blockerKind` and
 * `blockerUnit` are undefined when the sheet has no column for them (an older
 * ledger): the stored values are kept then.
 */
export type ProjectRecord = Omit<Project, "id" | "version" | "groupId" | "leadUnitId" | "coUnitIds" | "landingUnitId" | "followOnOf" | "followOnKind"> & {
  row: number;
  groupName: string | null;
  leadUnitName: string | null;
  coUnitNames: string[];
  landingUnitName: string | null;
};

export interface ParsedProjects {
  records: ProjectRecord[];
  /** (名称, 投资方) of every row that names one, even a row with problems, so fund rows are not reported twice. */
  keys: Set<string>;
}

const STAGE_CHOICES = Object.values(STAGE_LABELS).map((l) => `“${l}”`).join("、");

function parseStageCell(cell: Parameters<typeof parseText>[0]): Parsed<Stage | null> {
  const text = parseText(cell);
  if (!text.ok || text.value === "") return text.ok ? { ok: true, value: null } : text;
  const stage = parseStage(text.value);
  if (!stage && isLandWord(text.value)) return { ok: false, reason: `“拿地”不是阶段：当前阶段请填写签约、注册或开工等，拿地的日期填在“拿地日期”列` };
  return stage ? { ok: true, value: stage } : { ok: false, reason: `阶段“${text.value}”无法识别：请填写 ${STAGE_CHOICES} 之一` };
}

export async function parseProjects(table: RawTable | undefined, known: KnownNames, problems: ProblemList): Promise<ParsedProjects> {
  const out: ParsedProjects = { records: [], keys: new Set() };
  if (!table) return out;
  const firstRow = new Map<string, number>();

  for await (const raw of table.rows) {
    const r = rowReader<ProjectKey>(table, raw, problems);
    const name = r.need("name", limitedText("name"), "请填写项目全称，例如 年产5万吨锂电材料项目");
    const investor = r.need("investor", limitedText("investor"), "请填写投资企业全称；尚不确定时可写“待定”");
    if (name && investor) {
      const key = projectKey(name, investor);
      const first = firstRow.get(key);
      if (first !== undefined) {
        r.report("name", `与第 ${first} 行是同一项目（项目名称和投资方都相同）：同一项目只能占一行，请合并或删除其中一行`);
      } else firstRow.set(key, raw.row);
      out.keys.add(key);
    }

    const groupName = r.get("group", parseText);
    if (groupName && !known.groups.has(groupName)) r.report("group", unknownGroupReason(groupName, known));
    const leadUnitName = unitName(r, "leadUnit", known);
    const coText = r.get("coUnits", parseText);
    const coUnitNames = coText ? splitNames(coText) : [];
    const unknownCo = coUnitNames.filter((u) => !known.units.has(u));
    if (unknownCo.length) r.report("coUnits", unknownCo.map((u) => unknownUnitReason(u, known)).join("；"));
    if (leadUnitName && coUnitNames.includes(leadUnitName)) {
      r.report("coUnits", `配合单位中不能再写牵头单位“${leadUnitName}”：请从配合单位中删去，牵头单位只填在“牵头单位”列`);
    }
    const landingUnitName = unitName(r, "landingUnit", known);

    const origin = r.need("origin", (c) => parseChoice(c, ORIGIN_LABELS, "项目来源"), "请填写 市外、区外市内 或 区内");
    const sector = r.need("sector", (c) => parseChoice(c, SECTOR_LABELS, "产业类别"), "请填写 工业 或 服务业");
    const agreedWan = r.get("agreedWan", parseMoney);
    const outputWan = r.get("outputWan", parseMoney);
    const stage = r.need("stage", parseStageCell, `请填写 ${STAGE_CHOICES} 之一`);
    const stageDates: StageDates = {};
    const unreadable = new Set<Stage>();
    for (const s of STAGE_DATE_ORDER) {
      const d = r.get(stageDateKey(s), parseDate);
      if (d) stageDates[s] = d;
      else if (d === undefined) unreadable.add(s);
    }
    const dropReasonText = r.get("dropReason", limitedText("dropReason"));
    // A date already reported as unreadable is not reported again as missing.
    if (stage) checkStage(r, stage, stageDates, dropReasonText, unreadable);
    const landAcquiredOn = table.columns.has("landDate") ? (r.get("landDate", parseDate) ?? null) : undefined;
    if (landAcquiredOn && stage) {
      const land = planLandMilestone({ stage, stageDates }, landAcquiredOn);
      if (!land.ok) r.report("landDate", land.error);
    }

    const record = {
      row: raw.row,
      name: name!,
      investor: investor!,
      industryChain: r.get("industryChain", limitedText("industryChain")) ?? "",
      groupName: groupName || null,
      leadUnitName,
      coUnitNames,
      landingUnitName,
      origin: origin!,
      sector: sector!,
      agreedWan: agreedWan ?? 0,
      outputWan: outputWan ?? 0,
      stage: stage!,
      stageDates,
      dropReason: dropReasonText || null,
      ...leaderOf(r.get("leaderName", limitedText("leaderName")) ?? ""),
      responsibleUserIds: (r.get("responsibles", parseUserIds) ?? []).sort(),
      nextStep: r.get("nextStep", limitedText("nextStep")) ?? "",
      nextStepDue: r.get("nextStepDue", parseDate) ?? null,
      blockers: r.get("blockers", limitedText("blockers")) ?? "",
      // Absent columns (an older ledger) leave the stored values as they are, like 拿地.
      blockerKind: table.columns.has("blockerKind") ? (r.get("blockerKind", (c) => parseChoice(c, BLOCKER_KIND_LABELS, "堵点类型")) ?? null) : undefined,
      blockerUnit: table.columns.has("blockerUnit") ? r.get("blockerUnit", limitedText("blockerUnit")) || null : undefined,
      landAcquiredOn,
    };
    if (r.ok) out.records.push(record);
  }
  return out;
}

function unitName(r: RowReader<ProjectKey>, key: "leadUnit" | "landingUnit", known: KnownNames): string | null {
  const name = r.get(key, parseText);
  if (name && !known.units.has(name)) r.report(key, unknownUnitReason(name, known));
  return name || null;
}

const LADDER = STAGES as readonly Stage[];
const dateHeader = (s: Stage) => `${STAGE_LABELS[s]}日期`;

function checkStage(r: RowReader<ProjectKey>, stage: Stage, dates: StageDates, dropReason: string | undefined, unreadable: Set<Stage>) {
  const label = STAGE_LABELS[stage];
  if (stage !== "LEAD" && !dates[stage] && !unreadable.has(stage)) {
    r.report(stageDateKey(stage), `当前阶段为“${label}”，须填写${dateHeader(stage)}（例如 2026-11-20）；如日期不详请填最接近的日期`);
  }
  if (stage === "DROPPED") {
    if (dropReason === "") r.report("dropReason", "当前阶段为“终止”，请填写终止原因，例如“投资方调整投资计划”");
  } else {
    if (dates.DROPPED) {
      r.report(stageDateKey("DROPPED"), `当前阶段为“${label}”，终止日期应留空；如项目已终止，请把当前阶段改为“终止”并填写终止原因`);
    }
    const at = LADDER.indexOf(stage);
    for (const later of LADDER.slice(at + 1)) {
      if (dates[later]) {
        r.report(
          stageDateKey(later),
          `当前阶段为“${label}”，${dateHeader(later)}应留空；如项目已到“${STAGE_LABELS[later]}”阶段，请把当前阶段改为“${STAGE_LABELS[later]}”`,
        );
      }
    }
  }
  // Along the ladder, a filled date is not earlier than any earlier filled one (skipped stages are ignored).
  let prev: { stage: Stage; date: LocalDate } | null = null;
  for (const s of LADDER) {
    const d = dates[s];
    if (!d) continue;
    if (prev && d < prev.date) {
      r.report(
        stageDateKey(s),
        `${dateHeader(s)} ${d} 早于${dateHeader(prev.stage)} ${prev.date}：各阶段日期应按 线索→洽谈→签约→注册→开工→投产→达产 先后排列，请核对`,
      );
    }
    if (!prev || d > prev.date) prev = { stage: s, date: d };
  }
}

/** The 包联领导 column takes a name or a Slack mention (`@U04ABCDE12`, `<@U04ABCDE12>`); names resolve against the directory on import. */
export function leaderOf(text: string): { leaderName: string; leaderSlackId: string | null } {
  const m = /^(?:<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|@([UW][A-Z0-9]+))$/.exec(text.trim());
  return m ? { leaderName: "", leaderSlackId: (m[1] ?? m[2])! } : { leaderName: text.trim(), leaderSlackId: null };
}
