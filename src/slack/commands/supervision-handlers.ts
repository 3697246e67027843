import { supervisionStateOn } from "../../domain/supervision.ts";
import { buildUnstartedReport } from "../../services/unstarted-service.ts";
import { closeOrRequest, openSupervisionItem, takeSupervisionStep, type StepTaken } from "../../services/supervision-service.ts";
import type { CloseCommand, SuperviseCommand, SupervisionStepCommand, UnstartedCommand } from "../../slack-grammar/types.ts";
import { loadSupervisionItems } from "../../store/supervision.ts";
import { superviseForm } from "../blocks/forms.ts";
import { refusal } from "../blocks/messages.ts";
import { section, type Block } from "../blocks/kit.ts";
import { stepDoneText, supervisionItemBlocks } from "../blocks/supervision-blocks.ts";
import { unstartedMessages } from "../blocks/unstarted-blocks.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import { tellNextActor } from "../supervision-notices.ts";
import type { Turn } from "../turn.ts";
import { caller, replyRefusal } from "./edit-handlers.ts";
import { resolveProject } from "./resolve-project.ts";

// The 督办 loop from the command line: 督办 (挂牌 or a proposal), 反馈,
// 申请销号, 销号 (复核同意), 退回, 延期; and the 签约未开工 list.

const EXAMPLE = '/project 督办 #7 事项="土地指标未落实" 责任人=@王小峡 期限=12-31';

async function replyStep(turn: Turn, taken: StepTaken, asOf: string, missed: Block | null = null): Promise<void> {
  const view = { id: taken.id, projectId: taken.projectId, projectName: taken.projectName, state: taken.state };
  const text = stepDoneText(view, taken.kind);
  await turn.reply([section(text), ...(missed ? [missed] : []), ...supervisionItemBlocks(view, asOf)], text);
}

export async function handleSupervise(cmd: SuperviseCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  if (!cmd.project) return turn.reply(refusal(`请指明项目，例如：${EXAMPLE}`), "请指明项目");
  const project = await resolveProject(deps, turn, cmd.project, `例如 ${EXAMPLE}`);
  if (!project) return;
  const owner = cmd.owner?.kind === "user" ? cmd.owner.userId : cmd.owner?.text;
  if (cmd.needsForm || !cmd.deadline || !owner) {
    await turn.openView(superviseForm(project, { issue: cmd.issue, owner: cmd.owner?.kind === "user" ? cmd.owner.userId : undefined, deadline: cmd.deadline }, { channelId: turn.channelId }));
    return;
  }
  const ctx = await serviceContext(deps);
  const r = await openSupervisionItem(ctx, caller(turn), project.id, { issue: cmd.issue, owner, deadline: cmd.deadline });
  if (!r.ok) return replyRefusal(deps, turn, r);
  const [item] = await loadSupervisionItems(deps.db, ctx.rules.timeZone, { projectIds: [project.id] }).then((all) => all.filter((i) => i.id === r.value.id));
  const state = supervisionStateOn(item!.steps)!;
  await replyStep(turn, { id: r.value.id, projectId: project.id, projectName: project.name, kind: r.value.status === "OPEN" ? "LIST" : "PROPOSE", state }, state.proposedOn);
}

export async function handleClose(cmd: CloseCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const ctx = await serviceContext(deps);
  let itemId: number;
  if (cmd.target.kind === "supervision") itemId = cmd.target.id;
  else {
    const project = await resolveProject(deps, turn, cmd.target.project, "例如 /project 销号 督办12");
    if (!project) return;
    const open = (await loadSupervisionItems(deps.db, ctx.rules.timeZone, { projectIds: [project.id], statuses: ["OPEN", "REVIEW"] }));
    if (open.length !== 1) {
      const msg = open.length
        ? `#${project.id} 有 ${open.length} 个未销号的督办事项（${open.map((s) => `督办${s.id}`).join("、")}），请写明编号，例如：/project 销号 督办${open[0]!.id} 说明="已解决"`
        : `#${project.id} 没有未销号的督办事项。`;
      return turn.reply(refusal(msg), msg);
    }
    itemId = open[0]!.id;
  }
  const r = await closeOrRequest(ctx, caller(turn), itemId, cmd.note ?? "");
  if (!r.ok) return replyRefusal(deps, turn, r);
  const missed = await tellNextActor(turn.client, ctx, r.value, turn.userId, deps.logger);
  await replyStep(turn, r.value, r.value.state.steps.at(-1)!.on, missed);
}

const STEP_OF = { feedback: "FEEDBACK", request: "REQUEST_CLOSE", return: "RETURN", extend: "EXTEND" } as const;

export async function handleSupervisionStep(cmd: SupervisionStepCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const ctx = await serviceContext(deps);
  const r = await takeSupervisionStep(ctx, caller(turn), cmd.itemId, STEP_OF[cmd.command], { note: cmd.note, deadline: cmd.deadline });
  if (!r.ok) return replyRefusal(deps, turn, r);
  const missed = await tellNextActor(turn.client, ctx, r.value, turn.userId, deps.logger);
  await replyStep(turn, r.value, r.value.state.steps.at(-1)!.on, missed);
}

export async function handleUnstarted(cmd: UnstartedCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const report = await buildUnstartedReport(deps.db, { now: deps.now() }, await deps.rules());
  const group = cmd.group ? report.groups.find((g) => g.includes(cmd.group!)) : undefined;
  if (cmd.group && !group) {
    const msg = `没有名称包含“${cmd.group}”的工作组。可选：${report.groups.join("、")}`;
    return turn.reply(refusal(msg), msg);
  }
  for (const blocks of unstartedMessages(report, group)) await turn.reply(blocks, "签约未开工项目清单");
}
