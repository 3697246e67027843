import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import { toLocalDate } from "../../domain/local-day.ts";
import { parseProjectCommand } from "../../slack-grammar/parse.ts";
import type { ProjectCommand } from "../../slack-grammar/types.ts";
import { refusal } from "../blocks/messages.ts";
import type { SlackDeps } from "../deps.ts";
import type { Turn } from "../turn.ts";
import { handleFunds, handleNew, handleUpdate } from "./edit-handlers.ts";
import { handleClose, handleSupervise, handleSupervisionStep, handleUnstarted } from "./supervision-handlers.ts";
import { handleAdjourn, handleDecide } from "./meeting-handlers.ts";
import { handleDigest, handleHelp, handleList, handleRank, handleShow, handleStalled } from "./read-handlers.ts";

/**
 * A retry or a double submit repeats the same text from the same user: the
 * same key within this window is applied once. After it a person may repeat
 * the command on purpose.
 */
export const SLASH_REPEAT_WINDOW_MS = 2 * 60_000;

export function slashRequestKey(teamId: string, userId: string, text: string): string {
  return `slash:${teamId}:${userId}:${createHash("sha256").update(text.trim()).digest("hex").slice(0, 32)}`;
}

export async function runProjectCommand(cmd: ProjectCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  switch (cmd.command) {
    case "new":
      return handleNew(cmd, turn, deps);
    case "update":
      return handleUpdate(cmd, turn, deps);
    case "funds":
      return handleFunds(cmd, turn, deps);
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

export function registerProjectCommand(app: App, deps: SlackDeps): void {
  app.command("/project", async ({ command, ack, respond, client }) => {
    // Acknowledge at once (Slack allows 3 s); everything else answers through response_url.
    await ack();
    const turn: Turn = {
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      requestKey: slashRequestKey(command.team_id, command.user_id, command.text),
      requestKeyTtlMs: SLASH_REPEAT_WINDOW_MS,
      client,
      reply: async (blocks, text) => {
        await respond({ response_type: "ephemeral", replace_original: false, blocks: blocks as never, text });
      },
      openView: async (view) => {
        await client.views.open({ trigger_id: command.trigger_id, view: view as never });
      },
    };
    const fail = async (e: unknown) => {
      deps.logger.error({ err: e, text: command.text, user: command.user_id }, "/project failed");
      await turn.reply(refusal("处理时出错，本次操作可能未完成。请稍后用 /project 查看 确认，或联系管理员。"), "处理出错").catch(() => {});
    };
    const rules = await deps.rules();
    const parsed = parseProjectCommand(command.text, toLocalDate(deps.now(), rules.timeZone));
    const work = async () => {
      try {
        if (!parsed.ok) return await turn.reply(refusal(parsed.error), parsed.error);
        await runProjectCommand(parsed, turn, deps);
      } catch (e) {
        await fail(e);
      }
    };
    // A form must open within 3 s of the command (trigger_id): that work does
    // not wait behind the queue. Everything else is queued after the ack.
    if (parsed.ok && "needsForm" in parsed && parsed.needsForm) await work();
    else deps.work.run(work);
  });
}
