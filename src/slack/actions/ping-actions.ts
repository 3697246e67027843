import type { App, BlockAction, ButtonAction, DatepickerAction, RespondFn } from "@slack/bolt";
import { answerPerson } from "../answer-person.ts";
import { addDays } from "../../domain/periods.ts";
import { toLocalDate } from "../../domain/local-day.ts";
import { updateProject } from "../../services/project-service.ts";
import { getProject } from "../../store/projects.ts";
import { acknowledgePing, muteUntil } from "../../store/pings.ts";
import { updateForm } from "../blocks/forms.ts";
import { section, type Block } from "../blocks/kit.ts";
import { refusal } from "../blocks/messages.ts";
import { PING_ACTIONS } from "../blocks/ping-blocks.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";

// The overdue ping's buttons, its mute date picker, and ✅ reactions.

const ACK_REACTIONS = new Set(["white_check_mark", "heavy_check_mark", "ballot_box_with_check"]);

export function registerPingActions(app: App, deps: SlackDeps): void {
  const tell = (args: { client: App["client"]; body: BlockAction; respond: RespondFn }, text: string, blocks: Block[] = [section(text)]) =>
    answerPerson(args.client, { userId: args.body.user.id, channelId: args.body.channel?.id, respond: args.body.response_url ? args.respond : undefined }, blocks, text, deps.logger);

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${PING_ACTIONS.update}_\\d+$`), async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    const project = await getProject(deps.db, Number(action.value));
    if (!project) return void (await tell(args, `项目 #${action.value} 已不存在。`));
    await client.views.open({ trigger_id: body.trigger_id, view: updateForm(project, {}, { channelId: body.channel?.id }) as never });
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${PING_ACTIONS.done}_\\d+$`), async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    if (body.channel && body.message) await acknowledgePing(deps.db, body.channel.id, body.message.ts, body.user.id, deps.now());
    const ctx = await serviceContext(deps);
    const r = await updateProject(ctx, { userId: body.user.id, source: "BUTTON", requestKey: `ping-done:${body.message?.ts}:${action.value}:${body.user.id}` }, Number(action.value), { progress: "逾期事项已处理（来自提醒）" });
    if (!r.ok && r.kind !== "duplicate") return void (await tell(args, r.error, refusal(r.error)));
    await tell(args, `✅ 已记录：#${action.value} 逾期事项已处理。如下一步有变化，请点“更新进展”。`);
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${PING_ACTIONS.postpone}_\\d+$`), async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    const ctx = await serviceContext(deps);
    const project = await getProject(deps.db, Number(action.value));
    if (!project) return void (await tell(args, `项目 #${action.value} 已不存在。`));
    const today = toLocalDate(ctx.now, ctx.rules.timeZone);
    const from = project.nextStepDue && project.nextStepDue > today ? project.nextStepDue : today;
    const r = await updateProject(
      ctx,
      { userId: body.user.id, source: "BUTTON", requestKey: `ping-postpone:${body.message?.ts}:${action.value}:${body.user.id}` },
      project.id,
      { nextStepDue: addDays(from, 7), progress: "下一步截止延期 7 天（来自提醒）" },
    );
    if (!r.ok) return void (await tell(args, r.kind === "duplicate" ? "已延期过，未重复延期。" : r.error, refusal(r.kind === "duplicate" ? "已延期过，未重复延期。" : r.error)));
    if (body.channel && body.message) await acknowledgePing(deps.db, body.channel.id, body.message.ts, body.user.id, deps.now());
    await tell(args, `✅ #${project.id} 下一步截止已延期至 ${addDays(from, 7)}。`);
  });

  app.action<BlockAction<DatepickerAction>>(PING_ACTIONS.mute, async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    if (!action.selected_date) return;
    await muteUntil(deps.db, body.user.id, action.selected_date);
    await tell(args, `🔕 ${action.selected_date}（含）之前不再在逾期提醒中点名你。`);
  });

  app.event("reaction_added", async ({ event }) => {
    if (!ACK_REACTIONS.has(event.reaction) || event.item.type !== "message") return;
    await acknowledgePing(deps.db, event.item.channel, event.item.ts, event.user, deps.now());
  });
}
