import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rejection, startHarness, type Harness } from "./standin-client.ts";

// views.* with trigger_id expiry, the external file upload flow and response_url limits.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.standin.close();
});

const plain = (text: string) => ({ type: "plain_text" as const, text });
const modal = {
  type: "modal" as const,
  callback_id: "report_progress",
  external_id: "progress-P001",
  title: plain("填报进度"),
  submit: plain("提交"),
  blocks: [{ type: "input", block_id: "amount", label: plain("到位资金（万元）"), element: { type: "plain_text_input", action_id: "v" } }],
};

describe("views", () => {
  it("opens a modal with a fresh trigger_id, once", async () => {
    const trigger = h.standin.issueTriggerId();
    h.clock.t += 3000; // exactly 3 s old is still usable
    const r = await h.client.views.open({ trigger_id: trigger, view: modal });
    expect(r.view).toMatchObject({ type: "modal", callback_id: "report_progress", external_id: "progress-P001", app_id: "A0STANDIN" });
    expect(h.standin.view(r.view!.id!)?.blocks).toEqual(modal.blocks);
    expect((await rejection(h.client.views.open({ trigger_id: trigger, view: modal }))).data?.error).toBe("exchanged_trigger_id");
  });

  it("answers expired_trigger_id past 3 seconds and invalid_trigger_id for ids it never issued", async () => {
    const trigger = h.standin.issueTriggerId();
    h.clock.t += 3001;
    expect((await rejection(h.client.views.open({ trigger_id: trigger, view: modal }))).data?.error).toBe("expired_trigger_id");
    const made_up = "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect((await rejection(h.client.views.open({ trigger_id: made_up, view: modal }))).data?.error).toBe("invalid_trigger_id");
  });

  it("rejects an invalid view with Slack-style messages and leaves the trigger unused", async () => {
    const trigger = h.standin.issueTriggerId();
    const bad = { ...modal, title: plain("这是一个超过二十四个字符限制的非常非常长的弹窗标题") };
    const e = await rejection(h.client.views.open({ trigger_id: trigger, view: bad }));
    expect(e.data).toMatchObject({ error: "invalid_arguments", response_metadata: { messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"] } });
    expect((await h.client.views.open({ trigger_id: trigger, view: modal })).ok).toBe(true);
  });

  it("updates by view_id or external_id, honouring hash", async () => {
    const opened = await h.client.views.open({ trigger_id: h.standin.issueTriggerId(), view: modal });
    const id = opened.view!.id!;
    const byId = await h.client.views.update({ view_id: id, hash: opened.view!.hash, view: { ...modal, title: plain("已提交") } });
    expect(byId.view).toMatchObject({ id, title: plain("已提交") });
    expect((await rejection(h.client.views.update({ view_id: id, hash: opened.view!.hash, view: modal }))).data?.error).toBe("hash_conflict");
    const byExternal = await h.client.views.update({ external_id: "progress-P001", view: modal });
    expect(byExternal.view?.id).toBe(id);
    expect((await rejection(h.client.views.update({ view_id: "V0NOPE", view: modal }))).data?.error).toBe("not_found");
    expect((await rejection(h.client.apiCall("views.update", { view: modal }))).data?.error).toBe("invalid_arguments");
    const pushed = await h.client.views.push({ trigger_id: h.standin.issueTriggerId(), view: { ...modal, external_id: undefined } });
    expect(pushed.view?.id).not.toBe(id);
  });

  it("publishes a home tab per user", async () => {
    h.standin.addUser({ id: "U0ALICE", name: "alice" });
    const home = { type: "home" as const, blocks: [{ type: "header", text: plain("我的项目") }] };
    const first = await h.client.views.publish({ user_id: "U0ALICE", view: home });
    const again = await h.client.views.publish({ user_id: "U0ALICE", view: home });
    expect(again.view?.id).toBe(first.view?.id);
    expect(h.standin.homeView("U0ALICE")?.blocks).toEqual(home.blocks);
    expect((await rejection(h.client.views.publish({ user_id: "U0NOBODY", view: home }))).data?.error).toBe("user_not_found");
    expect((await rejection(h.client.views.publish({ user_id: "U0ALICE", view: modal as never }))).data?.error).toBe("invalid_arguments");
  });
});

describe("file upload", () => {
  const bytes = Buffer.from("项目,金额\nP001,1200\n", "utf8");

  it("getUploadURLExternal → POST bytes → completeUploadExternal, end to end", async () => {
    const { upload_url, file_id } = await h.client.files.getUploadURLExternal({ filename: "周报.csv", length: bytes.length });
    expect(upload_url).toBe(`${h.standin.origin}/upload/${file_id}`);
    const up = await fetch(upload_url!, { method: "POST", body: bytes });
    expect(up.status).toBe(200);
    expect(await up.text()).toBe(`OK - ${bytes.length}`);

    const posted = await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "周报" });
    const done = await h.client.files.completeUploadExternal({
      files: [{ id: file_id!, title: "第47周周报" }],
      channel_id: "C0DISPATCH",
      thread_ts: posted.ts!,
      initial_comment: "请查收",
    });
    // As Slack: the answer names the files; the share shows up a moment later.
    expect(done.files).toEqual([{ id: file_id, title: "第47周周报" }]);
    const stored = h.standin.file(file_id!)!;
    expect(stored).toMatchObject({ completed: true, channels: [] });
    expect(h.standin.messages("C0DISPATCH")).toHaveLength(1);
    await h.standin.settled();

    expect(stored.bytes?.equals(bytes)).toBe(true);
    expect(stored).toMatchObject({ completed: true, channels: ["C0DISPATCH"], thread_ts: posted.ts, initial_comment: "请查收", length: bytes.length });
    const reply = (await h.client.conversations.replies({ channel: "C0DISPATCH", ts: posted.ts! })).messages![1];
    expect(reply).toMatchObject({ text: "请查收", files: [expect.objectContaining({ id: file_id })] });
    expect(h.standin.callsTo("upload_url")).toEqual([expect.objectContaining({ ok: true, args: { file_id, bytes: bytes.length } })]);
    expect((await fetch(upload_url!, { method: "POST", body: "again" })).status).toBe(404);
  });

  it("works through WebClient's own filesUploadV2 (multipart upload)", async () => {
    const r = await h.client.filesUploadV2({ channel_id: "C0DISPATCH", file: bytes, filename: "周报.csv", title: "周报" });
    expect(r.ok).toBe(true);
    const [call] = h.standin.callsTo("files.completeUploadExternal");
    const id = (call.args.files as { id: string }[])[0].id;
    expect(h.standin.file(id)?.bytes?.equals(bytes)).toBe(true);
  });

  it("checks arguments and refuses to complete a file whose bytes never arrived", async () => {
    expect((await rejection(h.client.apiCall("files.getUploadURLExternal", { filename: "a.csv" }))).data?.error).toBe("invalid_arguments");
    const { file_id } = await h.client.files.getUploadURLExternal({ filename: "a.csv", length: 3 });
    expect((await rejection(h.client.files.completeUploadExternal({ files: [{ id: file_id! }] }))).data?.error).toBe("file_not_found");
    expect((await fetch(`${h.standin.origin}/upload/F0NOPE`, { method: "POST", body: "x" })).status).toBe(404);
  });
});

describe("response_url", () => {
  const post = (url: string, body: unknown) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("allows 5 uses and answers used_url on the 6th", async () => {
    const url = h.standin.responseUrl("cmd-1", { channel: "C0DISPATCH", user: "U0ALICE" });
    expect(url).toBe(`${h.standin.origin}/response/cmd-1`);
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await post(url, { text: `第${i}次` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    const calls = h.standin.callsTo("response_url");
    expect(calls).toHaveLength(6);
    expect(calls[5]).toMatchObject({ ok: false, error: "used_url", status: 404, args: { id: "cmd-1", text: "第6次" } });
    expect(h.standin.responseUrlRecord("cmd-1")?.uses).toBe(5);
    expect(h.standin.ephemerals()).toHaveLength(5);
  });

  it("expires after 30 minutes", async () => {
    const url = h.standin.responseUrl("cmd-2");
    h.clock.t += 30 * 60 * 1000;
    expect((await post(url, { text: "ok" })).status).toBe(200);
    h.clock.t += 1;
    const res = await post(url, { text: "late" });
    expect([res.status, await res.json()]).toEqual([404, { ok: false, error: "expired_url" }]);
  });

  it("validates payloads like messages and applies them to the channel", async () => {
    const original = await h.client.chat.postMessage({ channel: "C0DISPATCH", text: "待审批" });
    const url = h.standin.responseUrl(undefined, { channel: "C0DISPATCH", user: "U0ALICE", messageTs: original.ts! });
    expect((await post(url, { response_type: "in_channel" })).status).toBe(400);
    const bad = await post(url, { blocks: [{ type: "header", text: { type: "mrkdwn", text: "x" } }] });
    expect(await bad.json()).toEqual({ ok: false, error: "invalid_blocks", response_metadata: { messages: ["[ERROR] must be plain_text [json-pointer:/blocks/0/text/type]"] } });
    expect((await post(url, { replace_original: true, text: "已审批" })).status).toBe(200);
    expect((await post(url, { response_type: "in_channel", text: "公告" })).status).toBe(200);
    expect(h.standin.messages("C0DISPATCH").map((m) => m.text)).toEqual(["已审批", "公告"]);
    expect((await post(url, { delete_original: true })).status).toBe(200);
    expect(h.standin.messages("C0DISPATCH").map((m) => m.text)).toEqual(["公告"]);
    expect((await post(`${h.standin.origin}/response/never-issued`, { text: "x" })).status).toBe(404);
  });
});
