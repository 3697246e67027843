import { LIMITS, validateMessage } from "./block-kit-limits.ts";
import { channelArg, isMember } from "./channel-access.ts";
import { ApiError, jsonArg, optBool, optString, requireString, type ApiPayload, type Args, type MethodContext, type MethodHandler } from "./method-kit.ts";
import type { StoredMessage } from "./workspace.ts";

// chat.* and reactions.*: the calls that change what a channel shows.

export interface MessageContent {
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  /** Extra response fields when Slack would accept the message but alter it. */
  warningPayload: ApiPayload;
}

/**
 * Text and blocks as Slack checks them: one of them is needed (no_text),
 * blocks must validate (invalid_blocks), over-long text is truncated with a
 * warning. Shared with response_url posts.
 */
export function messageContent(args: Args): MessageContent {
  const text = typeof args.text === "string" ? args.text : (optString(args, "text") ?? "");
  const blocks = jsonArg(args, "blocks", "invalid_blocks_format");
  const attachments = jsonArg(args, "attachments", "invalid_attachments");
  const hasBlocks = Array.isArray(blocks) ? blocks.length > 0 : blocks !== undefined;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (text === "" && !hasBlocks && !hasAttachments) throw new ApiError("no_text");
  const { errors, warnings } = validateMessage({ text, blocks });
  if (errors.length > 0) throw new ApiError("invalid_blocks", errors.map((e) => `[ERROR] ${e}`));
  const truncated = warnings.length > 0 ? Array.from(text).slice(0, LIMITS.messageText).join("") : text;
  return {
    text: truncated,
    blocks: hasBlocks ? (blocks as unknown[]) : undefined,
    attachments: hasAttachments ? attachments : undefined,
    warningPayload:
      warnings.length > 0 ? { warning: "message_truncated", response_metadata: { warnings: ["message_truncated"] } } : {},
  };
}

function botAuthor(ctx: MethodContext): Pick<StoredMessage, "user" | "bot_id" | "app_id" | "team"> {
  return { user: ctx.bot.userId, bot_id: ctx.bot.botId, app_id: ctx.bot.appId, team: ctx.bot.teamId };
}

function isOwn(m: StoredMessage, ctx: MethodContext): boolean {
  return m.bot_id === ctx.bot.botId;
}

function clean<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

function snapshot(m: StoredMessage): StoredMessage {
  return structuredClone(m);
}

const postMessage: MethodHandler = (args, ctx) => {
  // As Slack: a bot user has no DM to post in.
  const to = ctx.ws.users.get(String(args.channel ?? ""));
  if (to?.is_bot && to.id !== ctx.bot.userId) throw new ApiError("cannot_dm_bot");
  const channel = channelArg(args, ctx, "post");
  const content = messageContent(args);
  const threadTs = optString(args, "thread_ts");
  const metadata = jsonArg(args, "metadata", "invalid_metadata_format");
  const stored = ctx.ws.post(
    channel.id,
    clean({
      ...botAuthor(ctx),
      text: content.text,
      blocks: content.blocks,
      attachments: content.attachments,
      metadata,
      thread_ts: threadTs,
      subtype: threadTs !== undefined && optBool(args, "reply_broadcast") ? "thread_broadcast" : undefined,
    }),
  );
  return { channel: channel.id, ts: stored.ts, message: snapshot(stored), ...content.warningPayload };
};

/**
 * Slack documents channel_not_found and user_not_in_channel here: a channel
 * the bot is not in cannot carry its ephemeral messages, and the person must
 * be a member too.
 */
const postEphemeral: MethodHandler = (args, ctx) => {
  const user = requireString(args, "user");
  const found = ctx.ws.findChannel(requireString(args, "channel"));
  if (!found || !isMember(found, ctx)) throw new ApiError("channel_not_found");
  const channel = channelArg(args, ctx, "post");
  if (!channel.is_im && !channel.members.includes(user)) throw new ApiError("user_not_in_channel");
  if (channel.is_im && channel.user !== user) throw new ApiError("user_not_in_channel");
  const content = messageContent(args);
  const ts = ctx.ws.nextTs();
  ctx.ws.ephemerals.push(clean({ channel: channel.id, user, ts, text: content.text, blocks: content.blocks }));
  return { message_ts: ts, ...content.warningPayload };
};

const update: MethodHandler = (args, ctx) => {
  const channel = channelArg(args, ctx, "post");
  const m = ctx.ws.message(channel.id, requireString(args, "ts"));
  if (!isOwn(m, ctx)) throw new ApiError("cant_update_message");
  const content = messageContent(args);
  m.text = content.text;
  if (content.blocks !== undefined || args.blocks !== undefined) m.blocks = content.blocks;
  if (content.attachments !== undefined) m.attachments = content.attachments;
  m.edited = { user: ctx.bot.userId, ts: ctx.ws.nextTs() };
  return { channel: channel.id, ts: m.ts, text: m.text, message: snapshot(m), ...content.warningPayload };
};

const deleteMessage: MethodHandler = (args, ctx) => {
  const channel = channelArg(args, ctx, "post");
  const ts = requireString(args, "ts");
  if (!isOwn(ctx.ws.message(channel.id, ts), ctx)) throw new ApiError("cant_delete_message");
  ctx.ws.remove(channel.id, ts);
  return { channel: channel.id, ts };
};

const getPermalink: MethodHandler = (args, ctx) => {
  const channel = channelArg(args, ctx, "see");
  const m = ctx.ws.message(channel.id, requireString(args, "message_ts"));
  let permalink = `https://${ctx.bot.teamDomain}.slack.com/archives/${channel.id}/p${m.ts.replace(".", "")}`;
  if (m.thread_ts && m.thread_ts !== m.ts) permalink += `?thread_ts=${m.thread_ts}&cid=${channel.id}`;
  return { channel: channel.id, permalink };
};

function reactionTarget(args: Args, ctx: MethodContext): { m: StoredMessage; name: string } {
  const ts = requireString(args, "timestamp");
  const name = requireString(args, "name").replace(/^:|:$/g, "");
  const channel = channelArg(args, ctx, "post");
  return { m: ctx.ws.message(channel.id, ts), name };
}

const reactionsAdd: MethodHandler = (args, ctx) => {
  const { m, name } = reactionTarget(args, ctx);
  m.reactions ??= [];
  let r = m.reactions.find((x) => x.name === name);
  if (r?.users.includes(ctx.bot.userId)) throw new ApiError("already_reacted");
  if (!r) m.reactions.push((r = { name, users: [], count: 0 }));
  r.users.push(ctx.bot.userId);
  r.count = r.users.length;
  return {};
};

const reactionsRemove: MethodHandler = (args, ctx) => {
  const { m, name } = reactionTarget(args, ctx);
  const r = m.reactions?.find((x) => x.name === name);
  if (!r?.users.includes(ctx.bot.userId)) throw new ApiError("no_reaction");
  r.users = r.users.filter((u) => u !== ctx.bot.userId);
  r.count = r.users.length;
  if (r.count === 0) m.reactions = m.reactions?.filter((x) => x !== r);
  return {};
};

export const chatMethods: Record<string, MethodHandler> = {
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.delete": deleteMessage,
  "chat.getPermalink": getPermalink,
  "reactions.add": reactionsAdd,
  "reactions.remove": reactionsRemove,
};
