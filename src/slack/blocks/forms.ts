import { TEXT_LIMITS, type LimitedField } from "../../domain/text-limits.ts";
import { formatMoney, moneyInput } from "../../domain/glossary.ts";
import { BLOCKER_KIND_LABELS, BLOCKER_KINDS, blockerFormValues, type BlockerKind } from "../../domain/blockers.ts";
import { JUMP_CONFIRM_BOX, STAGE_LABELS } from "../../domain/stages.ts";
import { STAGES, type Group, type LocalDate, type Project, type Stage, type Unit } from "../../domain/types.ts";
import { clip, plain, type Block } from "./kit.ts";

// The modals (forms) for a new project, an update, funds and supervision.
// Pure builders: the listeners pass current values and what the command line
// already said, so a form opens prefilled. Block and action ids name the field
// they hold, so the submission handler reads `values[field][field]`.

export const FORMS = { newProject: "form_new_project", update: "form_update", funds: "form_funds", supervise: "form_supervise" } as const;

export interface FormMeta {
  projectId?: number;
  version?: number;
  /** Stage when the update form opened: choosing it again is not a stage move. */
  stage?: Stage;
  channelId?: string;
}

type Option = { text: string; value: string };
const option = (o: Option) => ({ text: plain(o.text, 75), value: clip(o.value, 150) });

function input(field: string, label: string, element: Block, opts: { optional?: boolean; hint?: string } = {}): Block {
  return {
    type: "input",
    block_id: field,
    label: plain(label, 2000),
    // The same length limits as a slash command and the ledger (domain/text-limits.ts).
    element: { ...element, action_id: field, ...(element.type === "plain_text_input" && field in TEXT_LIMITS ? { max_length: TEXT_LIMITS[field as LimitedField] } : {}) },
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  };
}

const text = (initial?: string, multiline = false, placeholder?: string): Block => ({
  type: "plain_text_input",
  multiline,
  ...(initial ? { initial_value: clip(initial, 3000) } : {}),
  ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
});
const date = (initial?: LocalDate | null): Block => ({ type: "datepicker", ...(initial ? { initial_date: initial } : {}) });
function select(options: Option[], initial?: string, placeholder = "请选择"): Block {
  const opts = options.slice(0, 100).map(option);
  const init = opts.find((o) => o.value === initial);
  return { type: "static_select", placeholder: plain(placeholder, 150), options: opts, ...(init ? { initial_option: init } : {}) };
}

const STAGE_OPTIONS: Option[] = [...STAGES, "DROPPED" as Stage].map((s) => ({ text: STAGE_LABELS[s], value: s }));
const ORIGIN_OPTIONS: Option[] = [
  { text: "市外", value: "OUTSIDE_CITY" },
  { text: "区外市内", value: "IN_CITY_OUTSIDE_DISTRICT" },
  { text: "区内", value: "IN_DISTRICT" },
];
const SECTOR_OPTIONS: Option[] = [
  { text: "工业", value: "INDUSTRY" },
  { text: "服务业", value: "SERVICE" },
];
/** The blockers' kind is picked next to their text (Project.blockerKind), so the agenda and 问题清单 can sort them. */
const BLOCKER_KIND_OPTIONS: Option[] = BLOCKER_KINDS.map((k) => ({ text: BLOCKER_KIND_LABELS[k], value: k }));
const BLOCKER_HINT = "多个问题用；分隔；类别和负责部门在下面选填";
const BLOCKER_UNIT_HINT = "不填时按堵点类型由调度规则确定的部门负责（如 用地 → 区规划自然资源局）";
const MONEY_HINT = "以万元计，可写 3000万、2.5亿、1,200万元";

function modal(callbackId: string, title: string, submit: string, blocks: Block[], meta: FormMeta): Block {
  return {
    type: "modal",
    callback_id: callbackId,
    title: plain(title, 24),
    submit: plain(submit, 24),
    close: plain("取消", 24),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

export interface NewProjectPrefill {
  name?: string;
  investor?: string;
  groupId?: number;
  origin?: string;
  sector?: string;
  agreedWan?: number;
  outputWan?: number;
  leadUnitId?: number;
  stage?: Stage;
  nextStep?: string;
  due?: LocalDate | null;
}

export function newProjectForm(groups: Group[], units: Unit[], prefill: NewProjectPrefill, meta: FormMeta): Block {
  return modal(FORMS.newProject, "新建招商项目", "保存", [
    input("name", "项目名称", text(prefill.name, false, "例如：年产5万吨锂电正极材料项目")),
    input("investor", "投资方", text(prefill.investor, false, "例如：某某新能源科技有限公司")),
    input("group", "专项工作组", select(groups.map((g) => ({ text: g.name, value: String(g.id) })), prefill.groupId?.toString())),
    input("origin", "项目来源", select(ORIGIN_OPTIONS, prefill.origin)),
    input("sector", "产业类别", select(SECTOR_OPTIONS, prefill.sector)),
    input("agreed", "协议资金", text(prefill.agreedWan ? moneyInput(prefill.agreedWan) : undefined, false, "例如 2.5亿"), { optional: true, hint: MONEY_HINT }),
    input("output", "预计年产值", text(prefill.outputWan ? moneyInput(prefill.outputWan) : undefined, false, "例如 5亿"), { optional: true, hint: MONEY_HINT }),
    input("leadUnit", "牵头单位", select(units.map((u) => ({ text: u.name, value: String(u.id) })), prefill.leadUnitId?.toString()), { optional: true }),
    input("stage", "当前阶段", select(STAGE_OPTIONS.filter((o) => o.value !== "DROPPED"), prefill.stage ?? "LEAD")),
    input("nextStep", "下一步", text(prefill.nextStep), { optional: true }),
    input("due", "下一步截止", date(prefill.due), { optional: true }),
  ], meta);
}

export interface UpdatePrefill {
  stage?: Stage;
  reason?: string;
  progress?: string;
  nextStep?: string;
  due?: LocalDate | null;
  blockers?: string;
  blockerKind?: BlockerKind | null;
  blockerUnit?: string;
  fundsWan?: number;
}

export function updateForm(project: Project, prefill: UpdatePrefill, meta: FormMeta): Block {
  const shown = blockerFormValues(project);
  const kind = prefill.blockerKind !== undefined ? prefill.blockerKind : shown.kind;
  return modal(FORMS.update, clip(`更新 #${project.id}`, 24), "保存", [
    { type: "section", text: { type: "mrkdwn", text: clip(`*${project.name}*　当前阶段：${STAGE_LABELS[project.stage]}`, 3000) } },
    input("stage", "阶段", select(STAGE_OPTIONS, prefill.stage ?? project.stage)),
    input("stageDate", "阶段日期（默认今天）", date(), { optional: true }),
    input("reason", "原因（阶段倒退或终止时必填）", text(prefill.reason), { optional: true }),
    input("confirmJump", "跨越多个阶段时", { type: "checkboxes", options: [option({ text: JUMP_CONFIRM_BOX, value: "yes" })] }, { optional: true }),
    input("progress", "本周进展", text(prefill.progress, true, "例如：完成土地摘牌"), { optional: true }),
    input("nextStep", "下一步", text(prefill.nextStep ?? project.nextStep), { optional: true }),
    input("due", "下一步截止", date(prefill.due === undefined ? project.nextStepDue : prefill.due), { optional: true }),
    input("blockers", "问题堵点", text(prefill.blockers ?? shown.text, true, "例如：土地指标未落实"), { optional: true, hint: BLOCKER_HINT }),
    input("blockerKind", "堵点类型", select(BLOCKER_KIND_OPTIONS, kind ?? undefined), { optional: true }),
    input("blockerUnit", "堵点责任单位（可不填）", text(prefill.blockerUnit ?? project.blockerUnit ?? undefined, false, "例如：区发改委"), { optional: true, hint: BLOCKER_UNIT_HINT }),
    input("funds", "新到位资金（可不填）", text(prefill.fundsWan ? moneyInput(prefill.fundsWan) : undefined, false, "例如 3000万"), { optional: true, hint: MONEY_HINT }),
  ], { ...meta, projectId: project.id, version: project.version, stage: project.stage });
}

export function fundsForm(project: Project, prefill: { amountWan?: number; date?: LocalDate; note?: string }, meta: FormMeta): Block {
  return modal(FORMS.funds, "登记到位资金", "登记", [
    { type: "section", text: { type: "mrkdwn", text: clip(`*#${project.id} ${project.name}*　协议资金 ${formatMoney(project.agreedWan)}`, 3000) } },
    input("amount", "到位金额", text(prefill.amountWan ? moneyInput(prefill.amountWan) : undefined, false, "例如 3000万"), { hint: MONEY_HINT }),
    input("date", "到位日期", date(prefill.date)),
    input("note", "备注", text(prefill.note), { optional: true }),
  ], { ...meta, projectId: project.id });
}

export function superviseForm(project: Project, prefill: { issue?: string; owner?: string; deadline?: LocalDate }, meta: FormMeta): Block {
  return modal(FORMS.supervise, "挂牌督办", "挂牌", [
    { type: "section", text: { type: "mrkdwn", text: clip(`*#${project.id} ${project.name}*`, 3000) } },
    input("issue", "督办事项", text(prefill.issue ?? project.blockers, true)),
    input("owner", "负责人", { type: "users_select", ...(prefill.owner ? { initial_user: prefill.owner } : {}) }),
    input("deadline", "办结期限", date(prefill.deadline)),
  ], { ...meta, projectId: project.id });
}
