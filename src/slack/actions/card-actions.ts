import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { CHANNEL_REACH } from "../../domain/glossary.ts";
import { answerPerson } from "../answer-person.ts";
import { reachChannel } from "../channel-reach.ts";
import type { Block } from "../blocks/kit.ts";
import { refsAsMentions } from "../../domain/person-ref.ts";
import type { Project } from "../../domain/types.ts";
import { getProject, projectHistory } from "../../store/projects.ts";
import { listGroups, listUnits } from "../../store/directory.ts";
import { loadProjectCard } from "../../services/project-card.ts";
import { fundsForm, updateForm } from "../blocks/forms.ts";
import { context, esc, header, sectionsOf } from "../blocks/kit.ts";
import { FIELD_LABELS, valueLabel } from "../blocks/labels.ts";
import { PICK_ACTION, refusal } from "../blocks/messages.ts";
import { CARD_ACTIONS, projectCardBlocks } from "../blocks/project-card.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import { toLocalDateTime } from "../../domain/local-day.ts";
import { editPermission } from "../../services/project-service.ts";
import { refusalText } from "../blocks/messages.ts";
import { durableButton } from "./durable-button.ts";

// Buttons on project cards and pick lists. 更新/到位 only open a form, which
// needs the trigger_id within 3 s: they stay direct (nothing is changed until
// the form is submitted, and the submission goes through the inbox). The
// others are durable (durable-button.ts): written before the ack, answered
// after a restart.

const NOT_THERE = new Set(["not_in_channel", "channel_not_found"]);

type Answerable = { body: BlockAction; client: App["client"]; respond: RespondFn };

async function answer(deps: SlackDeps, { client, body, respond }: Answerable, blocks: Block[], text: string) {
  await answerPerson(client, { userId: body.user.id, channelId: body.channel?.id, respond: body.response_url ? respond : undefined }, blocks, text, deps.logger);
}

/** Someone who may not change the project is told so before a form opens, not after filling it in. */
export async function refusedBeforeForm(deps: SlackDeps, userId: string, project: Project): Promise<string | null> {
  const permission = await editPermission(await serviceContext(deps), userId, project);
  return permission.allowed ? null : `你没有修改项目 #${project.id}“${project.name}”的权限。可修改的人：${permission.who}。`;
}

export function registerCardActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(CARD_ACTIONS.update, async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    const project = await getProject(deps.db, Number(action.value));
    if (!project) return answer(deps, args, refusal(`项目 #${action.value} 已不存在。`), "项目不存在");
    const refused = await refusedBeforeForm(deps, body.user.id, project);
    if (refused) return answer(deps, args, refusal(refused), refusalText(refused));
    await client.views.open({ trigger_id: body.trigger_id, view: updateForm(project, {}, { channelId: body.channel?.id }) as never });
  });

  app.action<BlockAction<ButtonAction>>(CARD_ACTIONS.funds, async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    const project = await getProject(deps.db, Number(action.value));
    if (!project) return answer(deps, args, refusal(`项目 #${action.value} 已不存在。`), "项目不存在");
    const refused = await refusedBeforeForm(deps, body.user.id, project);
    if (refused) return answer(deps, args, refusal(refused), refusalText(refused));
    await client.views.open({ trigger_id: body.trigger_id, view: fundsForm(project, {}, { channelId: body.channel?.id }) as never });
  });

  durableButton(app, deps, CARD_ACTIONS.history, "card-history", async (press, tell) => {
    const id = Number(press.value);
    const rows = await projectHistory(deps.db, id, 60);
    const { timeZone } = (await serviceContext(deps)).rules;
    const [groups, units] = await Promise.all([listGroups(deps.db), listUnits(deps.db)]);
    // Group and unit ids as names: nobody reads "工作组：3 → 1".
    const idName = (field: string, v: string | null): string | null => {
      if (v === null) return v;
      if (field === "groupId") return groups.find((g) => String(g.id) === v)?.name ?? v;
      if (field === "leadUnitId" || field === "landingUnitId") return units.find((u) => String(u.id) === v)?.name ?? v;
      return v;
    };
    const lines = rows.map(({ ...h }) => ({ ...h, oldValue: idName(h.field, h.oldValue), newValue: idName(h.field, h.newValue) })).map(
      (h) => `${toLocalDateTime(h.at, timeZone)} ${h.author.startsWith("U") ? `<@${h.author}>` : esc(h.author)} ${FIELD_LABELS[h.field] ?? h.field}：${h.oldValue !== null ? `${refsAsMentions(esc(valueLabel(h.field, h.oldValue)))} → ` : ""}${refsAsMentions(esc(valueLabel(h.field, h.newValue)))}`,
    );
    await tell([header(`#${id} 历史记录`), ...sectionsOf(lines.length ? lines : ["（无记录）"]).slice(0, 45), context([`时间为本区时间（${timeZone}）；显示最近 60 条`])], `#${id} 历史记录`);
  });

  // Cards are private by default; a user may post one to the channel (no noise unless asked).
  durableButton(app, deps, CARD_ACTIONS.share, "card-share", async (press, tell) => {
    const client = app.client;
    const card = await loadProjectCard(deps.db, Number(press.value), deps.now());
    if (!card) return tell(refusal(`项目 #${press.value} 已不存在。`), "项目不存在");
    const channel = press.channelId;
    if (!channel) return tell(refusal("这里无法发到频道，请在频道中使用 /project 查看。"), "无法发到频道");
    const post = () => client.chat.postMessage({ channel, blocks: [context([`<@${press.userId}> 分享了项目卡片`]), ...projectCardBlocks(card, { shared: true })] as never, text: `#${card.project.id} ${esc(card.project.name)}` });
    try {
      await post();
    } catch (e) {
      if (!NOT_THERE.has((e as { data?: { error?: string } }).data?.error ?? "")) throw e;
      // A public channel the bot has not joined yet: join it and post; otherwise say how to invite it.
      const reach = await reachChannel(client, channel);
      if (!reach.ok) return tell(refusal(CHANNEL_REACH.cannotShare(reach.name ?? channel)), "无法发到频道");
      await post();
    }
  });

  // Pick-list buttons carry the project id in the action id (one per button) and the value.
  durableButton(app, deps, new RegExp(`^${PICK_ACTION}(_\\d+)?$`), "card-pick", async (press, tell) => {
    const card = await loadProjectCard(deps.db, Number(press.value), deps.now());
    if (!card) return tell(refusal(`项目 #${press.value} 已不存在。`), "项目不存在");
    await tell(projectCardBlocks(card), `#${card.project.id} ${esc(card.project.name)}`);
  });
}
