import { createServer, type Server, type ServerResponse } from "node:http";

// /health in both modes: 200 when the store answers, 503 otherwise (the check
// is bounded by the caller, so a probe never hangs). In Socket Mode nothing
// else is served over HTTP.

export async function answerHealth(res: ServerResponse, health: () => Promise<boolean>): Promise<void> {
  const ok = await health().catch(() => false);
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok, store: ok ? "reachable" : "unreachable" }));
}

/** Socket Mode's only HTTP server: GET /health, 404 for anything else. */
export function createHealthServer(health: () => Promise<boolean>): Server {
  return createServer((req, res) => {
    if (req.method === "GET" && (req.url ?? "/").split("?")[0] === "/health") return void answerHealth(res, health);
    req.resume();
    res.writeHead(404).end();
  });
}
