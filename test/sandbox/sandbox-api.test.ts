import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayInProse } from "../../src/domain/glossary.ts";
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

/** The token the server hands a page (in a meta tag), as the page's api.js sends it. */
async function pageToken(): Promise<string> {
  const html = await (await fetch(sandbox.url)).text();
  return /<meta name="sandbox-token" content="([0-9a-f]+)">/.exec(html)![1];
}
let token = "";

async function call(path: string, body?: unknown) {
  token ||= await pageToken();
  const res = await fetch(new URL(path, sandbox.url), body === undefined ? undefined : { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", "x-sandbox-token": token } });
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

describe("only the sandbox's own page drives it", () => {
  const command = { user: USER, channel: CH, text: "/project 查看 #2" };
  const sent = () => sandbox.standin.calls.filter((c) => c.method === "chat.postEphemeral").length;

  it("listens on 127.0.0.1 only", () => {
    expect(new URL(sandbox.url).hostname).toBe("127.0.0.1");
  });

  it("refuses a cross-site text/plain POST (no preflight), a POST without the page's token, and another origin", async () => {
    const before = sent();
    const post = (headers: Record<string, string>) => fetch(new URL("/sandbox/api/command", sandbox.url), { method: "POST", body: JSON.stringify(command), headers });
    const t = await pageToken();
    const plain = await post({ "content-type": "text/plain", origin: "https://evil.example", "x-sandbox-token": t });
    expect([plain.status, (await plain.json()).error]).toEqual([403, "json_only"]);
    const noToken = await post({ "content-type": "application/json" });
    expect([noToken.status, (await noToken.json()).error]).toEqual([403, "page_token_required"]);
    const forged = await post({ "content-type": "application/json", "x-sandbox-token": "0".repeat(32) });
    expect(forged.status).toBe(403);
    const elsewhere = await post({ "content-type": "application/json", origin: "https://evil.example", "x-sandbox-token": t });
    expect([elsewhere.status, (await elsewhere.json()).error]).toEqual([403, "cross_origin"]);
    await new Promise((r) => setTimeout(r, 200));
    expect(sent()).toBe(before);
  });

  it("refuses a request naming another host (DNS rebinding)", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((ok, fail) => {
      const u = new URL("/sandbox/api/state", sandbox.url);
      request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: `evil.example:${u.port}` } }, (res) => ok(res.statusCode!)).on("error", fail).end();
    });
    expect(status).toBe(403);
  });

  it("accepts the page's own JSON with its token, from its origin", async () => {
    const t = await pageToken();
    const res = await fetch(new URL("/sandbox/api/command", sandbox.url), { method: "POST", body: JSON.stringify(command), headers: { "content-type": "application/json", origin: new URL(sandbox.url).origin, "x-sandbox-token": t } });
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe("sandbox API", () => {
  it("describes the workspace: people from seed 003, a channel per group, the summary channel", async () => {
    const state = await call("/sandbox/api/state");
    expect(state.workspace).toBe("招商调度 沙盒");
    expect(state.users.find((u: any) => u.id === USER).real_name).toContain("李明远"); // the demo's fictional commissioner of 数字经济产业招商组
    expect(state.channels.map((c: any) => c.name)).toEqual(expect.arrayContaining(["招商调度", "数字经济产业招商组"]));
    expect(state.jobs.map((j: any) => j.job)).toContain("weekly_summary");
  });

  it("has no demo mistakes: one account per person, no 项目项目, stage dates of another year keep the year", async () => {
    const state = await call("/sandbox/api/state");
    const people = state.users.map((u: any) => String(u.real_name).replace(/（.*$/, ""));
    expect(people.filter((n: string) => n === "李明远")).toHaveLength(1);
    expect(new Set(people).size).toBe(people.length);
    expect(await sandbox.store.db.project.count({ where: { name: { contains: "项目项目" } } })).toBe(0);
    // A project of the member's group that started last year: its card writes the year of that date.
    const group = await sandbox.store.db.group.findFirstOrThrow({ where: { name: "数字经济产业招商组" } });
    const started = await sandbox.store.db.project.findFirstOrThrow({ where: { groupId: group.id, startedAt: { startsWith: "2025-" } }, orderBy: { id: "asc" } });
    expect(await call("/sandbox/api/command", { user: USER, channel: CH, text: `/project 查看 #${started.id}` })).toEqual({ ok: true });
    const ms = await messagesUntil((m) => m.some((x) => x.ephemeral && textOf(x.blocks).includes(`#${started.id} `)));
    const card = textOf(ms.filter((x: any) => x.ephemeral).at(-1).blocks);
    expect(card).toContain(`开工 ${dayInProse(started.startedAt!, true)}`);
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
    // The clock moved to the chosen moment and ran on while the job worked (slow on a busy machine).
    const ran = Date.parse(r.now) - Date.parse("2026-11-23T00:31:00Z");
    expect(ran).toBeGreaterThanOrEqual(0);
    expect(ran).toBeLessThan(120_000);
    expect(r.outcomes).toEqual([expect.objectContaining({ job: "weekly_summary", period: "2026-W47", status: "posted" })]);
    const ms = await messagesUntil((m) => m.some((x) => x.reply_count), "C0SUMMARY");
    const post = ms.find((x: any) => textOf(x.blocks).includes("招商引资工作周调度（2026年第47周，11月16日—22日）"));
    expect(validateBlocks(post.blocks, "message")).toEqual([]);
    // Slack shares uploaded files a moment after files.completeUploadExternal answers: wait for them.
    const png = await poll(async () => {
      const { messages: thread } = await call(`/sandbox/api/replies?channel=C0SUMMARY&ts=${post.ts}&user=${USER}`);
      return thread.flatMap((m: any) => m.files ?? []).find((f: any) => f.mimetype === "image/png");
    }, "the charts in the thread");
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

  it("runs every example of the help as written, as a member of 数字经济组 in its channel", async () => {
    const { helpExamples } = await import("../../src/slack-grammar/help.ts");
    const { parseProjectCommand } = await import("../../src/slack-grammar/parse.ts");
    const failures: string[] = [];
    // The 督办 loop's and the meeting's steps belong to other roles (督办员, 责任人 of a given
    // item, the meeting's secretary) and depend on the item's state: a member's run checks that
    // they are understood as written; test/slack/supervision-loop and test/meetings run them.
    const otherRoles = /^\/project (督办|反馈|申请销号|销号|退回|延期|决定|散会)(\s|$)/;
    for (const example of helpExamples().filter((e) => otherRoles.test(e))) {
      const parsed = parseProjectCommand(example.replace(/^\/project /, ""), "2026-11-23");
      if (!parsed.ok) failures.push(`${example}\n  → ${parsed.error.split("\n")[0]}`);
    }
    for (const example of helpExamples().filter((e) => !otherRoles.test(e))) {
      const before = sandbox.standin.ephemerals().length;
      const modalsBefore = sandbox.standin.calls.filter((c) => c.method === "views.open" && c.ok).length;
      expect(await call("/sandbox/api/command", { user: USER, channel: CH, text: example })).toEqual({ ok: true });
      // An answer (ephemeral) or a form (views.open) comes back for every example.
      const answered = await poll(async () => {
        const eph = sandbox.standin.ephemerals().slice(before);
        const modal = sandbox.standin.calls.filter((c) => c.method === "views.open" && c.ok).length > modalsBefore;
        return eph.length || modal ? { text: eph.map((e) => textOf(e.blocks)).join("\n"), modal } : null;
      }, `an answer to ${example}`);
      if (answered.modal) {
        const { view } = await call(`/sandbox/api/modal?user=${USER}`);
        if (view) await call("/sandbox/api/view/close", { user: USER, view_id: view.id });
      }
      // A refusal is a first line starting ⚠️ (the stalled list's own heading aside).
      const first = answered.text.split("\n")[0]!;
      if ((first.startsWith("⚠️") && !first.includes("滞后项目清单")) || /没有找到|没有编号为|处理时出错|请用 工作组=/.test(answered.text)) failures.push(`${example}\n  → ${answered.text.split("\n")[0]}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("publishes the App Home when it is opened", async () => {
    await call("/sandbox/api/home/open", { user: USER });
    const view = await poll(async () => (await call(`/sandbox/api/home?user=${USER}`)).view, "the home view");
    expect(textOf(view.blocks)).toContain("我的项目");
  });

  it.each([
    ["a 督办员", "U0DUBAN1", "待复核的销号申请"],
    ["a 包联领导", "U0BAOL01", "我包联的项目"],
  ])("shows the App Home of %s", async (_who, user, says) => {
    await call("/sandbox/api/home/open", { user });
    const view = await poll(async () => (await call(`/sandbox/api/home?user=${user}`)).view, "the home view");
    expect(textOf(view.blocks)).toContain(says);
  });
});
