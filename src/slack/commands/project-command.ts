import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { REQUEST_TEXTS } from "../../domain/glossary.ts";
import { isStoreUnavailable, withinMs } from "../../store/errors.ts";
import { ACCEPT_WITHIN_MS, type InboxHandler } from "../inbox.ts";
import { toLocalDate } from "../../domain/local-day.ts";
import { parseProjectCommand } from "../../slack-grammar/parse.ts";
import type { ProjectCommand } from "../../slack-grammar/types.ts";
import { refusal } from "../blocks/messages.ts";
import type { SlackDeps } from "../deps.ts";
import type { Turn } from "../turn.ts";
import { handleFunds, handleNew, handleUpdate } from "./edit-handlers.ts";
import { handleFollowOn } from "./follow-on-handler.ts";
import { handleClose, handleSupervise, handleSupervisionStep, handleUnstarted } from "./supervision-handlers.ts";
import { handleAdjourn, handleDecide } from "./meeting-handlers.ts";
import { handleDigest, handleHelp, handleList, handleRank, handleShow, handleStalled } from "./read-handlers.ts";

/**
 * A command's identity is its delivery (its trigger_id), not its text: Slack
 * redelivering it is applied once, a person typing the same 到位 again is a
 * second tranche. The key is kept a day (redeliveries come within minutes).
 */
export const SLASH_KEY_TTL_MS = 24 * 3_600_000;

export function slashDeliveryKey(teamId: string, triggerId: string): string {
  return `slash:${teamId}:${triggerId}`;
}

/** What the inbox keeps of a slash command: enough to run it and answer after a restart. */
export interface SlashPayload {
  text: string;
  teamId: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  triggerId: string;
}

export async function runProjectCommand(cmd: ProjectCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  switch (cmd.command) {
    case "new":
      return handleNew(cmd, turn, deps);
    case "update":
      return handleUpdate(cmd, turn, deps);
    case "funds":
      return handleFunds(cmd, turn, deps);
    case "followOn":
      return handleFollowOn(cmd, turn, deps);
    case "supervise":
      return handleSupervise(cmd, turn, deps);
    case "close":
      return handleClose(cmd, turn, deps);
    case "feedback":
    case "request":
    case "return":
    case "extend":
      return handleSupervisionStep(cmd, turn, deps);
    case "unstarted":
      return handleUnstarted(cmd, turn, deps);
    case "show":
      return handleShow(cmd, turn, deps);
    case "list":
      return handleList(cmd, turn, deps);
    case "stalled":
      return handleStalled(cmd, turn, deps);
    case "rank":
      return handleRank(cmd, turn, deps);
    case "digest":
      return handleDigest(turn, deps);
    case "decide":
      return handleDecide(cmd, turn, deps);
    case "adjourn":
      return handleAdjourn(cmd, turn, deps);
    case "help":
      return handleHelp(cmd, turn);
  }
}

/** Commands that open a form: they must do so within 3 s of the command (trigger_id), so they run at once and are not queued. */
function opensForm(cmd: ProjectCommand): boolean {
  if ("needsForm" in cmd && cmd.needsForm) return true;
  return cmd.command === "supervise" && (!cmd.deadline || !cmd.owner);
}

export function registerProjectCommand(app: App, deps: SlackDeps): void {
  app.command("/project", async ({ command, ack, respond, client }) => {
    const deadline = Date.now() + ACCEPT_WITHIN_MS;
    const unavailable = () => ack({ response_type: "ephemeral", text: REQUEST_TEXTS.storeUnavailable });
    const rules = await withinMs(deps.rules(), ACCEPT_WITHIN_MS, "the rules").catch((e: unknown) => {
      if (!isStoreUnavailable(e)) throw e;
      return null;
    });
    if (!rules) return unavailable();
    const parsed = parseProjectCommand(command.text, toLocalDate(deps.now(), rules.timeZone));
    if (parsed.ok && opensForm(parsed)) {
      await ack();
      const turn: Turn = {
        userId: command.user_id,
        channelId: command.channel_id,
        triggerId: command.trigger_id,
        reply: async (blocks, text) => void (await respond({ response_type: "ephemeral", replace_original: false, blocks: blocks as never, text })),
        openView: async (view) => void (await client.views.open({ trigger_id: command.trigger_id, view: view as never })),
      };
      try {
        await runProjectCommand(parsed, turn, deps);
      } catch (e) {
        deps.logger.error({ err: e, user: command.user_id }, "/project form failed");
        const text = isStoreUnavailable(e) ? REQUEST_TEXTS.storeUnavailable : REQUEST_TEXTS.failed;
        await turn.reply(refusal(text), text).catch(() => {});
      }
      return;
    }
    // Everything else is written to the inbox first, acknowledged, then run from there.
    const payload: SlashPayload = { text: command.text, teamId: command.team_id, userId: command.user_id, channelId: command.channel_id, responseUrl: command.response_url, triggerId: command.trigger_id };
    const accepted = await deps.inbox.accept({ deliveryKey: slashDeliveryKey(command.team_id, command.trigger_id), kind: "slash", payload, userId: command.user_id }, deadline - Date.now());
    if (accepted.status === "unavailable") return unavailable();
    await ack();
    if (accepted.status === "stored") deps.inbox.process(accepted.entry);
  });
}

/** Runs a stored slash command and answers through the inbox's replier (response_url, later a direct message). */
export function slashInboxHandler(deps: SlackDeps, client: WebClient): InboxHandler {
  return async (entry, replier) => {
    const p = entry.payload as SlashPayload;
    const rules = await deps.rules();
    const parsed = parseProjectCommand(p.text, toLocalDate(deps.now(), rules.timeZone));
    const turn: Turn = {
      userId: p.userId,
      channelId: p.channelId,
      triggerId: p.triggerId,
      requestKey: entry.deliveryKey,
      requestKeyTtlMs: SLASH_KEY_TTL_MS,
      reply: (blocks, text) => replier.reply({ blocks, text }),
      client,
      // Only a supervision without owner or deadline gets here and opens its form; a trigger_id lasts 3 s.
      openView: async (view) => {
        try {
          await client.views.open({ trigger_id: p.triggerId, view: view as never });
        } catch (e) {
          deps.logger.warn({ err: e }, "form could not be opened from the inbox");
          await replier.reply({ blocks: refusal(REQUEST_TEXTS.formExpired), text: REQUEST_TEXTS.formExpired });
        }
      },
    };
    if (!parsed.ok) return turn.reply(refusal(parsed.error), parsed.error);
    await runProjectCommand(parsed, turn, deps);
  };
}
