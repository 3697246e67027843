import type { WebClient } from "@slack/web-api";
import { SUPERVISION_DM } from "../domain/glossary.ts";
import { toLocalDate } from "../domain/local-day.ts";
import type { Logger } from "../log.ts";
import type { ServiceContext } from "../services/project-service.ts";
import { toldOf, type StepTaken } from "../services/supervision-service.ts";
import { context, type Block } from "./blocks/kit.ts";
import { stepNoticeMessage } from "./blocks/supervision-blocks.ts";

// After a 督办 step, whoever must act next hears of it in the app's DM with
// them (as answer-person.ts answers a person: chat.postMessage to the user
// id): the 督办员 of a 申请销号, the 责任人 of a 退回 with its reason. The
// step is recorded whatever Slack says; a DM that could not be delivered is
// told to the person who took the step, so they can pass it on.

/** Sends the DMs; returns a context block naming those not reached, or null. */
export async function tellNextActor(client: WebClient | undefined, ctx: ServiceContext, taken: StepTaken, by: string, logger?: Logger): Promise<Block | null> {
  if (!client) return null;
  const to = await toldOf(ctx, taken, by);
  const message = to.length ? stepNoticeMessage(taken, taken.kind, by, toLocalDate(ctx.now, ctx.rules.timeZone)) : null;
  if (!message) return null;
  const missed: string[] = [];
  for (const user of to) {
    try {
      await client.chat.postMessage({ channel: user, text: message.text, blocks: message.blocks as never, unfurl_links: false });
    } catch (e) {
      const error = (e as { data?: { error?: string } }).data?.error ?? String((e as Error).message ?? e);
      logger?.warn({ err: e, user, item: taken.id, step: taken.kind }, "could not DM the next actor of a 督办 step");
      missed.push(SUPERVISION_DM.notDelivered(`<@${user}>`, error));
    }
  }
  return missed.length ? context(missed) : null;
}
