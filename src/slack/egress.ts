import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from "undici";

// The bot's way out to Slack. On an intranet the only way may be an HTTP
// proxy: with HTTPS_PROXY (or HTTP_PROXY; NO_PROXY honoured) set, every Web
// API call and the Socket Mode WebSocket go through it (undici's
// EnvHttpProxyAgent reads those variables as curl does).

const PROXY_VARS = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/** The proxy dispatcher when the environment names a proxy; undefined for direct connections. */
export function egressDispatcher(env: Record<string, string | undefined> = process.env): Dispatcher | undefined {
  if (!PROXY_VARS.some((v) => env[v])) return undefined;
  const httpsProxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  return new EnvHttpProxyAgent({ httpsProxy, httpProxy: env.HTTP_PROXY || env.http_proxy || httpsProxy, noProxy: env.NO_PROXY ?? env.no_proxy ?? "" });
}

/** A fetch for @slack/web-api's `fetch` option that goes through `dispatcher` (undefined: the global fetch). */
export function egressFetch(dispatcher: Dispatcher | undefined): typeof globalThis.fetch | undefined {
  if (!dispatcher) return undefined;
  return ((url: string | URL, init?: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher })) as unknown as typeof globalThis.fetch;
}
