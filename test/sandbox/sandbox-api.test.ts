import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { startSandbox, type Sandbox } from "../../src/sandbox/start-sandbox.ts";
import { validateBlocks } from "../../src/slack-standin/index.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";
import { textOf } from "../helpers/slack-harness.ts";

// The sandbox's API as the page uses it, over real HTTP, with the real bot
// behind it (no browser here; test/sandbox/e2e drives the page).

let sandbox: Sandbox;
let store: TestStore;
const USER = "U0DEMO01";
const CH = "C0DEMO01";

async function call(path: string, body?: unknown) {
  const res = await fetch(new URL(path, sandbox.url), body === undefined ? undefined : { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  return res.json() as Promise<Record<string, any>>;
}

/** The bot answers after acknowledging: poll until `probe` returns something. */
async function poll<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never saw ${what}`);
}

function messagesUntil(predicate: (ms: any[]) => boolean, channel = CH, user = USER) {
  return poll(async () => {
    const { messages } = await call(`/sandbox/api/messages?channel=${channel}&user=${user}`);
    return predicate(messages) ? messages : null;
  }, "the expected messages");
}

beforeAll(async () => {
  store = await createTestStore();
  await store.close();
  sandbox = await startSandbox({ port: 0, databaseUrl: store.url, logger: createLogger("silent"), now: new Date("2026-11-23T01:00:00Z") });
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  await store.destroy();
});

describe("sandbox API", () => {
  it("describes the workspace: people from seed 003, a channel per group, the summary channel", async () => {
    const state = await call("/sandbox/api/state");
    expect(state.workspace).toBe("招商调度 沙盒");
    expect(state.users.find((u: any) => u.id === USER).real_name).toContain("李明远"); // the demo's fictional commissioner of 数字经济产业招商组
    expect(state.channels.map((c: any) => c.name)).toEqual(expect.arrayContaining(["招商调度", "数字经济产业招商组"]));
    expect(state.jobs.map((j: any) => j.job)).toContain("weekly_summary");
  });

  it("sends a slash command as the chosen user and shows the private answer", async () => {
    expect(await call("/sandbox/api/command", { user: USER, channel: CH, text: "/project 查看 #1" })).toEqual({ ok: true });
    const ms = await messagesUntil((m) => m.some((x) => x.ephemeral && textOf(x.blocks).includes("#1 ")));
    expect(ms.find((x: any) => x.ephemeral).user).toBe(USER);
    const other = await call(`/sandbox/api/messages?channel=${CH}&user=U0DEMO02`);
    expect(other.messages.filter((x: any) => x.ephemeral)).toEqual([]);
  });

  it("opens a form, shows field errors, then saves", async () => {
    await call("/sandbox/api/command", { user: USER, channel: CH, text: "/project 到位 #1" });
    const modal = await poll(async () => (await call(`/sandbox/api/modal?user=${USER}`)).view, "the funds form");
    expect(modal.callback_id).toBe("form_funds");
    const bad = await call("/sandbox/api/view/submit", { user: USER, view_id: modal.id, values: { amount: { amount: { type: "plain_text_input", value: "2.5" } }, date: { date: { type: "datepicker", selected_date: "2026-11-20" } } } });
    expect(bad.closed).toBe(false);
    expect(bad.errors.amount).toContain("2.5亿");
    const ok = await call("/sandbox/api/view/submit", { user: USER, view_id: modal.id, values: { amount: { amount: { type: "plain_text_input", value: "3000万" } }, date: { date: { type: "datepicker", selected_date: "2026-11-20" } } } });
    expect(ok.closed).toBe(true);
    expect((await call(`/sandbox/api/modal?user=${USER}`)).view).toBeNull();
    await messagesUntil((m) => m.some((x) => x.ephemeral && textOf(x.blocks).includes("+3,000万")));
  });

  it("runs a scheduled post at a chosen moment (time travel) and shows it with its files", async () => {
    const r = await call("/sandbox/api/jobs/run", { job: "weekly_summary", at: "2026-11-23T08:31:00+08:00" });
    expect(r.now).toMatch(/^2026-11-23T00:31:0\d/);
    expect(r.outcomes).toEqual([expect.objectContaining({ job: "weekly_summary", period: "2026-W47", status: "posted" })]);
    const ms = await messagesUntil((m) => m.some((x) => x.reply_count), "C0SUMMARY");
    const post = ms.find((x: any) => textOf(x.blocks).includes("招商引资工作周调度（2026年第47周，11月16日—22日）"));
    expect(validateBlocks(post.blocks, "message")).toEqual([]);
    const { messages: thread } = await call(`/sandbox/api/replies?channel=C0SUMMARY&ts=${post.ts}&user=${USER}`);
    const png = thread.flatMap((m: any) => m.files ?? []).find((f: any) => f.mimetype === "image/png");
    const res = await fetch(new URL(png.url, sandbox.url));
    expect(res.headers.get("content-type")).toBe("image/png");
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });

  it("reacting ✅ to a ping reaches the bot as a reaction event", async () => {
    await call("/sandbox/api/jobs/run", { job: "overdue_pings", at: "2026-11-23T09:01:00+08:00" });
    const ms = await messagesUntil((m) => m.some((x) => String(x.text).startsWith("逾期提醒")));
    const ping = ms.find((x: any) => String(x.text).startsWith("逾期提醒"));
    expect(await call("/sandbox/api/reaction", { user: USER, channel: CH, ts: ping.ts, name: "white_check_mark", add: true })).toEqual({ ok: true });
    const after = await messagesUntil((m) => m.some((x) => x.ts === ping.ts && x.reactions?.[0]?.count === 1));
    expect(after.find((x: any) => x.ts === ping.ts).reactions[0]).toMatchObject({ name: "white_check_mark", users: [USER] });
  });

  it("publishes the App Home when it is opened", async () => {
    await call("/sandbox/api/home/open", { user: USER });
    const view = await poll(async () => (await call(`/sandbox/api/home?user=${USER}`)).view, "the home view");
    expect(textOf(view.blocks)).toContain("我的项目");
  });
});
