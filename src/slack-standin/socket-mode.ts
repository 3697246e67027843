import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";

// Socket Mode as Slack serves it: apps.connections.open (app token only)
// hands out a one-use ws://…/link/?ticket=… URL; on connecting, the app gets
// `hello`, then envelopes ({envelope_id, type, payload,
// accepts_response_payload}) it must acknowledge with {envelope_id, payload?}
// within 3 s; Slack may send `disconnect` (refresh_requested, warning,
// link_disabled). A minimal RFC 6455 server (text frames, ping/pong, close).

export const SOCKET_ACK_TIMEOUT_MS = 3_000;

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

/** How Slack marks a re-delivered events_api envelope (retry_attempt counts from 1). */
export interface Redelivery {
  attempt: number;
  reason: "timeout" | "unacknowledged";
}

export interface SocketLink {
  /**
   * Sends an envelope; resolves with the app's ack payload, rejects when no ack came within 3 s.
   * `retry` marks it as Slack marks a re-delivery (a new envelope_id; the
   * payload, hence its event_id, unchanged): send the same payload again with it.
   */
  send(type: EnvelopeType, payload: Record<string, unknown>, retry?: Redelivery): Promise<Record<string, unknown> | undefined>;
  /** Sends `disconnect` with that reason, then closes the connection. */
  disconnect(reason: "refresh_requested" | "warning" | "link_disabled"): void;
  /** Drops the TCP connection with no `disconnect` and no close frame (a network cut, a restarted Slack host). */
  drop(): void;
  readonly closed: boolean;
}

function frame(opcode: number, data: Buffer): Buffer {
  const len = data.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65_536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(len)); return b; })()]);
  return Buffer.concat([head, data]);
}

export class SocketModeServer {
  private readonly tickets = new Set<string>();
  private readonly links: Array<SocketLink & { onConnect?: never }> = [];
  private waiters: Array<(l: SocketLink) => void> = [];
  /** Every connection made, oldest first. */
  readonly connections: SocketLink[] = [];

  constructor(server: Server, private readonly origin: () => string) {
    server.on("upgrade", (req, socket) => this.upgrade(req, socket));
  }

  /** apps.connections.open: a one-use URL. */
  open(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.origin().replace("http://", "ws://")}/link/?ticket=${ticket}`;
  }

  /** The newest open connection, waiting for one if none is open. */
  async link(timeoutMs = 10_000): Promise<SocketLink> {
    const open = [...this.connections].reverse().find((l) => !l.closed);
    if (open) return open;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("no Socket Mode connection")), timeoutMs);
      this.waiters.push((l) => {
        clearTimeout(t);
        resolve(l);
      });
    });
  }

  closeAll(): void {
    for (const l of this.connections) if (!l.closed) l.disconnect("link_disabled");
  }

  private upgrade(req: IncomingMessage, socket: Duplex): void {
    const url = new URL(req.url ?? "/", "http://standin.invalid");
    const ticket = url.searchParams.get("ticket") ?? "";
    const key = req.headers["sec-websocket-key"];
    if (url.pathname !== "/link/" || !this.tickets.delete(ticket) || typeof key !== "string") {
      socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
      return;
    }
    const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const pending = new Map<string, { resolve: (p: Record<string, unknown> | undefined) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
    let closed = false;
    let buf = Buffer.alloc(0);
    const sendText = (obj: unknown) => !closed && socket.write(frame(0x1, Buffer.from(JSON.stringify(obj))));
    const close = () => {
      if (closed) return;
      closed = true;
      socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
      for (const p of pending.values()) p.reject(new Error("connection closed before the ack"));
    };
    socket.on("data", (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (buf.length < 2) return;
        const opcode = buf[0] & 0x0f;
        const masked = (buf[1] & 0x80) !== 0;
        let len = buf[1] & 0x7f;
        let off = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          off = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          off = 10;
        }
        const mask = masked ? buf.subarray(off, off + 4) : undefined;
        if (masked) off += 4;
        if (buf.length < off + len) return;
        const data = Buffer.from(buf.subarray(off, off + len));
        if (mask) for (let i = 0; i < data.length; i++) data[i] ^= mask[i % 4];
        buf = buf.subarray(off + len);
        if (opcode === 0x9) socket.write(frame(0xa, data)); // ping → pong
        else if (opcode === 0x8) close();
        else if (opcode === 0x1) {
          const msg = JSON.parse(data.toString("utf8")) as { envelope_id?: string; payload?: Record<string, unknown> };
          const p = msg.envelope_id ? pending.get(msg.envelope_id) : undefined;
          if (p) {
            clearTimeout(p.timer);
            pending.delete(msg.envelope_id!);
            p.resolve(msg.payload);
          }
        }
      }
    });
    socket.on("close", () => {
      closed = true;
    });
    socket.on("error", () => {
      closed = true;
    });
    const link: SocketLink = {
      send(type, payload, retry) {
        const envelope_id = randomBytes(8).toString("hex");
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            pending.delete(envelope_id);
            reject(new Error(`no ack for ${type} envelope within 3 s`));
          }, SOCKET_ACK_TIMEOUT_MS);
          pending.set(envelope_id, { resolve, reject, timer });
          sendText({ envelope_id, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: retry?.attempt ?? 0, retry_reason: retry?.reason ?? "" });
        });
      },
      disconnect(reason) {
        sendText({ type: "disconnect", reason, debug_info: { host: "standin" } });
        setTimeout(close, 50);
      },
      drop() {
        if (closed) return;
        closed = true;
        socket.destroy();
        for (const p of pending.values()) p.reject(new Error("connection dropped before the ack"));
      },
      get closed() {
        return closed;
      },
    };
    this.connections.push(link);
    sendText({ type: "hello", num_connections: this.connections.filter((l) => !l.closed).length, debug_info: { host: "standin", approximate_connection_time: 18060 }, connection_info: { app_id: "A0STANDIN" } });
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(link);
  }
}
