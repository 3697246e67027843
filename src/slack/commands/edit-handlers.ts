import { createNewProject, recordProjectFunds, updateProject, type Caller } from "../../services/project-service.ts";
import { loadProjectCard } from "../../services/project-card.ts";
import type { Refusal } from "../../services/service-result.ts";
import type { FundsCommand, NewCommand, UpdateCommand } from "../../slack-grammar/types.ts";
import { listGroups, listUnits } from "../../store/directory.ts";
import { fundsForm, newProjectForm, updateForm } from "../blocks/forms.ts";
import { changeConfirmation, refusal, refusalText } from "../blocks/messages.ts";
import { projectCardBlocks } from "../blocks/project-card.ts";
import { wan } from "../blocks/labels.ts";
import { esc, section } from "../blocks/kit.ts";
import { refusedBeforeForm } from "../actions/card-actions.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import type { Turn } from "../turn.ts";
import { toChangeRequest } from "./change-request.ts";
import { resolveProject } from "./resolve-project.ts";

// Subcommands that change the store. A command with too little to act on
// opens its form, prefilled with what was typed.

export const caller = (turn: Turn): Caller => ({ userId: turn.userId, source: "SLASH", requestKey: turn.requestKey, requestKeyTtlMs: turn.requestKeyTtlMs });

/** Refusals of a conflict show the current values, so nothing is overwritten blindly. */
export async function replyRefusal(deps: SlackDeps, turn: Turn, r: Refusal): Promise<void> {
  if (r.kind === "conflict") {
    const card = await loadProjectCard(deps.db, r.current.id, deps.now());
    await turn.reply([...refusal(`${r.error}\n以下是最新内容：`), ...(card ? projectCardBlocks(card) : [])], refusalText(r.error));
    return;
  }
  await turn.reply(refusal(r.error), refusalText(r.error));
}

export async function handleNew(cmd: NewCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  if (cmd.needsForm) {
    const [groups, units] = await Promise.all([listGroups(deps.db), listUnits(deps.db)]);
    const f = cmd.fields;
    const group = f.group ? groups.find((g) => g.name.includes(f.group!)) : groups.find((g) => g.memberUserIds.includes(turn.userId));
    const leadUnit = f.leadUnit ? units.find((u) => u.name.includes(f.leadUnit!)) : undefined;
    await turn.openView(
      newProjectForm(groups, units, { name: f.name, investor: f.investor, groupId: group?.id, origin: f.origin, sector: f.sector, agreedWan: f.agreedWan, outputWan: f.outputWan, leadUnitId: leadUnit?.id, stage: f.stage, nextStep: f.nextStep, due: f.due }, { channelId: turn.channelId }),
    );
    return;
  }
  const ctx = await serviceContext(deps);
  // No 工作组= typed: the group whose channel this is, else the person's only group.
  let fields = cmd.fields;
  if (!fields.group) {
    const groups = await listGroups(deps.db);
    const mine = groups.filter((g) => g.memberUserIds.includes(turn.userId) || g.leaderSlackId === turn.userId);
    const here = groups.find((g) => g.channelId === turn.channelId) ?? (mine.length === 1 ? mine[0] : undefined);
    if (here) fields = { ...fields, group: here.name };
  }
  const r = await createNewProject(ctx, caller(turn), toChangeRequest(fields));
  if (!r.ok) return replyRefusal(deps, turn, r);
  const card = await loadProjectCard(deps.db, r.value.id, deps.now());
  await turn.reply([section(`✅ 已新建项目 *#${r.value.id}*`), ...projectCardBlocks(card!)], `已新建项目 #${r.value.id} ${esc(r.value.name)}`);
}

export async function handleUpdate(cmd: UpdateCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  if (!cmd.project) return turn.reply(refusal("请指明要更新的项目，例如：/project 更新 #12 阶段=开工"), "请指明项目");
  const project = await resolveProject(deps, turn, cmd.project, "例如 /project 更新 #12 阶段=开工");
  if (!project) return;
  if (cmd.needsForm) {
    const refused = await refusedBeforeForm(deps, turn.userId, project);
    if (refused) return turn.reply(refusal(refused), refusalText(refused));
    const c = cmd.changes;
    await turn.openView(updateForm(project, { stage: c.stage, reason: c.reason, progress: c.progress, nextStep: c.nextStep, due: c.due, blockers: c.blockers, blockerKind: c.blockerKind, blockerUnit: c.blockerUnit, fundsWan: c.fundsWan }, { channelId: turn.channelId }));
    return;
  }
  const r = await updateProject(await serviceContext(deps), caller(turn), project.id, toChangeRequest(cmd.changes));
  if (!r.ok) return replyRefusal(deps, turn, r);
  await turn.reply(changeConfirmation(r.value.project, r.value.changes, r.value), `已更新 #${project.id}`);
}

export async function handleFunds(cmd: FundsCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  if (!cmd.project) return turn.reply(refusal("请指明项目，例如：/project 到位 #7 +500万"), "请指明项目");
  const project = await resolveProject(deps, turn, cmd.project, "例如 /project 到位 #7 +500万");
  if (!project) return;
  if (cmd.needsForm) {
    const refused = await refusedBeforeForm(deps, turn.userId, project);
    if (refused) return turn.reply(refusal(refused), refusalText(refused));
    await turn.openView(fundsForm(project, { amountWan: cmd.amountWan, date: cmd.date, note: cmd.note }, { channelId: turn.channelId }));
    return;
  }
  const r = await recordProjectFunds(await serviceContext(deps), caller(turn), project.id, { amountWan: cmd.amountWan, date: cmd.date, note: cmd.note });
  if (!r.ok) return replyRefusal(deps, turn, r);
  const msg = `✅ 已登记 *#${project.id} ${esc(project.name)}* 到位资金 *+${wan(r.value.amountWan)}*（${r.value.date}）`;
  await turn.reply([section(msg)], msg);
}
