import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { answerPerson } from "../answer-person.ts";
import { dayInProse, REQUEST_TEXTS } from "../../domain/glossary.ts";
import { durableButton, type Press, type Tell } from "./durable-button.ts";
import { addDays } from "../../domain/periods.ts";
import { toLocalDate } from "../../domain/local-day.ts";
import { acknowledgePingReaction, markOverdueHandled, muteMyPings, type PingRef } from "../../services/ping-service.ts";
import { updateProject } from "../../services/project-service.ts";
import { getProject } from "../../store/projects.ts";
import { acknowledgePing, findPing } from "../../store/pings.ts";
import { claimSlackEvent, releaseSlackEvent } from "../../store/slack-events.ts";
import { editPermission } from "../../services/project-service.ts";
import { updateForm } from "../blocks/forms.ts";
import { section, type Block } from "../blocks/kit.ts";
import { refusal, refusalText } from "../blocks/messages.ts";
import { markAcknowledged, markProjectAnswered, PING_ACTIONS } from "../blocks/ping-blocks.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import { publishHome } from "../events/app-home.ts";

// The overdue ping's buttons, its mute date picker, and ✅ reactions. Each
// answer shows on the ping itself (the project's line, or the footer for ✅),
// so the group sees it was answered and nobody answers twice. 已处理, 延期
// and the mute date are durable (durable-button.ts); 更新进展 only opens the
// form (its trigger_id lasts 3 s), so it stays direct.

const ACK_REACTIONS = new Set(["white_check_mark", "heavy_check_mark", "ballot_box_with_check"]);

export function registerPingActions(app: App, deps: SlackDeps): void {
  type Click = { client: App["client"]; body: BlockAction; respond: RespondFn };
  const tell = (args: Click, text: string, blocks: Block[] = [section(text)]) =>
    answerPerson(args.client, { userId: args.body.user.id, channelId: args.body.channel?.id, respond: args.body.response_url ? args.respond : undefined }, blocks, text, deps.logger);
  const refuseWith = (args: Click, error: string) => tell(args, refusalText(error), refusal(error));
  // The durable buttons' answers (from the stored press).
  const say = (t: Tell, text: string) => t([section(text)], text);
  const refuse = (t: Tell, error: string) => t(refusal(error), refusalText(error));
  const pingOf = (press: Press): PingRef | undefined => (press.channelId && press.messageTs ? { channelId: press.channelId, messageTs: press.messageTs } : undefined);

  /** Rewrites the ping in place; its blocks come from the click's payload, else are read back from the channel. */
  async function rewritePing(client: App["client"], ref: PingRef, change: (b: Block[]) => Block[], posted?: { blocks?: unknown; text?: string }) {
    let blocks = Array.isArray(posted?.blocks) && posted.blocks.length ? (posted.blocks as Block[]) : null;
    let text = posted?.text;
    if (!blocks) {
      const h = await client.conversations.history({ channel: ref.channelId, latest: ref.messageTs, inclusive: true, limit: 1 }).catch(() => null);
      const m = h?.messages?.find((x) => x.ts === ref.messageTs);
      blocks = (m?.blocks as Block[] | undefined) ?? null;
      text = m?.text;
    }
    if (!blocks) return;
    await client.chat.update({ channel: ref.channelId, ts: ref.messageTs, text: text || "逾期提醒", blocks: change(blocks) as never });
  }

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${PING_ACTIONS.update}_\\d+$`), async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    const project = await getProject(deps.db, Number(action.value));
    if (!project) return void (await tell(args, `项目 #${action.value} 已不存在。`));
    // Refused before the form opens, not after it was filled in.
    const permission = await editPermission(await serviceContext(deps), body.user.id, project);
    if (!permission.allowed) return void (await refuseWith(args, `你没有修改项目 #${project.id}“${project.name}”的权限。可修改的人：${permission.who}。`));
    await client.views.open({ trigger_id: body.trigger_id, view: updateForm(project, {}, { channelId: body.channel?.id }) as never });
  });

  durableButton(app, deps, new RegExp(`^${PING_ACTIONS.done}_\\d+$`), "ping-done", async (press, tell) => {
    const ctx = await serviceContext(deps);
    const ref = pingOf(press);
    const caller = { userId: press.userId, source: "BUTTON" as const, requestKey: `ping-done:${press.messageTs}:${press.value}:${press.userId}` };
    const r = await markOverdueHandled(ctx, caller, Number(press.value), ref);
    if (!r.ok) return r.kind === "duplicate" ? tell(refusal(REQUEST_TEXTS.alreadyDone), REQUEST_TEXTS.alreadyDone) : refuse(tell, r.error);
    if (ref) await rewritePing(app.client, ref, (b) => markProjectAnswered(b, r.value.project.id, `✅ 已处理 · <@${press.userId}> · ${dayInProse(r.value.day)}`), press.message);
    await publishHome(app, deps, press.userId);
    await say(tell, `✅ 已记录：#${press.value} 逾期的下一步已完成，本项目不再列入逾期提醒。请点“更新进展”填写新的下一步和截止日期。`);
  }, { keepMessage: true });

  durableButton(app, deps, new RegExp(`^${PING_ACTIONS.postpone}_\\d+$`), "ping-postpone", async (press, tell) => {
    const ctx = await serviceContext(deps);
    const project = await getProject(deps.db, Number(press.value));
    if (!project) return say(tell, `项目 #${press.value} 已不存在。`);
    const today = toLocalDate(ctx.now, ctx.rules.timeZone);
    const from = project.nextStepDue && project.nextStepDue > today ? project.nextStepDue : today;
    const r = await updateProject(
      ctx,
      { userId: press.userId, source: "BUTTON", requestKey: `ping-postpone:${press.messageTs}:${press.value}:${press.userId}` },
      project.id,
      { nextStepDue: addDays(from, 7), progress: "下一步截止延期 7 天（来自提醒）" },
    );
    if (!r.ok) return refuse(tell, r.kind === "duplicate" ? "已延期过，未重复延期。" : r.error);
    const ref = pingOf(press);
    if (ref) {
      await acknowledgePing(deps.db, ref.channelId, ref.messageTs, press.userId, deps.now());
      await rewritePing(app.client, ref, (b) => markProjectAnswered(b, project.id, `⏩ 已延期至 ${dayInProse(addDays(from, 7))} · <@${press.userId}>`), press.message);
    }
    await say(tell, `✅ #${project.id} 下一步截止已延期至 ${addDays(from, 7)}。`);
  }, { keepMessage: true });

  durableButton(app, deps, PING_ACTIONS.mute, "ping-mute", async (press, tell) => {
    if (!press.selectedDate) return;
    const r = await muteMyPings(await serviceContext(deps), press.userId, press.selectedDate);
    if (!r.ok) return refuse(tell, r.error);
    await say(tell, `🔕 ${r.value.until}（含）之前逾期提醒不再点名你；你负责的项目仍会列在提醒中，组内其他人照常可见。`);
  });

  app.event("reaction_added", async ({ event, body, client }) => {
    if (!ACK_REACTIONS.has(event.reaction) || event.item.type !== "message") return;
    // A re-delivery of this ✅ (same event_id, maybe to another process) is applied once.
    if (!(await claimSlackEvent(deps.db, body.event_id, deps.now()))) return;
    try {
      const ref = { channelId: event.item.channel, messageTs: event.item.ts };
      // Someone who may not answer the ping: their ✅ is ignored (it must not stop the escalation).
      if (!(await acknowledgePingReaction(await serviceContext(deps), event.user, ref))) return;
      const ping = await findPing(deps.db, ref.channelId, ref.messageTs);
      const seen = [...new Set([ping?.acknowledgedBy, event.user].filter((u): u is string => !!u))];
      await rewritePing(client, ref, (b) => markAcknowledged(b, seen));
    } catch (e) {
      await releaseSlackEvent(deps.db, body.event_id);
      throw e;
    }
  });
}
