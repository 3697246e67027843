import type { WebClient } from "@slack/web-api";
import type { Block } from "./blocks/kit.ts";

/**
 * One user interaction seen by a handler, whatever started it (slash command,
 * button): who, where, and how to answer. Listeners build it from Bolt's
 * arguments; handlers never touch Bolt, so they read as plain use cases.
 */
export interface Turn {
  userId: string;
  channelId: string;
  triggerId?: string;
  /** An ephemeral answer to the user (response_url or chat.postEphemeral). */
  reply(blocks: Block[], text: string): Promise<void>;
  /** Opens a modal; must happen within 3 s of the user's action. */
  openView(view: Block): Promise<void>;
  /** Idempotency key of this request and how long it blocks a repeat. */
  requestKey?: string;
  requestKeyTtlMs?: number;
  /** The Web API client, for what goes beyond the user (散会 posts the 纪要 to the summary channel). */
  client?: WebClient;
}
