import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { defaultBodyLimit, verifySlackRequest, type HTTPReceiver } from "@slack/bolt";
import type { Logger } from "../log.ts";
import { answerHealth } from "./health-server.ts";

// The bot's HTTP front. Every Slack request is read (up to Bolt's body limit)
// and its signature checked here, before anything about it is remembered:
// an unsigned or badly signed request costs a bounded read and is forgotten.
// Timestamps more than Slack's 5 minutes away, past or future, are refused.
// A correctly signed request seen before is a replay and is refused (Slack
// signs every delivery, retries included, afresh); that memory is bounded in
// time (5 minutes, the window a signature is valid in) and in size. A source
// sending many refused requests is told to slow down (429) before its bodies
// are read. Then the request, already buffered, goes to Bolt's receiver.
// /health answers whether the store is reachable.

const TOLERANCE_MS = 5 * 60_000;
/** Signatures remembered at most (Slack sends far fewer valid requests in 5 minutes). */
const MAX_REMEMBERED = 20_000;
/** Refused requests one source may send per window before it gets 429 without being read. */
const REFUSALS_PER_WINDOW = 30;
const WINDOW_MS = 10_000;
/** Sources tracked at most; beyond that the oldest are forgotten. */
const MAX_SOURCES = 10_000;

export interface HttpFront {
  server: Server;
  close(): Promise<void>;
}

/** Insertion-ordered map trimmed from its oldest end: a bounded memory. */
function trim<K, V>(map: Map<K, V>, max: number, expired: (v: V) => boolean): void {
  for (const [k, v] of map) {
    if (map.size <= max && !expired(v)) break;
    map.delete(k);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.destroy();
        resolve(null);
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(null));
  });
}

export function createHttpFront(
  receiver: HTTPReceiver,
  opts: { signingSecret: string; health: () => Promise<boolean>; logger: Logger; now?: () => number },
): HttpFront {
  const now = opts.now ?? Date.now;
  const seen = new Map<string, number>();
  const refusals = new Map<string, { since: number; count: number }>();

  const refuse = (res: ServerResponse, source: string, status: number, why: string) => {
    const t = now();
    const r = refusals.get(source);
    if (!r || t - r.since > WINDOW_MS) {
      refusals.delete(source);
      refusals.set(source, { since: t, count: 1 });
      trim(refusals, MAX_SOURCES, (v) => t - v.since > WINDOW_MS);
    } else r.count++;
    opts.logger.debug({ why }, "Slack request refused");
    res.writeHead(status).end();
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/health") return answerHealth(res, opts.health);
    const source = req.socket.remoteAddress ?? "unknown";
    const t = now();
    const record = refusals.get(source);
    if (record && t - record.since <= WINDOW_MS && record.count >= REFUSALS_PER_WINDOW) {
      res.writeHead(429, { "retry-after": String(Math.ceil((record.since + WINDOW_MS - t) / 1000)), connection: "close" }).end();
      req.destroy();
      return;
    }
    const signature = req.headers["x-slack-signature"];
    const stamp = Number(req.headers["x-slack-request-timestamp"]);
    if (typeof signature !== "string" || !Number.isFinite(stamp)) {
      req.resume();
      return refuse(res, source, 401, "unsigned");
    }
    // Bolt refuses only stale timestamps; one from the future is as suspect.
    if (Math.abs(t - stamp * 1000) > TOLERANCE_MS) {
      req.resume();
      return refuse(res, source, 401, "timestamp outside 5 minutes");
    }
    const body = await readBody(req, defaultBodyLimit);
    if (!body) return refuse(res, source, 413, "body too large");
    try {
      verifySlackRequest({ signingSecret: opts.signingSecret, body: body.toString(), headers: { "x-slack-signature": signature, "x-slack-request-timestamp": stamp } });
    } catch {
      return refuse(res, source, 401, "bad signature");
    }
    // Only a genuine request is remembered, and only for as long as its signature is valid.
    trim(seen, MAX_REMEMBERED, (at) => t - at > TOLERANCE_MS);
    if (seen.has(signature)) {
      opts.logger.warn({ path }, "replayed Slack request refused");
      res.writeHead(401).end();
      return;
    }
    seen.set(signature, t);
    // Bolt reads an already buffered body from rawBody (and checks the signature again).
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    receiver.requestListener(req, res);
  });
  return {
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
