import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signSlackRequest } from "../../src/slack-standin/index.ts";
import { listFunds } from "../../src/store/funds.ts";
import { getProject } from "../../src/store/projects.ts";
import { ADMIN, MEMBER, OTHER, SECRET, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

let h: Harness;
let projectId: number;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function run(text: string, user = MEMBER) {
  const r = await h.slash(text, user);
  expect(r.status).toBe(200);
  const [payload] = await h.responses(r.responseId);
  return { ...r, payload, text: textOf(payload.blocks) };
}

describe("/project over signed HTTP", () => {
  it("answers help with real examples", async () => {
    const { payload, text } = await run("帮助");
    expect(payload.response_type).toBe("ephemeral");
    expect(text).toContain("/project 更新");
    expect(text).toContain("/project 到位");
  });

  it("creates a project from one line and shows its card", async () => {
    const { text } = await run(`新建 锂电正极材料项目 投资方=某某新能源 来源=市外 类别=工业 工作组=新材料 牵头单位=白涛园区 协议资金=25亿`);
    expect(text).toContain("已新建项目");
    const id = Number(/#(\d+)/.exec(text)![1]);
    projectId = id;
    const p = (await getProject(h.store.db, id))!;
    expect(p).toMatchObject({ name: "锂电正极材料项目", agreedWan: 250_000, origin: "OUTSIDE_CITY", responsibleUserIds: [MEMBER] });
    expect(text).toContain("重大项目");
  });

  it("updates the stage and confirms old → new", async () => {
    const { text } = await run(`更新 #${projectId} 阶段=签约 下一步="办理工商注册" 截止=12-15`);
    expect(text).toContain("已保存");
    expect(text).toMatch(/阶段：线索 → \*签约\*/);
    expect(text).toContain("下一步截止");
    expect((await getProject(h.store.db, projectId))!.nextStepDue).toBe("2026-12-15");
  });

  it("refuses a change by someone outside the group, saying who may", async () => {
    const { text } = await run(`更新 #${projectId} 问题="无"`, OTHER);
    expect(text).toContain("没有修改项目");
    expect(text).toContain("工作组成员");
    expect((await getProject(h.store.db, projectId))!.blockers).toBe("");
  });

  it("lets an admin change any project", async () => {
    const { text } = await run(`更新 #${projectId} 问题="用地指标待落实"`, ADMIN);
    expect(text).toContain("已保存");
  });

  it("records funds once when Slack retries, and again when the person types the same command anew", async () => {
    const first = await h.slash(`到位 #${projectId} +500万`);
    // Slack signs a retry afresh (new timestamp), with the same body.
    const later = Math.floor(Date.now() / 1000) + 2;
    const retry = await h.post(first.body, {
      "x-slack-request-timestamp": String(later),
      "x-slack-signature": signSlackRequest(SECRET, later, first.body),
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    const [ok] = await h.responses(first.responseId);
    expect(textOf(ok.blocks)).toContain("已登记");
    await h.settled();
    expect(await listFunds(h.store.db, { projectId })).toHaveLength(1);
    // The same text typed again is a new command (a second tranche), not a retry (issue #14, item 9).
    const again = await h.slash(`到位 #${projectId} +500万`);
    expect(again.status).toBe(200);
    const [second] = await h.responses(again.responseId);
    expect(textOf(second.blocks)).toContain("已登记");
    expect(JSON.stringify(second)).not.toContain("slash:");
    expect((await listFunds(h.store.db, { projectId })).map((f) => f.amountWan)).toEqual([500, 500]);
  });

  it("refuses funds for someone outside the group, for a missing project, and a bad amount", async () => {
    expect(await run(`到位 #${projectId} +100万`, OTHER).then((r) => r.text)).toContain("没有为项目");
    expect(await run("到位 #9999 +100万").then((r) => r.text)).toContain("没有编号为 #9999 的项目");
    expect(await run(`到位 #${projectId} 2.5`).then((r) => r.text)).toContain("2.5亿");
    expect(await listFunds(h.store.db, { projectId })).toHaveLength(2);
  });

  it("refuses an unknown subcommand with the closest ones", async () => {
    const { text } = await run("跟新 #1");
    expect(text).toContain("更新");
  });

  it("shows a pick list when a name matches several projects, and the closest names when none", async () => {
    await run(`新建 锂电负极材料项目 投资方=另一家 来源=市外 类别=工业 工作组=新材料`);
    const several = await run("查看 锂电");
    expect(several.text).toContain("有 2 个项目的名称包含“锂电”");
    const none = await run("查看 钠电池");
    expect(none.text).toContain("没有找到");
  });

  it("opens the prefilled form when a command has too little to act on", async () => {
    const r = await h.slash(`更新 #${projectId}`);
    expect(r.status).toBe(200);
    const [call] = await h.waitForCall("views.open");
    expect(call.ok).toBe(true);
    expect(JSON.stringify(call.args.view)).toContain("form_update");
  });

  it("refuses bad input in Chinese with an example", async () => {
    const { text } = await run(`更新 #${projectId} 阶段=飞升`);
    expect(text).toMatch(/阶段/);
    expect(text).toContain("例如");
  });
});

describe("request signing", () => {
  const body = "command=%2Fproject&text=%E5%B8%AE%E5%8A%A9&user_id=U0MEMBER&team_id=T0TEST&channel_id=C0GENERAL&trigger_id=t&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx";
  const send = (headers: Record<string, string>) => fetch(`${h.base}/slack/events`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });

  it("refuses a bad signature, a stale timestamp and a replay with 401 and changes nothing", async () => {
    const before = h.standin.calls.length;
    const ts = Math.floor(Date.now() / 1000);
    expect((await send({ "x-slack-request-timestamp": String(ts), "x-slack-signature": "v0=" + "0".repeat(64) })).status).toBe(401);
    const stale = ts - 6 * 60;
    expect((await send({ "x-slack-request-timestamp": String(stale), "x-slack-signature": signSlackRequest(SECRET, stale, body) })).status).toBe(401);
    // Ten minutes in the future is outside Slack's tolerance too (issue #14, item 9).
    const future = ts + 10 * 60;
    expect((await send({ "x-slack-request-timestamp": String(future), "x-slack-signature": signSlackRequest(SECRET, future, body) })).status).toBe(401);
    const headers = { "x-slack-request-timestamp": String(ts), "x-slack-signature": signSlackRequest(SECRET, ts, body) };
    expect(h.standin.calls.slice(before).filter((c) => c.method !== "auth.test")).toEqual([]);
    const firstStatus = (await send(headers)).status;
    expect(firstStatus).toBe(200);
    await h.settled();
    // The genuine request is answered (its response_url here is unreachable, so by direct message); the replay causes nothing.
    const answered = h.standin.calls.length;
    expect(h.standin.calls.slice(before).filter((c) => c.method === "chat.postMessage").map((c) => c.args.channel)).toEqual(["U0MEMBER"]);
    expect((await send(headers)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    await h.settled();
    expect(h.standin.calls.length).toBe(answered);
  });

  it("answers /health while the store is reachable", async () => {
    const res = await fetch(`${h.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });
});
