import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultWorkspace, type BotProcess, type FaultWorkspace } from "../helpers/bot-process.ts";

// Issue #14, problem 4: every X-Slack-Signature used to be remembered before
// it was checked, so a flood of unsigned requests grew the bot without bound.
// Now nothing is remembered before the signature holds, and a source sending
// refused requests is slowed down. 20,000 requests with made-up signatures:
// the real bot process stays within 50 MB of its idle size, and still answers
// a genuine command afterwards.

const REQUESTS = 20_000;

let ws: FaultWorkspace;
let bot: BotProcess;

beforeAll(async () => {
  ws = await faultWorkspace("flood", { demo: false });
  bot = await ws.startBot();
}, 300_000);

afterAll(async () => ws?.close());

const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${bot.child.pid}/status`, "utf8"))![1]) / 1024;

describe("20,000 unsigned requests", () => {
  it("leave the bot's memory within 50 MB of idle, and genuine commands still answered", { timeout: 600_000 }, async () => {
    // Warm up with a genuine command (loads the listeners), then take the idle size.
    const warm = await ws.slash(bot, "帮助");
    expect(warm.status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = rssMb();
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);

    const body = new URLSearchParams({ command: "/project", text: "帮助", user_id: ws.admin, channel_id: ws.channel, team_id: "T0FAULT", trigger_id: "t", response_url: "http://127.0.0.1:9/x" }).toString();
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const i = next++;
        const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
          method: "POST",
          body,
          headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)), "x-slack-signature": `v0=${i.toString(16).padStart(64, "0")}` },
        }).catch(() => undefined);
        if (res) {
          await res.arrayBuffer().catch(() => undefined);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    clearInterval(sampler);
    peak = Math.max(peak, rssMb());

    // None got through; most were turned away before their bodies were read.
    expect([...statuses.keys()].every((s) => s === 401 || s === 429), JSON.stringify([...statuses])).toBe(true);
    expect(statuses.get(429) ?? 0).toBeGreaterThan(REQUESTS / 2);
    expect(peak - idle, `idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`).toBeLessThan(50);

    // A genuine command is not refused (the flood came from the same source; after its window it may be slowed, not lost).
    await new Promise((r) => setTimeout(r, 11_000));
    const genuine = await ws.slash(bot, "帮助");
    expect(genuine.status).toBe(200);
  });
});
