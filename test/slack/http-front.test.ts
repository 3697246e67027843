import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { HTTPReceiver } from "@slack/bolt";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signSlackRequest } from "../../src/slack-standin/index.ts";
import { createHttpFront, type HttpFront } from "../../src/slack/http-server.ts";

// The bot's HTTP front on its own, over real HTTP, with its clock in the
// test's hands: what reaches the receiver (Bolt's, here one that records what
// it was given) and what is refused, with which status. Each test has a fresh
// front (nothing remembered, no refusals counted); sources are loopback
// addresses (127.0.0.x).

const SECRET = "front-secret";
const body = "command=%2Fproject&text=%E5%B8%AE%E5%8A%A9";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

let front: HttpFront;
let port: number;
let healthy = true;
/** The front's clock when set, else the real one. Bolt checks staleness against the real clock. */
let frozen: number | undefined;
const received: Array<{ url: string; rawBody: string }> = [];
const logs: Array<{ msg: string; why?: string; path?: string }> = [];

beforeEach(async () => {
  received.length = 0;
  logs.length = 0;
  frozen = undefined;
  healthy = true;
  const receiver = {
    requestListener(req: { url?: string; rawBody?: Buffer }, res: { writeHead(s: number): { end(b: string): void } }) {
      received.push({ url: req.url ?? "", rawBody: req.rawBody?.toString() ?? "(none)" });
      res.writeHead(200).end("received");
    },
  } as unknown as HTTPReceiver;
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  front = createHttpFront(receiver, { signingSecret: SECRET, health: async () => healthy, logger, now: () => frozen ?? Date.now() });
  await new Promise<void>((resolve) => front.server.listen(0, "127.0.0.1", resolve));
  port = (front.server.address() as AddressInfo).port;
});
afterEach(async () => {
  await front.close();
});

let nextSource = 10;
const newSource = () => `127.0.0.${nextSource++}`;

function send(opts: { source: string; path?: string; method?: string; headers?: Record<string, string>; payload?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, localAddress: opts.source, path: opts.path ?? "/slack/events", method: opts.method ?? "POST", headers: opts.headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    // A body over the limit is cut off mid-upload: the connection is closed, no status arrives.
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? resolve({ status: 0, headers: {}, text: "" }) : reject(e)));
    req.end(opts.payload);
  });
}

const seconds = () => Math.floor(Date.now() / 1000);
const signed = (stamp = seconds(), payload: string | Buffer = body) => ({
  "x-slack-request-timestamp": String(stamp),
  "x-slack-signature": signSlackRequest(SECRET, stamp, payload.toString()),
});
let sent = 0;
/** A genuine request: signed now, its body never sent before (the same signed body twice is a replay). */
const genuine = (source: string) => {
  const payload = `${body}&n=${++sent}`;
  return send({ source, headers: signed(seconds(), payload), payload });
};
/** Sends the request `times` times from `source`, each refused with `status`. */
async function refusedTimes(source: string, times: number, headers: Record<string, string>, status: number) {
  for (let i = 0; i < times; i++) expect((await send({ source, headers, payload: body })).status).toBe(status);
}

describe("the HTTP front", () => {
  it("hands a genuine request to the receiver with its body already read, query string and all", async () => {
    const payload = `${body}&first=1`;
    const res = await send({ source: newSource(), path: "/slack/events?x=1", headers: signed(seconds(), payload), payload });
    expect(res).toMatchObject({ status: 200, text: "received" });
    expect(received).toEqual([{ url: "/slack/events?x=1", rawBody: payload }]);
  });

  it("answers GET /health (with or without a query) from the store check: 200 while reachable, 503 when not", async () => {
    const source = newSource();
    const ok = await send({ source, path: "/health?probe=1", method: "GET" });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ ok: true, store: "reachable" });
    healthy = false;
    const down = await send({ source, path: "/health", method: "GET" });
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toEqual({ ok: false, store: "unreachable" });
    // Only GET /health: a POST to it, or a GET elsewhere, is a Slack request like any other, and unsigned.
    expect((await send({ source, path: "/health", payload: body })).status).toBe(401);
    expect((await send({ source, path: "/slack/events", method: "GET" })).status).toBe(401);
  });

  it("forgets an upload the sender cuts off, counting it as refused", async () => {
    const source = newSource();
    const payload = "x".repeat(100_000);
    await new Promise<void>((resolve) => {
      const req = request({ host: "127.0.0.1", port, localAddress: source, path: "/slack/events", method: "POST", headers: { ...signed(seconds(), payload), "content-length": String(payload.length) }, agent: false });
      req.on("error", () => resolve());
      req.write(payload.slice(0, 1_000), () => setTimeout(() => req.destroy(), 50));
    });
    await expect.poll(() => logs.map((l) => l.why)).toEqual(["body too large"]);
    expect(received).toEqual([]);
  });

  it("close stops listening", async () => {
    await front.close();
    expect(front.server.listening).toBe(false);
  });

  it("refuses without a signature, without a usable timestamp, or with a bad signature: 401, receiver never reached, each logged", async () => {
    const source = newSource();
    expect((await send({ source, headers: { "x-slack-request-timestamp": String(seconds()) }, payload: body })).status).toBe(401);
    expect((await send({ source, headers: { "x-slack-signature": signed()["x-slack-signature"] }, payload: body })).status).toBe(401);
    expect((await send({ source, headers: { ...signed(), "x-slack-request-timestamp": "soon" }, payload: body })).status).toBe(401);
    expect((await send({ source, headers: { ...signed(), "x-slack-signature": "v0=" + "0".repeat(64) }, payload: body })).status).toBe(401);
    // Signed for another body.
    expect((await send({ source, headers: signed(seconds(), "text=other"), payload: body })).status).toBe(401);
    expect(logs.map((l) => [l.msg, l.why])).toEqual([
      ...Array(3).fill(["Slack request refused", "unsigned"]),
      ["Slack request refused", "bad signature"],
      ["Slack request refused", "bad signature"],
    ]);
    expect(received).toEqual([]);
  });

  it("accepts a timestamp up to exactly 5 minutes from its clock, either way, and refuses one a millisecond further", async () => {
    const source = newSource();
    const stamp = seconds();
    for (const [skew, status] of [
      [300_000, 200],
      [300_001, 401],
      [-300_000, 200],
      [-300_001, 401],
    ] as const) {
      // The front's clock `skew` away from the whole second the request is signed at.
      frozen = stamp * 1000 + skew;
      // A fresh body each time: the same signed body twice would be a replay.
      const payload = `${body}&skew=${skew}`;
      expect((await send({ source, headers: signed(stamp, payload), payload })).status, `clock ${skew} ms from the stamp`).toBe(status);
    }
    expect(logs.map((l) => l.why)).toEqual(["timestamp outside 5 minutes", "timestamp outside 5 minutes"]);
    expect(received).toHaveLength(2);
  });

  it("cuts off a body over Bolt's 4 MB limit unread, and takes one of exactly 4 MB", async () => {
    const source = newSource();
    const limit = 4 * 1024 * 1024;
    const exact = Buffer.alloc(limit, "a");
    expect((await send({ source, headers: signed(seconds(), exact), payload: exact })).status).toBe(200);
    const over = Buffer.alloc(limit + 1, "a");
    // The connection is closed as the limit is passed (the 413 written after it seldom arrives).
    expect([0, 413]).toContain((await send({ source, headers: signed(seconds(), over), payload: over })).status);
    expect(logs.map((l) => l.why)).toEqual(["body too large"]);
    expect(received.map((r) => r.rawBody.length)).toEqual([limit]);
  });

  it("refuses a replay of a genuine request with 401, until its signature is more than 5 minutes old on the front's clock", async () => {
    const source = newSource();
    const stamp = seconds();
    const payload = `${body}&replayed=1`;
    const headers = signed(stamp, payload);
    // Taken 4 minutes before the stamp (within the tolerance), so the front
    // can later be 5 minutes past that without the stamp going stale.
    frozen = stamp * 1000 - 240_000;
    expect((await send({ source, headers, payload })).status).toBe(200);
    expect((await send({ source, headers, payload })).status).toBe(401);
    expect(logs.map((l) => [l.msg, l.path])).toEqual([["replayed Slack request refused", "/slack/events"]]);
    frozen = stamp * 1000 + 60_000; // exactly 5 minutes after it was taken: still remembered
    expect((await send({ source, headers, payload })).status).toBe(401);
    frozen = stamp * 1000 + 60_001; // a millisecond later it is forgotten
    expect((await send({ source, headers, payload })).status).toBe(200);
    expect(received).toHaveLength(2);
  });

  it("answers 429 without reading once a source has had 30 refusals within 10 seconds", async () => {
    const source = newSource();
    const bad = { ...signed(), "x-slack-signature": "v0=" + "1".repeat(64) };
    const t0 = Date.now();
    frozen = t0;
    await refusedTimes(source, 30, bad, 401);
    // A genuine request from that source is slowed down too, and not read.
    frozen = t0 + 1_500;
    const slowed = await genuine(source);
    expect(slowed.status).toBe(429);
    expect(slowed.headers["retry-after"]).toBe("9"); // 8.5 seconds left in the window, rounded up
    expect(slowed.headers.connection).toBe("close");
    expect(received).toEqual([]);
    // Another source is not slowed down by this one's refusals.
    expect((await genuine(newSource())).status).toBe(200);
  });

  it("counts refusals in windows of 10 seconds from a source's first refusal", async () => {
    const source = newSource();
    const bad = { ...signed(), "x-slack-signature": "v0=" + "2".repeat(64) };
    const first = Date.now();
    frozen = first;
    await refusedTimes(source, 29, bad, 401);
    // Exactly 10 seconds after the first refusal the window still holds: the 30th is counted in it.
    frozen = first + 10_000;
    await refusedTimes(source, 1, bad, 401);
    expect((await genuine(source)).status).toBe(429);
    // A millisecond later the window is over: requests are read again, and a refusal opens a new window.
    frozen = first + 10_001;
    await refusedTimes(source, 29, bad, 401);
    expect((await genuine(source)).status).toBe(200);
    await refusedTimes(source, 1, bad, 401);
    expect((await genuine(source)).status).toBe(429);
  });
});
