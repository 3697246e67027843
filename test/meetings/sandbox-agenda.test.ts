import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { startSandbox, type Sandbox } from "../../src/sandbox/start-sandbox.ts";
import { validateBlocks } from "../../src/slack-standin/index.ts";
import { decisionsUpTo } from "../../src/store/meetings.ts";
import { textOf } from "../helpers/slack-harness.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The sandbox page's jobs panel runs the agenda, and a decision is recorded
// from its button through the page's own API (action, modal, submit).

let sandbox: Sandbox;
let store: TestStore;
const ADMIN = "U0ADMIN";
const SUMMARY = "C0SUMMARY";

let token = "";

/** As the page calls its API: with the token the server put in the page (a meta tag). */
async function call(path: string, body?: unknown) {
  token ||= /<meta name="sandbox-token" content="([0-9a-f]+)">/.exec(await (await fetch(sandbox.url)).text())![1]!;
  const res = await fetch(new URL(path, sandbox.url), body === undefined ? undefined : { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", "x-sandbox-token": token } });
  return res.json() as Promise<Record<string, any>>;
}

async function poll<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never saw ${what}`);
}

beforeAll(async () => {
  store = await createTestStore();
  await store.close();
  sandbox = await startSandbox({ port: 0, databaseUrl: store.url, logger: createLogger("silent"), now: new Date("2026-11-23T01:00:00Z") });
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  await store.destroy();
});

describe("the agenda in the sandbox", () => {
  it("the jobs panel lists and runs meeting_agenda; a decision is recorded from its button", { timeout: 180_000 }, async () => {
    const state = await call("/sandbox/api/state");
    expect(state.jobs.map((j: any) => j.job)).toContain("meeting_agenda");
    const r = await call("/sandbox/api/jobs/run", { job: "meeting_agenda", at: "2026-11-23T16:01:00+08:00" });
    expect(r.outcomes).toEqual([expect.objectContaining({ job: "meeting_agenda", period: "2026-11-24", status: "posted" })]);
    const messages = await poll(async () => {
      const { messages } = await call(`/sandbox/api/messages?channel=${SUMMARY}&user=${ADMIN}`);
      return messages.some((m: any) => textOf(m.blocks).includes("会前议程")) ? messages : null;
    }, "the agenda");
    const agenda = messages.find((m: any) => textOf(m.blocks).includes("会前议程"));
    expect(validateBlocks(agenda.blocks, "message")).toEqual([]);
    const button = agenda.blocks.map((b: any) => b.accessory).find((a: any) => a?.action_id?.startsWith("meeting_decide:"));
    expect(button).toBeTruthy();
    expect(await call("/sandbox/api/action", { user: ADMIN, channel: SUMMARY, message_ts: agenda.ts, action: { type: "button", block_id: "b", action_id: button.action_id, value: button.value } })).toMatchObject({ ok: true });
    const view = await poll(async () => (await call(`/sandbox/api/modal?user=${ADMIN}`)).view, "the decision form");
    expect(textOf(view.blocks)).toContain("决定事项");
    const answer = await call("/sandbox/api/view/submit", {
      user: ADMIN,
      view_id: view.id,
      values: {
        matter: { matter: { type: "plain_text_input", value: "协调解决项目用地指标" } },
        unit: { unit: { type: "plain_text_input", value: "区规划自然资源局" } },
        owner: { owner: { type: "users_select", selected_user: ADMIN } },
        deadline: { deadline: { type: "datepicker", selected_date: "2026-12-15" } },
      },
    });
    expect(answer).toMatchObject({ ok: true, closed: true });
    const decisions = await poll(async () => {
      const list = await decisionsUpTo(sandbox.store.db, "2026-12-31");
      return list.length ? list : null;
    }, "the decision");
    expect(decisions[0]).toMatchObject({ matter: "协调解决项目用地指标", unit: "区规划自然资源局", owner: `<@${ADMIN}>`, deadline: "2026-12-15" });
    expect(decisions[0].supervisionId).not.toBeNull();
  });
});
