import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { chatMethods } from "./chat-methods.ts";
import { conversationMethods } from "./conversation-methods.ts";
import { Faults, type FaultSpec } from "./faults.ts";
import { FileStore, fileMethods, type StoredFile } from "./file-methods.ts";
import { BadRequest, parseArgs, readBody, uploadedBytes } from "./http-body.ts";
import { ApiError, type ApiPayload, type Args, type MethodContext, type MethodHandler } from "./method-kit.ts";
import { RateLimits } from "./rate-limits.ts";
import { SocketModeServer } from "./socket-mode.ts";
import { APP_TOKEN_METHODS, manifestBotScopes, MissingScope, Scopes, tokenType } from "./scopes.ts";
import { ResponseUrls, type ResponseUrlOptions, type ResponseUrlRecord } from "./response-urls.ts";
import { TriggerIds } from "./triggers.ts";
import { ViewStore, viewMethods, type StoredView } from "./view-methods.ts";
import {
  DEFAULT_BOT,
  Workspace,
  type BotIdentity,
  type EphemeralMessage,
  type StandinChannel,
  type StandinUser,
  type StoredMessage,
} from "./workspace.ts";

// A local Slack Web API over real HTTP, for WebClient/Bolt via slackApiUrl.
// It records every call, validates arguments and Block Kit like Slack, keeps
// a small workspace model, and can simulate rate limits and outages.

export interface StandinOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, calls must carry this token (Bearer header or `token` arg). */
  botToken?: string;
  /** The app-level token (xapp-) that may open Socket Mode connections. */
  appToken?: string;
  /** The bot token's scopes; default: exactly the bot scopes of manifest.yml. */
  scopes?: string[];
  /** How long after files.completeUploadExternal the files show in the channel (default 100 ms). */
  shareDelayMs?: number;
  /** Wall clock of the rate limits (tiers, ~1 post a second per channel); default Date.now. */
  rateClock?: () => number;
  /** Clock in ms, for ts values, trigger_id and response_url expiry. */
  now?: () => number;
  bot?: Partial<BotIdentity>;
}

export interface RecordedCall {
  /** Web API method, or `response_url` / `upload_url` for those endpoints. */
  method: string;
  /** Arguments with the token removed and JSON fields decoded. */
  args: Args;
  at: number;
  ok: boolean;
  error?: string;
  status: number;
  /** The JSON answered (a view's id, a message's ts, response_metadata of a refusal), for the sandbox page. */
  response?: Record<string, unknown>;
}

export type CallListener = (call: RecordedCall) => void;

export interface SlackStandin {
  /** Base URL ending in `/api/`: Bolt's `clientOptions.slackApiUrl`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly bot: BotIdentity;
  /** Live list of recorded calls, oldest first. */
  readonly calls: RecordedCall[];
  readonly workspace: Workspace;
  callsTo(method: string): RecordedCall[];
  /** Forgets recorded calls and pending failures. */
  clear(): void;
  /** clear() plus messages, views, files, triggers and response URLs; seeded users/channels stay. */
  reset(): void;
  close(): Promise<void>;
  failNext(method: string, spec?: FaultSpec): void;
  /** Notified after every recorded call; returns an unsubscribe function. */
  on(event: "call", listener: CallListener): () => void;
  issueTriggerId(): string;
  responseUrl(id?: string, opts?: ResponseUrlOptions): string;
  responseUrlRecord(id: string): ResponseUrlRecord | undefined;
  addUser(user: StandinUser): StandinUser;
  /** Seeds a channel; the bot is a member only if listed in `members`. */
  addChannel(channel: Partial<StandinChannel> & { id: string }): StandinChannel;
  /** A person typed `/invite @bot` (or added `user`) in the channel. */
  invite(channel: string, user?: string): void;
  /** The bot (or `user`) was removed from the channel. */
  kick(channel: string, user?: string): void;
  archive(channel: string): void;
  /** Resolves when work Slack finishes after answering (file shares) is done. */
  settled(): Promise<void>;
  /** Socket Mode: connections opened through apps.connections.open (app token). */
  readonly socketMode: SocketModeServer;
  /** A channel's messages oldest first, thread replies included (copies). */
  messages(channel: string): StoredMessage[];
  ephemerals(): EphemeralMessage[];
  file(id: string): StoredFile | undefined;
  view(id: string): StoredView | undefined;
  homeView(userId: string): StoredView | undefined;
}

const METHODS: Record<string, MethodHandler> = { ...conversationMethods, ...chatMethods, ...viewMethods, ...fileMethods };

export async function startSlackStandin(opts: StandinOptions = {}): Promise<SlackStandin> {
  const now = opts.now ?? Date.now;
  const bot: BotIdentity = { ...DEFAULT_BOT, ...opts.bot };
  const ws = new Workspace(bot, now);
  const scopes = new Scopes(opts.scopes ?? manifestBotScopes());
  const rates = new RateLimits(opts.rateClock);
  const pending = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  const later = (fn: () => void) => {
    let entry!: { timer: NodeJS.Timeout; done: () => void };
    const done = () => {
      pending.delete(entry);
      fn();
    };
    entry = { timer: setTimeout(done, opts.shareDelayMs ?? 100), done };
    pending.add(entry);
  };
  const views = new ViewStore();
  const files = new FileStore();
  const triggers = new TriggerIds(now);
  const responseUrls = new ResponseUrls(now);
  const faults = new Faults();
  const calls: RecordedCall[] = [];
  const listeners = new Set<CallListener>();
  const ctx: MethodContext = { ws, bot, views, files, triggers, responseUrls, scopes, method: "", later, now, origin: "" };

  function record(method: string, args: Args, status: number, body: { ok: boolean; error?: string }): void {
    const call: RecordedCall = { method, args, at: now(), ok: body.ok, status, response: body, ...(body.error ? { error: body.error } : {}) };
    calls.push(call);
    for (const l of listeners) {
      try {
        l(call);
      } catch (e) {
        // A listener's bug must not change the API answer, but must not vanish either.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }

  function send(res: ServerResponse, status: number, body: ApiPayload | string, headers: Record<string, string> = {}): void {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const type = typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
    // Slack names the token's scopes on every Web API answer.
    res.writeHead(status, { "content-type": type, "x-oauth-scopes": scopes.header, ...headers }).end(text);
  }

  function runMethod(method: string, args: Args): ApiPayload & { ok: boolean; error?: string } {
    if (method === "apps.connections.open") return { ok: true, url: socketMode.open() };
    const handler = METHODS[method];
    if (!handler) return { ok: false, error: "unknown_method" };
    try {
      ctx.method = method;
      scopes.check(method);
      return { ok: true, ...handler(args, ctx) };
    } catch (e) {
      if (e instanceof MissingScope) return { ok: false, error: e.code, needed: e.needed, provided: e.provided };
      if (!(e instanceof ApiError)) throw e;
      return { ok: false, error: e.code, ...(e.messages.length ? { response_metadata: { messages: e.messages } } : {}) };
    }
  }

  /** not_authed / invalid_auth / not_allowed_token_type, or undefined when the token may call `method`. */
  function authenticate(method: string, token: string | undefined): string | undefined {
    if (!token) return opts.botToken === undefined && opts.appToken === undefined ? undefined : "not_authed";
    const type = tokenType(token);
    const known = type === "app" ? opts.appToken : opts.botToken;
    if (type === undefined || type === "user" || (known !== undefined && token !== known)) return "invalid_auth";
    if (type === "app" && known === undefined) return "invalid_auth";
    if (APP_TOKEN_METHODS.has(method) !== (type === "app")) return "not_allowed_token_type";
    return undefined;
  }

  async function api(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    let args: Args;
    try {
      args = await parseArgs(req.headers["content-type"], raw);
    } catch (e) {
      if (!(e instanceof BadRequest)) throw e;
      record(method, {}, 200, { ok: false, error: e.message });
      return send(res, 200, { ok: false, error: e.message });
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
    delete args.token;
    const authError = authenticate(method, token);
    if (authError) {
      record(method, args, 200, { ok: false, error: authError });
      return send(res, 200, { ok: false, error: authError });
    }
    const fault = faults.take(method);
    if (fault) {
      record(method, args, fault.status, { ok: false, error: fault.error });
      return send(res, fault.status, { ok: false, error: fault.error }, fault.headers);
    }
    const channelRef = typeof args.channel === "string" ? args.channel : undefined;
    const retryAfter = rates.take(method, channelRef === undefined ? undefined : (ws.existingChannel(channelRef)?.id ?? channelRef));
    if (retryAfter !== undefined) {
      record(method, args, 429, { ok: false, error: "ratelimited" });
      return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfter) });
    }
    const body = runMethod(method, args);
    record(method, args, 200, body);
    send(res, 200, body);
  }

  async function responseUrl(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    let payload: Args;
    try {
      payload = await parseArgs(req.headers["content-type"], raw);
      // Some clients post form-encoded `payload={...}`, as for incoming webhooks.
      if (typeof payload.payload === "string") payload = JSON.parse(payload.payload) as Args;
    } catch {
      record("response_url", { id }, 400, { ok: false, error: "invalid_payload" });
      return send(res, 400, { ok: false, error: "invalid_payload" });
    }
    const fault = faults.take("response_url");
    if (fault) {
      record("response_url", { id, ...payload }, fault.status, { ok: false, error: fault.error });
      return send(res, fault.status, { ok: false, error: fault.error }, fault.headers);
    }
    const answer = responseUrls.post(id, payload, ctx);
    record("response_url", { id, ...payload }, answer.status, answer.body);
    send(res, answer.status, answer.body);
  }

  async function upload(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await uploadedBytes(req.headers["content-type"], raw);
    } catch (e) {
      if (!(e instanceof BadRequest)) throw e;
      record("upload_url", { file_id: id }, 400, { ok: false, error: e.message });
      return send(res, 400, "Bad Request");
    }
    const f = files.receive(id, bytes);
    const args = { file_id: id, bytes: bytes.length };
    if (!f) {
      record("upload_url", args, 404, { ok: false, error: "file_not_found" });
      return send(res, 404, "Not Found");
    }
    record("upload_url", args, 200, { ok: true });
    send(res, 200, `OK - ${bytes.length}`);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://standin.invalid").pathname;
    const [, area, name, ...rest] = path.split("/");
    if (req.method !== "POST" || !name || rest.length > 0) return send(res, 404, "Not Found");
    const raw = await readBody(req);
    const id = decodeURIComponent(name);
    if (area === "api") return api(id, req, raw, res);
    if (area === "response") return responseUrl(id, req, raw, res);
    if (area === "upload") return upload(id, req, raw, res);
    send(res, 404, "Not Found");
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      // A bug in the stand-in itself: answer like a Slack outage and keep serving.
      record("internal", { url: req.url, message: e instanceof Error ? e.message : String(e) }, 500, { ok: false, error: "internal_error" });
      if (!res.headersSent) send(res, 500, { ok: false, error: "internal_error" });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const socketMode = new SocketModeServer(server, () => origin);
  ctx.origin = origin;

  const clear = () => {
    calls.length = 0;
    faults.clear();
  };

  return {
    url: `${origin}/api/`,
    origin,
    bot,
    calls,
    workspace: ws,
    callsTo: (method) => calls.filter((c) => c.method === method),
    clear,
    reset() {
      clear();
      rates.clear();
      for (const p of pending) clearTimeout(p.timer);
      pending.clear();
      ws.clearMessages();
      views.clear();
      files.clear();
      triggers.clear();
      responseUrls.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const p of pending) clearTimeout(p.timer);
        pending.clear();
        socketMode.closeAll();
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
    failNext: (method, spec) => faults.add(method, spec),
    on(_event, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    issueTriggerId: () => triggers.issue(),
    responseUrl: (id, o) => `${origin}/response/${encodeURIComponent(responseUrls.issue(id, o).id)}`,
    responseUrlRecord: (id) => responseUrls.records.get(id),
    addUser: (user) => ws.addUser(user),
    addChannel: (channel) => ws.addChannel(channel),
    invite: (channel, user = bot.userId) => ws.invite(channel, user),
    kick: (channel, user = bot.userId) => ws.kick(channel, user),
    archive: (channel) => {
      const c = ws.channels.get(channel);
      if (!c) throw new Error(`no channel ${channel} in the stand-in`);
      c.is_archived = true;
    },
    socketMode,
    async settled() {
      while (pending.size > 0) await new Promise((r) => setTimeout(r, 10));
    },
    messages: (channel) => ws.allMessages(ws.existingChannel(channel)?.id ?? channel).map((m) => structuredClone(m)),
    ephemerals: () => ws.ephemerals.map((m) => structuredClone(m)),
    file: (id) => files.byId.get(id),
    view: (id) => views.byId.get(id),
    homeView: (userId) => {
      const id = views.homeByUser.get(userId);
      return id === undefined ? undefined : views.byId.get(id);
    },
  };
}
