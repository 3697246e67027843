import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import type { JobKind } from "../domain/schedule.ts";
import type { SlackStandin, StoredMessage } from "../slack-standin/index.ts";
import type { BotBridge } from "./bot-bridge.ts";

// The sandbox's own web server: the page (static files, no build step) and a
// small JSON API over the Slack stand-in and the bot bridge, plus a
// Server-Sent Events stream so the page updates as the bot posts.

const PUBLIC = join(import.meta.dirname, "public");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml" };

export interface SandboxApi {
  /** The address the server listens on; requests must name it (or loopback) as their Host. */
  host: string;
  standin: SlackStandin;
  bridge: BotBridge;
  state(): Record<string, unknown>;
  runJobs(job: JobKind | undefined, at: Date | undefined): Promise<Record<string, unknown>>;
  /** Ends time travel: the clock back to today, the trip's changes undone. */
  returnHome(): Promise<Record<string, unknown>>;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}

function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(value));
}

/** Messages as the page shows them: files pointing at the sandbox, reply counts. */
function present(m: StoredMessage, all: StoredMessage[]) {
  const files = (m.files as Array<Record<string, unknown>> | undefined)?.map((f) => ({ id: f.id, name: f.name, title: f.title, mimetype: f.mimetype, url: `/sandbox/api/files/${f.id}` }));
  const replies = all.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts).length;
  return { ...m, ...(files ? { files } : {}), ...(replies ? { reply_count: replies } : {}) };
}

/**
 * The page acts as anyone, even the admin, so only the page may drive it:
 * a request must name this server as its Host (no DNS rebinding), a POST must
 * be JSON (a form or text/plain POST from another site is refused before any
 * preflight could be skipped), come from this origin, and carry the token of
 * a page this server handed out.
 */
function refusal(req: IncomingMessage, host: string, tokens: PageTokens): string | undefined {
  const hostname = (req.headers.host ?? "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  if (!["localhost", "127.0.0.1", "::1", host].includes(hostname)) return "host_not_allowed";
  if (req.method !== "POST") return undefined;
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) return "json_only";
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`) return "cross_origin";
  if (!tokens.has(String(req.headers["x-sandbox-token"] ?? ""))) return "page_token_required";
  return undefined;
}

/**
 * The tokens of the last pages served (a bounded list: an old tab reloads),
 * each with how many private (ephemeral) answers existed when the page was
 * served: as in Slack, a reload forgets the answers only you could see.
 */
class PageTokens {
  private readonly tokens = new Map<string, number>();
  issue(ephemeralsSoFar: number): string {
    const t = randomBytes(16).toString("hex");
    this.tokens.set(t, ephemeralsSoFar);
    if (this.tokens.size > 100) this.tokens.delete(this.tokens.keys().next().value!);
    return t;
  }
  has(t: string): boolean {
    return t !== "" && this.tokens.has(t);
  }
  /** The first ephemeral a page may show; a request without a page's token sees them all (the API tests). */
  firstEphemeral(t: string): number {
    return this.tokens.get(t) ?? 0;
  }
}

export function createSandboxServer(api: SandboxApi): Server {
  const { standin, bridge } = api;
  const tokens = new PageTokens();
  const clients = new Set<ServerResponse>();
  standin.on("call", (c) => {
    const data = JSON.stringify({ kind: "call", method: c.method, channel: c.args.channel ?? c.args.channel_id ?? null });
    for (const res of clients) res.write(`data: ${data}\n\n`);
  });

  const routes: Record<string, (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<void>> = {
    "GET /sandbox/api/state": async (_q, _u, res) => json(res, 200, api.state()),
    "GET /sandbox/api/messages": async (_q, url, res) => {
      const channel = url.searchParams.get("channel") ?? "";
      const user = url.searchParams.get("user") ?? "";
      const all = standin.messages(channel);
      const top = all.filter((m) => !m.thread_ts || m.thread_ts === m.ts).map((m) => present(m, all));
      const since = tokens.firstEphemeral(String(_q.headers["x-sandbox-token"] ?? ""));
      const ephemeral = standin.ephemerals().slice(since).filter((e) => e.channel === channel && e.user === user).map((e) => ({ ...e, ephemeral: true, bot_id: standin.bot.botId }));
      const messages = [...top, ...ephemeral].sort((a, b) => Number(a.ts) - Number(b.ts));
      const refused = standin.calls
        .filter((c) => !c.ok && (c.args.channel === channel || c.args.channel_id === channel))
        .map((c) => ({ at: c.at, method: c.method, error: c.error, details: ((c.response?.response_metadata as { messages?: string[] })?.messages ?? []) }));
      json(res, 200, { messages, refused });
    },
    "GET /sandbox/api/replies": async (_q, url, res) => {
      const all = standin.messages(url.searchParams.get("channel") ?? "");
      const ts = url.searchParams.get("ts");
      json(res, 200, { messages: all.filter((m) => m.ts === ts || m.thread_ts === ts).map((m) => present(m, all)) });
    },
    "GET /sandbox/api/modal": async (_q, url, res) => {
      const id = bridge.topModal(url.searchParams.get("user") ?? "");
      json(res, 200, { view: id ? (standin.view(id) ?? null) : null });
    },
    "GET /sandbox/api/home": async (_q, url, res) => json(res, 200, { view: standin.homeView(url.searchParams.get("user") ?? "") ?? null }),
    "POST /sandbox/api/home/open": async (req, _u, res) => {
      const { user } = await body(req);
      const status = await bridge.event({ type: "app_home_opened", user, channel: `D${String(user).slice(1)}`, tab: "home", event_ts: String(Date.now() / 1000) });
      json(res, 200, { ok: status === 200 });
    },
    "POST /sandbox/api/command": async (req, _u, res) => {
      const { user, channel, text } = await body(req);
      const status = await bridge.command(String(user), String(channel), String(text ?? "").replace(/^\/project\s*/, ""));
      json(res, 200, status === 200 ? { ok: true } : { ok: false, error: `机器人返回 HTTP ${status}` });
    },
    "POST /sandbox/api/message": async (req, _u, res) => {
      const { user, channel, text, thread_ts } = await body(req);
      standin.workspace.post(String(channel), { text: String(text), user: String(user), ...(thread_ts ? { thread_ts: String(thread_ts) } : {}) });
      for (const c of clients) c.write(`data: ${JSON.stringify({ kind: "call", method: "message", channel })}\n\n`);
      json(res, 200, { ok: true });
    },
    "POST /sandbox/api/action": async (req, _u, res) => {
      const { user, channel, message_ts, view_id, action } = await body(req);
      const status = await bridge.action(String(user), { channel: channel as string | undefined, messageTs: message_ts as string | undefined, viewId: view_id as string | undefined }, action as Record<string, unknown>);
      json(res, 200, { ok: status === 200 });
    },
    "POST /sandbox/api/view/submit": async (req, _u, res) => {
      const { user, view_id, values } = await body(req);
      json(res, 200, { ok: true, ...(await bridge.submit(String(user), String(view_id), values)) });
    },
    "POST /sandbox/api/modal/reset": async (req, _u, res) => {
      const { user } = await body(req);
      bridge.closeAll(String(user));
      json(res, 200, { ok: true });
    },
    "POST /sandbox/api/view/close": async (req, _u, res) => {
      const { user, view_id } = await body(req);
      bridge.closeView(String(user), String(view_id));
      json(res, 200, { ok: true });
    },
    "POST /sandbox/api/reaction": async (req, _u, res) => {
      const { user, channel, ts, name, add } = await body(req);
      const m = standin.workspace.message(String(channel), String(ts));
      m.reactions ??= [];
      let r = m.reactions.find((x) => x.name === name);
      if (add && !r) m.reactions.push((r = { name: String(name), users: [], count: 0 }));
      if (r && add && !r.users.includes(String(user))) r.users.push(String(user));
      if (r && !add) r.users = r.users.filter((u) => u !== user);
      if (r) r.count = r.users.length;
      m.reactions = m.reactions.filter((x) => x.count > 0);
      if (add) await bridge.event({ type: "reaction_added", user, reaction: name, item: { type: "message", channel, ts }, item_user: m.user ?? m.bot_id, event_ts: String(Date.now() / 1000) });
      for (const c of clients) c.write(`data: ${JSON.stringify({ kind: "call", method: "reaction", channel })}\n\n`);
      json(res, 200, { ok: true });
    },
    "POST /sandbox/api/jobs/run": async (req, _u, res) => {
      const { job, at } = await body(req);
      json(res, 200, await api.runJobs(job as JobKind | undefined, at ? new Date(String(at)) : undefined));
    },
    "POST /sandbox/api/travel/return": async (_q, _u, res) => {
      const answer = await api.returnHome();
      for (const c of clients) c.write(`data: ${JSON.stringify({ kind: "call", method: "travel", channel: null })}\n\n`);
      json(res, 200, { ok: true, ...answer });
    },
    "GET /sandbox/api/events": async (req, _u, res) => {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
    },
  };

  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox");
    try {
      const refused = refusal(req, api.host, tokens);
      if (refused) return json(res, 403, { ok: false, error: refused });
      if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/index.html")) {
        const page = (await readFile(join(PUBLIC, "index.html"), "utf8")).replace('<meta name="sandbox-token" content="">', `<meta name="sandbox-token" content="${tokens.issue(standin.ephemerals().length)}">`);
        return void res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" }).end(page);
      }
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) return await route(req, url, res);
      const file = /^\/sandbox\/api\/files\/([A-Z0-9]+)$/.exec(url.pathname);
      if (req.method === "GET" && file) {
        const f = standin.file(file[1]);
        if (!f?.bytes) return json(res, 404, { ok: false, error: "file_not_found" });
        const type = { ".png": "image/png", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }[extname(f.filename).toLowerCase()] ?? "application/octet-stream";
        res.writeHead(200, { "content-type": type, "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}` }).end(f.bytes);
        return;
      }
      if (req.method === "GET") {
        const path = normalize(url.pathname === "/" ? "/index.html" : url.pathname).replace(/^(\.\.[/\\])+/, "");
        const content = await readFile(join(PUBLIC, path)).catch(() => null);
        if (content) return void res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(content);
      }
      json(res, 404, { ok: false, error: "not_found" });
    } catch (e) {
      json(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
