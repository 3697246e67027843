import { channelArg, isMember } from "./channel-access.ts";
import { ApiError, optBool, optString, paginate, requireString, type MethodHandler } from "./method-kit.ts";
import type { MethodContext } from "./method-kit.ts";
import type { BotIdentity, StandinChannel, StandinUser, StoredMessage } from "./workspace.ts";

// auth.test, users.* and conversations.*: read-only views of the workspace model.

export function userObject(u: StandinUser, bot: BotIdentity): Record<string, unknown> {
  const tz = u.tz ?? "Asia/Shanghai";
  return {
    id: u.id,
    team_id: bot.teamId,
    name: u.name,
    real_name: u.real_name ?? u.name,
    deleted: false,
    is_bot: u.is_bot ?? false,
    is_app_user: false,
    tz,
    tz_offset: tz === "Asia/Shanghai" ? 28_800 : 0,
    profile: {
      real_name: u.real_name ?? u.name,
      display_name: u.name,
      ...(u.email ? { email: u.email } : {}),
      ...(u.is_bot ? { bot_id: bot.botId } : {}),
    },
  };
}

export function channelObject(c: StandinChannel, bot: BotIdentity): Record<string, unknown> {
  if (c.is_im) return { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.user, is_user_deleted: false };
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.is_private,
    is_group: Boolean(c.is_private),
    is_im: false,
    is_mpim: false,
    is_private: Boolean(c.is_private),
    is_archived: Boolean(c.is_archived),
    is_general: c.name === "general",
    is_member: c.members.includes(bot.userId),
    created: c.created,
    creator: bot.userId,
    name_normalized: c.name,
    num_members: c.members.length,
    topic: { value: c.topic ?? "", creator: "", last_set: 0 },
    purpose: { value: "", creator: "", last_set: 0 },
  };
}

function kind(c: StandinChannel): string {
  return c.is_im ? "im" : c.is_private ? "private_channel" : "public_channel";
}

const clone = (ms: StoredMessage[]) => ms.map((m) => structuredClone(m));

const authTest: MethodHandler = (_args, ctx) => ({
  url: `https://${ctx.bot.teamDomain}.slack.com/`,
  team: ctx.bot.teamName,
  user: ctx.bot.userName,
  team_id: ctx.bot.teamId,
  user_id: ctx.bot.userId,
  bot_id: ctx.bot.botId,
  is_enterprise_install: false,
});

const usersInfo: MethodHandler = (args, ctx) => {
  const u = ctx.ws.users.get(requireString(args, "user"));
  if (!u) throw new ApiError("user_not_found");
  return { user: userObject(u, ctx.bot) };
};

const usersList: MethodHandler = (args, ctx) => {
  const page = paginate([...ctx.ws.users.values()], args, 200);
  return {
    members: page.items.map((u) => userObject(u, ctx.bot)),
    cache_ts: Math.floor(ctx.now() / 1000),
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const conversationsInfo: MethodHandler = (args, ctx) => ({
  channel: channelObject(channelArg(args, ctx, "see"), ctx.bot),
});

/** Public channels only (channels:join); a private one needs a person's /invite. */
const conversationsJoin: MethodHandler = (args, ctx) => {
  const channel = channelArg(args, ctx, "see");
  if (channel.is_im || channel.is_private) throw new ApiError("method_not_supported_for_channel_type");
  if (channel.is_archived) throw new ApiError("is_archived");
  const already = isMember(channel, ctx);
  if (!already) channel.members.push(ctx.bot.userId);
  return {
    channel: channelObject(channel, ctx.bot),
    ...(already ? { warning: "already_in_channel", response_metadata: { warnings: ["already_in_channel"] } } : {}),
  };
};

/** Private channels the bot is not in are invisible to it, as in Slack. */
function visible(c: StandinChannel, ctx: MethodContext): boolean {
  return !c.is_private || isMember(c, ctx);
}

const conversationsList: MethodHandler = (args, ctx) => {
  const types = (optString(args, "types") ?? "public_channel").split(",").map((t) => t.trim());
  if (types.includes("private_channel")) ctx.scopes.require("groups:read");
  if (types.includes("im")) ctx.scopes.require("im:read");
  const matching = [...ctx.ws.channels.values()].filter((c) => types.includes(kind(c)) && visible(c, ctx));
  const page = paginate(matching, args);
  return { channels: page.items.map((c) => channelObject(c, ctx.bot)), response_metadata: { next_cursor: page.nextCursor } };
};

const conversationsMembers: MethodHandler = (args, ctx) => {
  const page = paginate(channelArg(args, ctx, "see").members, args);
  return { members: page.items, response_metadata: { next_cursor: page.nextCursor } };
};

/** Newest first, bounded by oldest/latest (exclusive unless inclusive=true), as Slack pages it. */
const conversationsHistory: MethodHandler = (args, ctx) => {
  const channel = channelArg(args, ctx, "read");
  const oldest = Number(optString(args, "oldest") ?? "0");
  const latest = Number(optString(args, "latest") ?? "Infinity");
  const inclusive = optBool(args, "inclusive");
  const inRange = (m: StoredMessage) => {
    const t = Number(m.ts);
    return inclusive ? t >= oldest && t <= latest : t > oldest && t < latest;
  };
  const all = ctx.ws.timeline(channel.id).filter(inRange).reverse();
  const page = paginate(all, args);
  return {
    messages: clone(page.items),
    has_more: page.nextCursor !== "",
    pin_count: 0,
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const conversationsReplies: MethodHandler = (args, ctx) => {
  const channel = channelArg(args, ctx, "read");
  const page = paginate(ctx.ws.thread(channel.id, requireString(args, "ts")), args, 1000);
  return { messages: clone(page.items), has_more: page.nextCursor !== "", response_metadata: { next_cursor: page.nextCursor } };
};

export const conversationMethods: Record<string, MethodHandler> = {
  "auth.test": authTest,
  "users.info": usersInfo,
  "users.list": usersList,
  "conversations.info": conversationsInfo,
  "conversations.list": conversationsList,
  "conversations.members": conversationsMembers,
  "conversations.join": conversationsJoin,
  "conversations.history": conversationsHistory,
  "conversations.replies": conversationsReplies,
};
