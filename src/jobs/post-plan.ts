import type { Block } from "../slack/blocks/kit.ts";

/**
 * What a job wants posted for one period, as plain data: the Slack side
 * posts it (main message, then the rest in its thread, then files), and a
 * dry run prints it.
 */
export interface Post {
  /** Stable within the period (e.g. "main", "group:3"), to resume after a failure. */
  key: string;
  channel: string;
  text: string;
  /** The first message, then continuations posted in its thread. */
  messages: Block[][];
  files?: Array<{ filename: string; title: string; bytes: Buffer }>;
  /**
   * Set on a direct message (channel is a user id): who the person is, as
   * the history names them (e.g. "包联领导 王区长"), so a refusal reads as
   * the DM it is, not as a channel problem.
   */
  recipient?: string;
  /** After posting (e.g. remember a ping's message ts). */
  onPosted?: (ts: string) => Promise<void>;
}

export interface JobPlan {
  posts: Post[];
  /** Why nothing is posted, for the history (e.g. "no channel configured"). */
  skipped?: string;
}
