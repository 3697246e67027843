import { cleanValue, shown } from "./text.ts";
import { isBareKey, readFields, refuseParts as refuse, readProjectRef, refuseStray, takeTrailingId, type Parts } from "./parts.ts";
import { LAND_STAGE_VALUE } from "./fields.ts";
import { REQUIRED_NEW_FIELDS, type ParseResult, type ProjectChanges, type ProjectFields } from "./types.ts";
import { FOLLOW_ON_CHOICES } from "../domain/follow-on.ts";
import type { FollowOnKind } from "../domain/types.ts";

// 新建, 更新, 查看: the commands about one project's own fields.

/** `/project 新建 锂电池项目 投资方=宁德时代 …`: the leading words are the name. */
export function parseNew(parts: Parts): ParseResult {
  const applied = readFields(parts);
  const fields = applied.values as ProjectFields;

  const nameWords: string[] = [];
  const keyAt = parts.lead.findIndex((w) => isBareKey(parts, w));
  for (const w of keyAt < 0 ? parts.lead : parts.lead.slice(0, keyAt)) {
    if (!w.quoted && w.text.normalize("NFKC").startsWith("#")) {
      parts.problems.push(`新建项目不需要编号“${shown(w.text)}”：编号由系统分配；要修改已有项目请用 /project 更新 ${shown(w.text)} …`);
    } else nameWords.push(w.text);
  }
  if (keyAt >= 0) refuseStray(parts, parts.lead.slice(keyAt));
  const leadName = cleanValue(nameWords.join(" ")).replace(/\s+/g, " ");
  if (leadName) {
    if (fields.name !== undefined) {
      parts.problems.push(`项目名称写了两次（“${shown(leadName)}”和 名称=“${shown(fields.name)}”）：只保留一处，例如 /project 新建 锂电池项目 投资方=宁德时代`);
    } else if (Array.from(leadName).length > 200) {
      parts.problems.push(`项目名称太长（超过 200 字）：请写项目全称，例如 年产5万吨锂电材料项目`);
    } else fields.name = leadName;
  }
  refuseStray(parts, parts.trailing);
  if (fields.stage === "DROPPED") parts.problems.push("新建的项目不能是“终止”阶段：请填写当前实际阶段，例如 阶段=洽谈");
  if (parts.problems.length) return refuse(parts);

  const missing = REQUIRED_NEW_FIELDS.filter((k) => fields[k] === undefined);
  return { ok: true, command: "new", fields, missing, needsForm: missing.length > 0 };
}

/** `/project 更新 #12 阶段=签约 …`; with no project or no change the form opens prefilled. */
export function parseUpdate(parts: Parts): ParseResult {
  const applied = readFields(parts);
  const changes = applied.values as ProjectChanges;
  const { ref, rest } = readProjectRef(parts, parts.lead);
  refuseStray(parts, rest);
  const project = ref ?? takeTrailingId(parts);
  refuseStray(parts, parts.trailing);

  // `阶段=拿地` records the milestone on the day given as 阶段日期 (default today) and leaves the stage alone.
  if ((changes.stage as string | undefined) === LAND_STAGE_VALUE) {
    delete changes.stage;
    if (changes.landOn !== undefined) parts.problems.push("“阶段=拿地”和“拿地=…”写的是同一项：只写一处，例如 拿地=11-20");
    else changes.landOn = changes.stageDate ?? parts.today;
    delete changes.stageDate;
  }
  // Rules that need only the text; those that need the stored project (moving back) are planStageChange's.
  if (changes.reason !== undefined && changes.stage === undefined) {
    parts.problems.push('“原因”用于说明阶段变更，需要和“阶段”一起写，例如 阶段=终止 原因="投资方调整计划"；其他情况请写在 进展="…"');
  }
  if (changes.stage === "DROPPED" && changes.reason === undefined) {
    parts.problems.push('终止项目需要写明原因，例如 阶段=终止 原因="投资方调整计划"');
  }
  if (changes.stageDate !== undefined && changes.stage === undefined) {
    parts.problems.push("“阶段日期”需要和“阶段”一起写，例如 阶段=签约 阶段日期=11-20");
  }
  if (changes.confirmJump !== undefined && changes.stage === undefined) {
    parts.problems.push("“确认”用于确认跨越多个阶段的阶段变更，需要和“阶段”一起写，例如 阶段=达产 确认=是");
  }
  if (changes.fundsDate !== undefined && changes.fundsWan === undefined) {
    parts.problems.push("“到位日期”需要和“到位”一起写，例如 到位=+3000万 到位日期=11-20");
  }
  if (parts.problems.length) return refuse(parts);

  if (project === null || Object.keys(changes).length === 0) {
    return { ok: true, command: "update", needsForm: true, project, changes };
  }
  return { ok: true, command: "update", needsForm: false, project, changes };
}

/** `/project 查看 #12` or `/project 查看 锂电池`. */
export function parseShow(parts: Parts): ParseResult {
  readFields(parts);
  const { ref, rest } = readProjectRef(parts, parts.lead);
  refuseStray(parts, rest);
  refuseStray(parts, parts.trailing);
  if (!ref && !parts.problems.length) parts.problems.push("请写明要查看哪个项目：用编号或名称中的几个字");
  if (parts.problems.length || !ref) return refuse(parts);
  return { ok: true, command: "show", project: ref };
}

/**
 * `/project 未来订单 #5 类型=二期 名称="…" 协议资金=5亿`: the parent first
 * (编号 or name), then the new project's name (as words or 名称=) and fields.
 */
export function parseFollowOn(parts: Parts): ParseResult {
  const applied = readFields(parts);
  const { kind, ...fields } = applied.values as ProjectFields & { kind?: FollowOnKind };
  const { ref, rest } = readProjectRef(parts, parts.lead);
  // After a #编号, leading words are the new project's name, as in 新建.
  if (ref?.kind === "id" && rest.length) {
    const keyAt = rest.findIndex((w) => isBareKey(parts, w));
    const words = keyAt < 0 ? rest : rest.slice(0, keyAt);
    if (keyAt >= 0) refuseStray(parts, rest.slice(keyAt));
    const name = cleanValue(words.map((w) => w.text).join(" ")).replace(/\s+/g, " ");
    if (fields.name !== undefined) parts.problems.push(`项目名称写了两次（“${shown(name)}”和 名称=“${shown(fields.name)}”）：只保留一处，例如 ${parts.example}`);
    else fields.name = name;
  } else refuseStray(parts, rest);
  refuseStray(parts, parts.trailing);
  if (!ref && !parts.problems.length) parts.problems.push(`请写明源自哪个已投产、达产项目：用编号，例如 ${parts.example}`);
  if (kind === undefined && !parts.problems.some((p) => p.startsWith("类型"))) parts.problems.push(`请写明未来订单类型（${FOLLOW_ON_CHOICES}），例如 类型=增资扩产`);
  if (fields.name === undefined && !parts.problems.length) parts.problems.push(`请写明新项目的名称，例如 名称="智能终端扩产项目"`);
  if (fields.stage === "DROPPED") parts.problems.push("新登记的未来订单不能是“终止”阶段：请填写当前实际阶段，例如 阶段=洽谈");
  if (parts.problems.length || !ref || !kind) return refuse(parts);
  return { ok: true, command: "followOn", parent: ref, kind, fields };
}
