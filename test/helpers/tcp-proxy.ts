import { createConnection, createServer, type Socket } from "node:net";

// A loopback TCP proxy in front of a database, to take it away the two ways
// networks do: "refuse" (connections reset at once, new ones closed) and
// "blackhole" (packets go nowhere: nothing answers, nothing fails, until the
// network comes back and the held bytes arrive late, as TCP retransmits them).

export type ProxyMode = "open" | "refuse" | "blackhole";

export interface TcpProxy {
  port: number;
  set(mode: ProxyMode): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  server: Socket;
  held: Array<{ to: Socket; data: Buffer }>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "open";
  const pairs = new Set<Pair>();
  const forward = (pair: Pair, to: Socket, data: Buffer) => {
    if (mode === "blackhole") pair.held.push({ to, data });
    else if (!to.destroyed) to.write(data);
  };
  const server = createServer((client) => {
    if (mode === "refuse") return void client.destroy();
    const upstream = createConnection(target);
    const pair: Pair = { client, server: upstream, held: [] };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("data", (d) => forward(pair, upstream, d));
    upstream.on("data", (d) => forward(pair, client, d));
    client.on("close", drop).on("error", drop);
    upstream.on("close", drop).on("error", drop);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  return {
    port: (server.address() as { port: number }).port,
    set(next) {
      mode = next;
      if (next === "refuse") for (const p of [...pairs]) (p.client.destroy(), p.server.destroy());
      if (next === "open")
        for (const p of pairs) {
          for (const h of p.held) if (!h.to.destroyed) h.to.write(h.data);
          p.held = [];
        }
    },
    async close() {
      for (const p of [...pairs]) (p.client.destroy(), p.server.destroy());
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
