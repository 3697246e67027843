import { randomBytes } from "node:crypto";
import { messageContent } from "./chat-methods.ts";
import { ApiError, type ApiPayload, type MethodContext } from "./method-kit.ts";

// response_url: Slack lets an app answer a command or interaction up to 5
// times within 30 minutes. Payloads are checked like chat messages and, when
// the URL was issued for a channel, applied to that channel's messages.

export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export interface ResponseUrlOptions {
  /** Channel the command/interaction came from; enables in_channel posts and ephemerals. */
  channel?: string;
  /** User who sees ephemeral responses. */
  user?: string;
  /** Message an interaction came from; target of replace_original / delete_original. */
  messageTs?: string;
}

export interface ResponseUrlRecord extends ResponseUrlOptions {
  id: string;
  issuedAt: number;
  uses: number;
  /** Accepted payloads, in order. */
  payloads: ApiPayload[];
}

export interface ResponseUrlAnswer {
  status: number;
  body: ApiPayload & { ok: boolean; error?: string };
}

export class ResponseUrls {
  readonly records = new Map<string, ResponseUrlRecord>();

  constructor(private readonly now: () => number) {}

  /** Registers an id (random if omitted); issuing an existing id again keeps its uses. */
  issue(id: string = randomBytes(12).toString("hex"), opts: ResponseUrlOptions = {}): ResponseUrlRecord {
    let r = this.records.get(id);
    if (!r) this.records.set(id, (r = { id, issuedAt: this.now(), uses: 0, payloads: [], ...opts }));
    return r;
  }

  /**
   * Error answers use 404 (unknown, expired, used up) and 400 (bad payload) so
   * HTTP clients such as Bolt's respond() fail loudly, as they do against Slack.
   */
  post(id: string, payload: ApiPayload, ctx: MethodContext): ResponseUrlAnswer {
    const r = this.records.get(id);
    if (!r) return fail(404, "invalid_url");
    if (this.now() - r.issuedAt > RESPONSE_URL_TTL_MS) return fail(404, "expired_url");
    if (r.uses >= RESPONSE_URL_MAX_USES) return fail(404, "used_url");
    try {
      apply(r, payload, ctx);
    } catch (e) {
      if (e instanceof ApiError) return fail(400, e.code, e.messages);
      throw e;
    }
    r.uses += 1;
    r.payloads.push(payload);
    return { status: 200, body: { ok: true } };
  }

  clear(): void {
    this.records.clear();
  }
}

function fail(status: number, error: string, messages: string[] = []): ResponseUrlAnswer {
  return { status, body: { ok: false, error, ...(messages.length ? { response_metadata: { messages } } : {}) } };
}

function apply(r: ResponseUrlRecord, payload: ApiPayload, ctx: MethodContext): void {
  const channel = r.channel !== undefined ? ctx.ws.findChannel(r.channel) : undefined;
  if (payload.delete_original === true || payload.delete_original === "true") {
    if (channel && r.messageTs && ctx.ws.find(channel.id, r.messageTs)) ctx.ws.remove(channel.id, r.messageTs);
    return;
  }
  const content = messageContent(payload);
  if (!channel) return;
  const replace = payload.replace_original === true || payload.replace_original === "true";
  const original = replace && r.messageTs ? ctx.ws.find(channel.id, r.messageTs) : undefined;
  if (original) {
    original.text = content.text;
    original.blocks = content.blocks;
  } else if (payload.response_type === "in_channel") {
    const threadTs = typeof payload.thread_ts === "string" ? payload.thread_ts : undefined;
    ctx.ws.post(channel.id, {
      user: ctx.bot.userId,
      bot_id: ctx.bot.botId,
      app_id: ctx.bot.appId,
      text: content.text,
      ...(content.blocks ? { blocks: content.blocks } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  } else if (r.user !== undefined) {
    ctx.ws.ephemerals.push({ channel: channel.id, user: r.user, ts: ctx.ws.nextTs(), text: content.text, ...(content.blocks ? { blocks: content.blocks } : {}) });
  }
}
