import { ApiError, requireString, type Args, type MethodContext } from "./method-kit.ts";
import type { StandinChannel } from "./workspace.ts";

// What the bot may do in a channel, as Slack decides it. A private channel
// the bot was not invited to does not exist for it (channel_not_found); a
// public one it has not joined can be seen but not read or posted in
// (not_in_channel); an archived one is read-only (is_archived). The app's
// DM with a person is always open to it.

export type Access = "see" | "read" | "post";

export function isMember(c: StandinChannel, ctx: MethodContext): boolean {
  return c.is_im === true || c.members.includes(ctx.bot.userId);
}

/** The channel named by `args[key]` if the bot may `access` it, after the method's scope check. */
export function channelArg(args: Args, ctx: MethodContext, access: Access, key = "channel"): StandinChannel {
  return channelRef(requireString(args, key), ctx, access);
}

export function channelRef(ref: string, ctx: MethodContext, access: Access): StandinChannel {
  const c = ctx.ws.findChannel(ref);
  if (!c || (c.is_private && !isMember(c, ctx))) throw new ApiError("channel_not_found");
  ctx.scopes.check(ctx.method, c);
  if (access === "see") return c;
  if (!isMember(c, ctx)) throw new ApiError("not_in_channel");
  if (access === "post" && c.is_archived) throw new ApiError("is_archived");
  return c;
}
