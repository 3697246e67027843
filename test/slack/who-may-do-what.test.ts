import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMS } from "../../src/slack/blocks/forms.ts";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { CHANNEL, MEMBER, OTHER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// Who may change what, as people meet it in Slack: the 组长, moving a project
// to another group, refusals before a form opens, and how people are named
// (a mention in mrkdwn, a name in a form's plain-text error, never a raw id).

const LEADER = "U0LEADER";
let h: Harness;
let projectId: number;
let digitalId: number;

beforeAll(async () => {
  h = await startHarness();
  h.standin.addUser({ id: LEADER, name: "zhoubo", real_name: "周波" });
  h.standin.workspace.channels.get(CHANNEL)!.members.push(LEADER);
  await upsertGroup(h.store.db, { name: "新材料产业招商组", leaderName: "周波", leaderSlackId: LEADER, commissioners: "", focus: "", channelId: CHANNEL, memberUserIds: [MEMBER] });
  digitalId = await upsertGroup(h.store.db, { name: "数字经济产业招商组", leaderName: "夏艺", leaderSlackId: null, commissioners: "", focus: "", channelId: null, memberUserIds: [OTHER] });
  projectId = (await createProject(h.store.db, newProject({ name: "碳纤维复材项目", groupId: h.groupId, responsibleUserIds: [MEMBER] }), { author: "seed", source: "CLI" }, { at: new Date("2026-11-01T02:00:00Z") })).id;
});
afterAll(async () => {
  await h.close();
});

async function run(text: string, user = MEMBER) {
  const r = await h.slash(text, user);
  const [payload] = await h.responses(r.responseId);
  return textOf(payload.blocks);
}

describe("who may change a project", () => {
  it("the group's 组长 may edit its projects", async () => {
    expect(await run(`更新 #${projectId} 进展="组长督促推进"`, LEADER)).toContain("已保存");
  });

  it("moving a project into a group needs the rights to create there; the answer names groups, not ids", async () => {
    const refused = await run(`更新 #${projectId} 工作组=数字经济`, MEMBER);
    expect(refused).toContain("只有“数字经济产业招商组”工作组成员、组长或管理员可以把项目移入该组");
    expect((await getProject(h.store.db, projectId))!.groupId).toBe(h.groupId);
    const moved = await run(`更新 #${projectId} 工作组=数字经济`, "U0ADMIN");
    expect(moved).toContain("工作组：新材料产业招商组 → *数字经济产业招商组*");
    expect(moved).not.toMatch(/工作组：\d/);
    expect((await getProject(h.store.db, projectId))!.groupId).toBe(digitalId);
    await run(`更新 #${projectId} 工作组=新材料`, "U0ADMIN");
  });

  it("a refusal names people as real mentions, not as escaped text", async () => {
    const text = await run(`更新 #${projectId} 问题="无"`, OTHER);
    expect(text).toContain(`组长 <@${LEADER}>`);
    expect(text).toContain(`责任人 <@${MEMBER}>`);
    expect(text).not.toContain("&lt;@");
  });

  it("someone who may not change the project is refused before the update form opens", async () => {
    h.standin.clear();
    const text = await run(`更新 #${projectId}`, OTHER);
    expect(text).toContain("你没有修改项目");
    h.standin.clear();
    await h.click({ action_id: CARD_ACTIONS.update, value: String(projectId) }, { user: OTHER });
    const [refused] = await h.answers(OTHER);
    expect(textOf(refused!.blocks)).toContain("你没有修改项目");
    await h.settled();
    expect(h.standin.callsTo("views.open")).toHaveLength(0);
  });

  it("a form refused at 保存 names people by name in its plain-text error", async () => {
    // The member opens the form, then loses the right before saving (e.g. moved out of the group).
    h.standin.clear();
    const opened = await h.slash(`更新 #${projectId}`, MEMBER);
    expect(opened.status).toBe(200);
    const [open] = await h.waitForCall("views.open");
    const view = h.standin.view(((h.standin.callsTo("views.open").at(-1) as unknown as { response: { view: { id: string } } }).response).view.id)!;
    await upsertGroup(h.store.db, { name: "新材料产业招商组", leaderName: "周波", leaderSlackId: LEADER, commissioners: "", focus: "", channelId: CHANNEL, memberUserIds: [] });
    await h.store.db.projectResponsible.deleteMany({ where: { projectId } });
    const res = await h.interact({
      type: "view_submission",
      user: { id: MEMBER, username: "member", team_id: "T0TEST" },
      team: { id: "T0TEST" },
      view: { ...view, state: { values: { progress: { progress: { type: "plain_text_input", value: "已对接" } } } } },
    });
    const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
    await upsertGroup(h.store.db, { name: "新材料产业招商组", leaderName: "周波", leaderSlackId: LEADER, commissioners: "", focus: "", channelId: CHANNEL, memberUserIds: [MEMBER] });
    await h.store.db.projectResponsible.create({ data: { projectId, slackUserId: MEMBER } });
    expect(answer.response_action).toBe("errors");
    const error = Object.values(answer.errors).join("");
    expect(error).toContain("组长 周波");
    expect(error).not.toMatch(/U0LEADER|<@|\uE000/);
    await upsertGroup(h.store.db, { name: "新材料产业招商组", leaderName: "周波", leaderSlackId: LEADER, commissioners: "", focus: "", channelId: CHANNEL, memberUserIds: [MEMBER] });
  });

  it("/project 新建 without 工作组= in a group's channel creates the project in that group", async () => {
    const text = await run("新建 锂电池项目 投资方=宁德时代 协议资金=25亿 来源=市外 类别=工业", MEMBER);
    expect(text).toContain("已新建项目");
    const id = Number(/#(\d+)/.exec(text)![1]);
    expect((await getProject(h.store.db, id))!.groupId).toBe(h.groupId);
  });

  it("查看历史 shows times in the district's time zone", async () => {
    h.standin.clear();
    h.clock.now = new Date("2026-11-23T13:06:00Z"); // 21:06 in Shanghai
    await run(`更新 #${projectId} 进展="晚间对接"`, MEMBER);
    h.standin.clear();
    await h.click({ action_id: CARD_ACTIONS.history, value: String(projectId) }, { user: MEMBER });
    const [answer] = await h.answers(MEMBER);
    const text = textOf(answer!.blocks);
    expect(text).toContain("2026-11-23 21:06");
    expect(text).toContain("工作组：数字经济产业招商组 → 新材料产业招商组");
    expect(text).not.toContain("UTC");
    expect(FORMS.update).toBe("form_update");
  });
});

describe("finding a project by part of its name", () => {
  it("counts every match, and offers the closest ones all as buttons", async () => {
    for (let i = 1; i <= 14; i++) await createProject(h.store.db, newProject({ name: `园区配套${i}号厂房项目`, groupId: h.groupId }), { author: "seed", source: "CLI" }, { at: new Date("2026-11-01T02:00:00Z") });
    const total = await h.store.db.project.count({ where: { name: { contains: "项目" } } });
    expect(total).toBeGreaterThan(14);
    const r = await h.slash("查看 项目", MEMBER);
    const [payload] = await h.responses(r.responseId);
    expect(textOf(payload.blocks)).toContain(`有 ${total} 个项目的名称包含“项目”，以下是名称最接近的 10 个`);
    const blocks = payload.blocks as Array<{ type: string; elements?: unknown[] }>;
    expect(blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements)).toHaveLength(10);
    expect(blocks.filter((b) => b.type === "context")).toHaveLength(0);
  });
});

describe("text limits and escaping on every way in", () => {
  const long = "长".repeat(101);

  it("a slash command, a form and a ledger row refuse the same over-long name", async () => {
    expect(await run(`新建 ${long} 投资方=某公司 来源=市外 类别=工业 工作组=新材料`, MEMBER)).toContain("项目名称最多 100 个字，现有 101 个字");
    expect(await run(`更新 #${projectId} 下一步="${"步".repeat(501)}"`, MEMBER)).toMatch(/下一步太长（超过 500 字）/); // the grammar's own check, the same limit
    const { newProjectForm } = await import("../../src/slack/blocks/forms.ts");
    const form = JSON.stringify(newProjectForm([], [], {}, {}));
    expect(form).toMatch(/"block_id":"name"[^}]*"max_length":100|"action_id":"name","max_length":100/);
    const { limitedText } = await import("../../src/ledger/cells.ts");
    expect(limitedText("name")(long)).toEqual({ ok: false, reason: "项目名称最多 100 个字，现有 101 个字：请精简后重新填写。" });
  });

  it("user-written text is escaped wherever it is posted, the card's 发到频道 included; no internal key in a duplicate's answer", async () => {
    const evil = await run(`新建 <!channel>招商<https://evil.example|官方> 投资方=某公司&子公司 来源=市外 类别=工业 工作组=新材料`, MEMBER);
    const id = Number(/#(\d+)/.exec(evil)![1]);
    h.standin.clear();
    await h.click({ action_id: CARD_ACTIONS.share, value: String(id) }, { user: MEMBER });
    const [post] = await h.waitForCall("chat.postMessage");
    // Slack reads mrkdwn texts and the top-level text for mentions and links (plain_text is shown as typed).
    const mrkdwn = [String(post.args.text), ...JSON.stringify(post.args.blocks).match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g)!].join("\n");
    expect(mrkdwn).not.toContain("<!channel>");
    expect(mrkdwn).not.toContain("<https://evil.example");
    expect(mrkdwn).toContain("&lt;!channel&gt;");
    expect(String(post.args.text)).toContain("&lt;https://evil.example|官方&gt;");
    const first = await h.slash(`到位 #${id} +100万`, MEMBER);
    await h.responses(first.responseId);
    const again = await h.slash(`到位 #${id} +100万`, MEMBER);
    const [dup] = await h.responses(again.responseId);
    expect(textOf(dup.blocks)).not.toMatch(/slash:|T0TEST|U0MEMBER/);
  });
});
