import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPERVISION_FORM } from "../../src/slack/blocks/supervision-blocks.ts";
import { createProject } from "../../src/store/projects.ts";
import { writeSetting } from "../../src/store/settings.ts";
import { appendSupervisionStep, loadSupervision } from "../../src/store/supervision.ts";
import { newProject } from "../fixtures/factories.ts";
import { ADMIN, CHANNEL, MEMBER, OTHER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// Whoever must act next in the 督办 loop hears of it in the app's DM: the
// 督办员 who listed an item when its 责任人 asks for 销号, the 责任人 when a
// 督办员 returns the request, with the reason. Signed requests into the bot,
// the DMs read from the Slack stand-in, the steps from the store.

const SUP = "U0SUPDM";
const SUP2 = "U0SUPDM2";
const OWNER = "U0OWNERDM";
/** A 责任人 the workspace does not know (left, or a typo'd id): Slack refuses the DM. */
const GONE = "U0GONE";
let h: Harness;
let projectId: number;
let viewSeq = 0;

beforeAll(async () => {
  h = await startHarness();
  for (const id of [SUP, SUP2, OWNER]) h.standin.addUser({ id, name: id.toLowerCase() });
  h.standin.addChannel({ id: CHANNEL, name: "general", members: [MEMBER, OTHER, ADMIN, SUP, SUP2, OWNER, h.standin.bot.userId] });
  await writeSetting(h.store.db, "supervisors", [SUP, SUP2]);
  projectId = (await createProject(h.store.db, newProject({ name: "锂电隔膜项目", groupId: h.groupId, responsibleUserIds: [OWNER, GONE] }), { author: "seed", source: "CLI" }, { at: h.clock.now })).id;
});
afterAll(async () => {
  await h.close();
});

async function say(text: string, user: string): Promise<string> {
  const { responseId } = await h.slash(text, user);
  const [reply] = await h.responses(responseId);
  await h.settled();
  return textOf(reply!.blocks) + "\n" + String(reply!.text);
}

async function submitReturn(itemId: number, reason: string, user: string): Promise<string> {
  const res = await h.interact({
    type: "view_submission",
    user: { id: user, username: user.toLowerCase(), team_id: "T0TEST" },
    team: { id: "T0TEST" },
    view: { id: `VDM${++viewSeq}`, type: "modal", callback_id: SUPERVISION_FORM, private_metadata: JSON.stringify({ itemId, kind: "RETURN", channelId: CHANNEL }), state: { values: { note: { note: { type: "plain_text_input", value: reason } } } }, hash: "h" },
  });
  const body = await res.text();
  await h.settled();
  return body;
}

/** The bot's DMs to `user` since the last clear(): new messages posted to their id, outside any thread. */
const dmsTo = (user: string) => h.standin.callsTo("chat.postMessage").filter((c) => c.ok && c.args.channel === user && !c.args.thread_ts);
const textsOf = (calls: ReturnType<typeof dmsTo>) => calls.map((c) => `${textOf(c.args.blocks)}\n${String(c.args.text)}`);

async function listItem(owner: string, issue: string): Promise<number> {
  h.clock.now = new Date("2026-11-23T02:00:00Z");
  expect(await say(`督办 #${projectId} 事项="${issue}" 责任人=<@${owner}> 期限=12-10`, SUP)).toContain("挂牌督办");
  return (await h.store.db.supervisionItem.findFirstOrThrow({ where: { projectId, issue } })).id;
}

describe("DMs of the 督办 loop", () => {
  let item: number;

  it("a 申请销号 reaches the 督办员 who listed the item, with the 说明 and the buttons to 复核", async () => {
    item = await listItem(OWNER, "环评批复未下达");
    h.standin.clear();
    expect(await say(`反馈 督办${item} 已报市生态环境局`, OWNER)).toContain("反馈已记录");
    expect(dmsTo(SUP)).toEqual([]); // a 反馈 is nobody's turn but the owner's
    expect(await say(`申请销号 督办${item} 说明="环评批复已下达"`, OWNER)).toContain("待督办员复核");
    const [dm, ...more] = dmsTo(SUP);
    expect(more).toEqual([]);
    const [text] = textsOf([dm!]);
    expect(text).toContain(`督办${item}（#${projectId} 锂电隔膜项目）：环评批复未下达`);
    expect(text).toContain(`责任人 <@${OWNER}> 已申请销号，说明：环评批复已下达`);
    expect(text).toContain("请复核");
    expect(JSON.stringify(dm!.args.blocks)).toContain(`sup_approve_${item}`);
    expect(JSON.stringify(dm!.args.blocks)).toContain(`sup_return_${item}`);
    // Only the 督办员 who listed it: not the other 督办员, not the owner.
    expect(dmsTo(SUP2)).toEqual([]);
    expect(dmsTo(OWNER)).toEqual([]);
  });

  it("a 退回 reaches the 责任人 with the reason; a repeat of the same form sends nothing twice", async () => {
    h.clock.now = new Date("2026-11-24T02:00:00Z");
    h.standin.clear();
    expect(await submitReturn(item, "批复文号未附", SUP2)).toBe("");
    expect((await loadSupervision(h.store.db, item, "Asia/Shanghai"))!.status).toBe("OPEN");
    const dms = dmsTo(OWNER);
    expect(dms).toHaveLength(1);
    const [text] = textsOf(dms);
    expect(text).toContain(`督办${item}（#${projectId} 锂电隔膜项目）`);
    expect(text).toContain(`销号申请已被督办员 <@${SUP2}> 退回，理由：批复文号未附`);
    expect(text).toContain("办结后再次申请销号");
    expect(JSON.stringify(dms[0]!.args.blocks)).toContain(`sup_request_${item}`);
    // Slack re-delivers the same submission (same view id): recorded once, told once.
    viewSeq -= 1;
    await submitReturn(item, "批复文号未附", SUP2);
    expect(dmsTo(OWNER)).toHaveLength(1);
    expect(dmsTo(SUP2)).toEqual([]);
  });

  it("a 退回 by slash command too; and the second 申请销号, by the button, reaches the listing 督办员 again", async () => {
    h.clock.now = new Date("2026-11-25T02:00:00Z");
    h.standin.clear();
    expect((await h.click({ action_id: `sup_request_${item}`, value: String(item) }, { user: OWNER })).status).toBe(200);
    await h.settled();
    expect((await loadSupervision(h.store.db, item, "Asia/Shanghai"))!.status).toBe("REVIEW");
    expect(textsOf(dmsTo(SUP)).join()).toContain(`责任人 <@${OWNER}> 已申请销号。请复核`);
    h.standin.clear();
    expect(await say(`退回 督办${item} 理由="文号与批复不一致"`, SUP)).toContain("已退回");
    expect(textsOf(dmsTo(OWNER)).join()).toContain("理由：文号与批复不一致");
    h.standin.clear();
    expect(await say(`申请销号 督办${item} 说明="已更正"`, OWNER)).toContain("待督办员复核");
    expect(textsOf(dmsTo(SUP)).join()).toContain("说明：已更正");
  });

  it("a 责任人 Slack cannot reach: the step stands, and the 督办员 is told the DM did not arrive", async () => {
    const gone = await listItem(GONE, "用地预审");
    // The 责任人 asked for 销号, then left the workspace.
    const listed = (await loadSupervision(h.store.db, gone, "Asia/Shanghai"))!;
    expect(await appendSupervisionStep(h.store.db, listed, { kind: "REQUEST_CLOSE", by: GONE, on: "2026-11-23", note: "已完成" }, { author: GONE, source: "SLASH" }, { at: h.clock.now })).toBe(true);
    h.clock.now = new Date("2026-11-24T02:00:00Z");
    h.standin.clear();
    h.expectRefusal("chat.postMessage", "channel_not_found");
    const reply = await say(`退回 督办${gone} 理由="预审意见未附"`, SUP);
    expect(reply).toContain("已退回");
    expect(reply).toContain(`未能私信 <@${GONE}>（Slack：channel_not_found），请另行告知`);
    expect((await loadSupervision(h.store.db, gone, "Asia/Shanghai"))!.status).toBe("OPEN");
  });
});
