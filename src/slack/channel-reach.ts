import type { WebClient } from "@slack/web-api";

// Can the bot post in a channel? Slack tells it through conversations.info
// (is_member, is_archived; a private channel it was not invited to does not
// exist for it). A public channel it is not in, it joins (channels:join);
// a private one needs a person's /invite.

export type ReachProblem = "not_found" | "not_member" | "archived" | "missing_scope" | "error";

export interface ChannelReach {
  id: string;
  /** The channel's name as Slack knows it, when the bot can see it. */
  name?: string;
  ok: boolean;
  /** The bot joined it just now. */
  joined?: boolean;
  problem?: ReachProblem;
  /** Slack's error code, and the scope it needed, when a call was refused. */
  error?: string;
  needed?: string;
}

function refusal(e: unknown): { error?: string; needed?: string } {
  const data = (e as { data?: { error?: string; needed?: string } } | undefined)?.data;
  if (!data?.error) throw e;
  return { error: data.error, needed: data.needed };
}

export async function reachChannel(client: WebClient, id: string, opts: { join: boolean } = { join: true }): Promise<ChannelReach> {
  let channel;
  try {
    channel = (await client.conversations.info({ channel: id })).channel;
  } catch (e) {
    const r = refusal(e);
    if (r.error === "channel_not_found") return { id, ok: false, problem: "not_found", error: r.error };
    return { id, ok: false, problem: r.error === "missing_scope" ? "missing_scope" : "error", ...r };
  }
  const name = channel?.name ?? id;
  if (channel?.is_archived) return { id, name, ok: false, problem: "archived" };
  if (channel?.is_member || channel?.is_im) return { id, name, ok: true };
  if (channel?.is_private || !opts.join) return { id, name, ok: false, problem: "not_member" };
  try {
    await client.conversations.join({ channel: id });
    return { id, name, ok: true, joined: true };
  } catch (e) {
    const r = refusal(e);
    return { id, name, ok: false, problem: r.error === "missing_scope" ? "missing_scope" : "not_member", ...r };
  }
}
