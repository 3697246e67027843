import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { egressDispatcher, egressFetch } from "../../src/slack/egress.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";

// On an intranet the way out is a proxy: with HTTPS_PROXY set, the bot's Web
// API calls go through it (a real CONNECT proxy here), and without it they go direct.

let proxy: Server;
let standin: SlackStandin;
const tunnels: string[] = [];

beforeAll(async () => {
  standin = await startSlackStandin({ botToken: "xoxb-egress" });
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (req, client, head) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await standin.close();
});

describe("egress", () => {
  it("with HTTPS_PROXY set, Web API calls go through the proxy", async () => {
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const client = new WebClient("xoxb-egress", { slackApiUrl: standin.url, fetch: egressFetch(egressDispatcher({ HTTPS_PROXY: proxyUrl })), retryConfig: { retries: 0 } });
    expect((await client.auth.test()).ok).toBe(true);
    expect(tunnels).toEqual([new URL(standin.url).host]);
  });

  it("without a proxy setting, calls go direct", async () => {
    expect(egressDispatcher({})).toBeUndefined();
    expect(egressFetch(undefined)).toBeUndefined();
    const before = tunnels.length;
    expect((await new WebClient("xoxb-egress", { slackApiUrl: standin.url }).auth.test()).ok).toBe(true);
    expect(tunnels).toHaveLength(before);
  });
});
