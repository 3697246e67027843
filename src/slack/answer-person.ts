import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../log.ts";
import type { Block } from "./blocks/kit.ts";

// Every answer to a person must reach them, wherever they clicked or typed.
// Slack's response_url works in any channel, member or not; chat.postEphemeral
// only where the bot is a member (and the person too); the app's DM with the
// person always works. So: response_url when there is one, else an ephemeral
// in the channel, else, or when Slack refuses either, a DM.

/** Slack's answers meaning "the bot cannot show this there"; a DM still can. */
const UNREACHABLE = new Set(["channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived"]);

export interface Person {
  userId: string;
  /** Where the person acted; absent for App Home and forms opened there. */
  channelId?: string;
  /** Bolt's respond() for commands and message buttons (their response_url). */
  respond?: RespondFn;
}

export type AnswerRoute = "response_url" | "ephemeral" | "dm";

function slackError(e: unknown): string | undefined {
  return (e as { data?: { error?: string } } | undefined)?.data?.error;
}

export async function answerPerson(client: WebClient, person: Person, blocks: Block[], text: string, logger?: Logger): Promise<AnswerRoute> {
  if (person.respond) {
    try {
      await person.respond({ response_type: "ephemeral", replace_original: false, blocks: blocks as never, text });
      return "response_url";
    } catch (e) {
      // Expired or used up (5 uses, 30 minutes): say it another way.
      logger?.warn({ err: e, user: person.userId }, "response_url refused the answer; trying the channel, then a DM");
    }
  }
  if (person.channelId) {
    try {
      await client.chat.postEphemeral({ channel: person.channelId, user: person.userId, blocks: blocks as never, text });
      return "ephemeral";
    } catch (e) {
      if (!UNREACHABLE.has(slackError(e) ?? "")) throw e;
      logger?.info({ channel: person.channelId, user: person.userId, error: slackError(e) }, "cannot answer in the channel; answering by DM");
    }
  }
  await client.chat.postMessage({ channel: person.userId, blocks: blocks as never, text });
  return "dm";
}
