import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { SUPERVISION_FORM } from "../../src/slack/blocks/supervision-blocks.ts";
import { buildSupervisionReport } from "../../src/services/supervision-report-service.ts";
import { createProject } from "../../src/store/projects.ts";
import { writeSetting } from "../../src/store/settings.ts";
import { loadSupervision } from "../../src/store/supervision.ts";
import { newProject } from "../fixtures/factories.ts";
import { ADMIN, CHANNEL, MEMBER, OTHER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// The 督办 loop end to end: signed slash commands, button clicks and form
// submissions into the bot, every reply checked through the Slack stand-in,
// every state read back from the store, and a past day's list showing that
// day's state.

const SUP = "U0SUPER";
const OWNER = "U0OWNER";
let h: Harness;
let projectId: number;
let viewSeq = 0;
const TZ = "Asia/Shanghai";

beforeAll(async () => {
  h = await startHarness();
  for (const id of [SUP, OWNER]) h.standin.addUser({ id, name: id.toLowerCase() });
  h.standin.addChannel({ id: CHANNEL, name: "general", members: [MEMBER, OTHER, ADMIN, SUP, OWNER, h.standin.bot.userId] });
  await writeSetting(h.store.db, "supervisors", [SUP]);
  const p = await createProject(h.store.db, newProject({ name: "电子铜箔项目", groupId: h.groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-09-01" } }), { author: "seed", source: "CLI" }, { at: h.clock.now });
  projectId = p.id;
});
afterAll(async () => {
  await h.close();
});

const onDay = (day: string) => (h.clock.now = new Date(`${day}T02:00:00Z`));

/** `/project …` as `user`: the text of the bot's reply. */
async function say(text: string, user: string): Promise<string> {
  const { responseId } = await h.slash(text, user);
  const [reply] = await h.responses(responseId);
  await h.settled();
  return textOf(reply!.blocks) + "\n" + String(reply!.text);
}

/** A button press as `user`: the text of the answer that reached them (or null when a form opened instead). */
async function press(actionId: string, itemId: number, user: string): Promise<string | null> {
  h.standin.clear();
  expect((await h.click({ action_id: `${actionId}_${itemId}`, value: String(itemId) }, { user })).status).toBe(200);
  await h.settled();
  if (h.standin.callsTo("views.open").some((c) => c.ok)) return null;
  const [answer] = await h.answers(user);
  return textOf(answer!.blocks) + String(answer!.text);
}

async function submit(itemId: number, kind: string, values: { note?: string; deadline?: string }, user: string) {
  const v: Record<string, unknown> = { note: { note: { type: "plain_text_input", value: values.note ?? null } } };
  if (values.deadline !== undefined) v.deadline = { deadline: { type: "datepicker", selected_date: values.deadline } };
  const res = await h.interact({
    type: "view_submission",
    user: { id: user, username: user.toLowerCase(), team_id: "T0TEST" },
    team: { id: "T0TEST" },
    view: { id: `VSUP${++viewSeq}`, type: "modal", callback_id: SUPERVISION_FORM, private_metadata: JSON.stringify({ itemId, kind, channelId: CHANNEL }), state: { values: v }, hash: "h" },
  });
  const body = await res.text();
  await h.settled();
  return body;
}

const stateOf = async (id: number) => (await loadSupervision(h.store.db, id, TZ))!;

describe("督办: 挂牌 → 办理 → 申请销号 → 复核 → 销号", () => {
  let item: number;

  it("a group member's 督办 is only a proposal; a bystander may not propose", async () => {
    onDay("2026-11-23");
    expect(await say(`督办 #${projectId} 事项="用地指标未落实" 责任人=<@${OWNER}> 期限=12-10`, OTHER)).toContain("只有督办员可以挂牌督办");
    const reply = await say(`督办 #${projectId} 事项="用地指标未落实" 责任人=<@${OWNER}> 期限=12-10`, MEMBER);
    expect(reply).toContain("已提交督办建议");
    const row = await h.store.db.supervisionItem.findFirstOrThrow({ where: { projectId } });
    item = row.id;
    expect(row.status).toBe("PROPOSED");
  });

  it("a non-督办员 cannot confirm it; a 督办员 confirms with the button", async () => {
    expect(await press("sup_confirm", item, MEMBER)).toContain("只有督办员可以确认挂牌");
    expect((await stateOf(item)).status).toBe("PROPOSED");
    expect(await press("sup_confirm", item, SUP)).toContain("已确认挂牌");
    expect((await stateOf(item)).status).toBe("OPEN");
  });

  it("only the 责任人 posts 反馈", async () => {
    onDay("2026-11-24");
    expect(await say(`反馈 督办${item} 已报市规划局`, OTHER)).toContain(`只有责任人 <@${OWNER}> 可以报送反馈`);
    expect(await say(`反馈 督办${item} 已报市规划局`, OWNER)).toContain("反馈已记录");
    expect(await say(`反馈 督办${item}`, OWNER)).toContain("反馈内容不能为空");
  });

  it("the 责任人 asks for 销号 and may not grant it; nor may a non-督办员", async () => {
    onDay("2026-11-25");
    expect(await say(`申请销号 督办${item} 说明="已落实"`, OWNER)).toContain("待督办员复核");
    expect((await stateOf(item)).status).toBe("REVIEW");
    expect(await press("sup_approve", item, OWNER)).toContain("只有督办员可以复核");
    expect(await press("sup_approve", item, MEMBER)).toContain("只有督办员可以复核");
    expect(await say(`销号 督办${item}`, MEMBER)).toContain("只有督办员可以复核");
    expect((await stateOf(item)).status).toBe("REVIEW");
  });

  it("退回 needs a reason; the 督办员 returns it through the form", async () => {
    onDay("2026-11-26");
    expect(await say(`退回 督办${item}`, SUP)).toContain("退回须写明理由");
    expect(await press("sup_return", item, SUP)).toBeNull();
    const [open] = await h.waitForCall("views.open");
    expect(open!.ok).toBe(true);
    expect(JSON.stringify(open!.args.view)).toContain(SUPERVISION_FORM);
    expect(await submit(item, "RETURN", { note: "" }, SUP)).toContain("退回须写明理由");
    expect(await submit(item, "RETURN", { note: "批复文件尚未下达" }, SUP)).toBe("");
    expect((await stateOf(item)).status).toBe("OPEN");
  });

  it("a deadline moves only by a 督办员 and only with a reason", async () => {
    onDay("2026-11-27");
    expect(await say(`延期 督办${item} 期限=12-20`, SUP)).toContain("延期须写明理由");
    expect(await submit(item, "EXTEND", { note: "", deadline: "2026-12-20" }, SUP)).toContain("延期须写明理由");
    expect(await say(`延期 督办${item} 期限=12-20 理由="等待市级批复"`, OWNER)).toContain("只有督办员可以延期");
    expect(await say(`延期 督办${item} 期限=12-20 理由="等待市级批复"`, SUP)).toContain("期限已调整为 12月20日");
    expect((await h.store.db.supervisionItem.findUniqueOrThrow({ where: { id: item } })).deadline).toBe("2026-12-20");
  });

  it("a second 申请销号 after the 退回, and a 督办员 closes it", async () => {
    onDay("2026-11-30");
    expect(await say(`销号 督办${item} 说明="已办结"`, OWNER)).toContain("申请销号"); // the owner's 销号 is a request
    expect(await press("sup_approve", item, ADMIN)).toContain("已销号");
    const row = await h.store.db.supervisionItem.findUniqueOrThrow({ where: { id: item } });
    expect(row).toMatchObject({ status: "CLOSED", closedBy: ADMIN });
    expect(await say(`反馈 督办${item} 还有一点`, OWNER)).toContain("已销号");
  });

  it("a second press of the same button records nothing twice", async () => {
    const steps = (await stateOf(item)).steps.length;
    // The same message's button again (a double click, or Slack re-delivering it): recorded once, answered once.
    expect((await h.click({ action_id: `sup_approve_${item}`, value: String(item) }, { user: ADMIN })).status).toBe(200);
    await h.settled();
    expect((await stateOf(item)).steps.length).toBe(steps);
  });

  it("the history shows each step with who and when", async () => {
    const s = await stateOf(item);
    expect(s.steps.map((x) => `${x.on} ${x.kind} ${x.by}`)).toEqual([
      `2026-11-23 PROPOSE ${MEMBER}`,
      `2026-11-23 CONFIRM ${SUP}`,
      `2026-11-24 FEEDBACK ${OWNER}`,
      `2026-11-25 REQUEST_CLOSE ${OWNER}`,
      `2026-11-26 RETURN ${SUP}`,
      `2026-11-27 EXTEND ${SUP}`,
      `2026-11-30 REQUEST_CLOSE ${OWNER}`,
      `2026-11-30 APPROVE ${ADMIN}`,
    ]);
    h.standin.clear();
    await h.click({ action_id: CARD_ACTIONS.history, value: String(projectId) }, { user: OTHER });
    await h.settled();
    const [answer] = await h.answers(OTHER);
    const text = textOf(answer!.blocks);
    for (const label of ["提出督办建议", "确认挂牌", "报送反馈", "申请销号", "退回", "延期", "同意销号"]) expect(text).toContain(label);
  });

  it("the list as of a past day shows that day's state", async () => {
    const on = async (asOf: string) => (await buildSupervisionReport(h.store.db, { now: h.clock.now, asOf })).items.find((i) => i.id === item);
    expect(await on("2026-11-22")).toBeUndefined();
    expect(await on("2026-11-23")).toMatchObject({ status: "OPEN", deadline: "2026-12-10", closedOn: null });
    expect(await on("2026-11-25")).toMatchObject({ status: "REVIEW" });
    expect(await on("2026-11-26")).toMatchObject({ status: "OPEN", deadline: "2026-12-10" });
    expect(await on("2026-11-27")).toMatchObject({ status: "OPEN", deadline: "2026-12-20" });
    expect(await on("2026-11-30")).toMatchObject({ status: "CLOSED", closedOn: "2026-11-30" });
  });
});

describe("nobody closes their own item", () => {
  it("a 督办员 who is the 责任人 cannot grant their own 销号", async () => {
    onDay("2026-12-01");
    const reply = await say(`督办 #${projectId} 事项="环评批复" 责任人=<@${SUP}> 期限=12-31`, ADMIN);
    expect(reply).toContain("挂牌督办");
    const id = (await h.store.db.supervisionItem.findFirstOrThrow({ where: { projectId, owner: SUP } })).id;
    expect(await say(`申请销号 督办${id} 已批复`, SUP)).toContain("待督办员复核");
    expect(await say(`销号 督办${id}`, SUP)).toContain("不能为本人负责或本人申请的督办事项销号");
    expect(await press("sup_approve", id, SUP)).toContain("不能为本人负责或本人申请的督办事项销号");
    expect((await stateOf(id)).status).toBe("REVIEW");
  });
});

describe("App Home", () => {
  const LEADER = "U0LEADER";
  async function home(user: string): Promise<string> {
    h.standin.clear();
    await h.event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home", event_ts: "1" });
    await h.settled();
    const [pub] = await h.waitForCall("views.publish");
    expect(pub!.ok).toBe(true);
    return JSON.stringify(pub!.args.view);
  }

  it("a 督办员 sees what waits for 复核, with its buttons; not their own request", async () => {
    const waiting = (await h.store.db.supervisionItem.findFirstOrThrow({ where: { status: "REVIEW" } })).id;
    const admin = await home(ADMIN);
    expect(admin).toContain("待复核的销号申请*（1）");
    expect(admin).toContain(`sup_approve_${waiting}`);
    expect(await home(SUP)).toContain("待复核的销号申请*（0）");
  });

  it("a 包联领导 named by mention sees their projects", async () => {
    h.standin.addUser({ id: LEADER, name: "leader" });
    expect(await say(`更新 #${projectId} 包联领导=<@${LEADER}>`, MEMBER)).toContain("包联领导");
    const project = await h.store.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.leaderSlackId).toBe(LEADER);
    const view = await home(LEADER);
    expect(view).toContain("我包联的项目");
    expect(view).toContain("电子铜箔项目");
  });
});

describe("/project 未开工", () => {
  it("lists the 签约未开工 projects by band, and refuses an unknown group with the choices", async () => {
    const text = await say("未开工", OTHER);
    expect(text).toContain("签约未开工项目清单");
    expect(text).toContain("电子铜箔项目");
    expect(text).toMatch(/91—180天|超过180天/);
    expect(await say("未开工 工作组=不存在的组", OTHER)).toContain("可选：新材料产业招商组");
  });
});
