import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { HTTPReceiver } from "@slack/bolt";
import type { Logger } from "../log.ts";

// The bot's HTTP front: Slack's requests go to Bolt's receiver (which checks
// the signature and the 5-minute timestamp window); /health answers when the
// store is reachable. A request whose signature was already seen is a replay
// and is refused before Bolt sees it: Slack signs every delivery, retries
// included, afresh.

const REPLAY_WINDOW_MS = 5 * 60_000;

export interface HttpFront {
  server: Server;
  close(): Promise<void>;
}

export function createHttpFront(receiver: HTTPReceiver, opts: { health: () => Promise<boolean>; logger: Logger; now?: () => number }): HttpFront {
  const now = opts.now ?? Date.now;
  const seen = new Map<string, number>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/health") {
      const ok = await opts.health().catch(() => false);
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok, store: ok ? "reachable" : "unreachable" }));
      return;
    }
    const signature = req.headers["x-slack-signature"];
    if (typeof signature === "string") {
      const t = now();
      for (const [sig, at] of seen) if (t - at > REPLAY_WINDOW_MS) seen.delete(sig);
      if (seen.has(signature)) {
        opts.logger.warn({ path }, "replayed Slack request refused");
        res.writeHead(401).end();
        return;
      }
      seen.set(signature, t);
    }
    receiver.requestListener(req, res);
  });
  return {
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
