import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { FORMS } from "../../src/slack/blocks/forms.ts";
import { HOME_ACTIONS } from "../../src/slack/blocks/app-home.ts";
import { listFunds } from "../../src/store/funds.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { ADMIN, CHANNEL, MEMBER, OTHER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// Buttons and forms, as Slack delivers them: signed interactivity payloads.

let h: Harness;
let projectId: number;
let viewSeq = 0;

beforeAll(async () => {
  h = await startHarness();
  const p = await createProject(h.store.db, newProject({ name: "电子铜箔项目", groupId: h.groupId, stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-10-01" } }), { author: "seed", source: "CLI" }, { at: h.clock.now });
  projectId = p.id;
});
afterAll(async () => {
  await h.close();
});

const user = (id = MEMBER) => ({ id, username: id.toLowerCase(), team_id: "T0TEST" });

const button = (actionId: string, value: string, userId = MEMBER) => h.click({ action_id: actionId, value }, { user: userId });

type Values = Record<string, Record<string, Record<string, unknown>>>;
const textValue = (v: string) => ({ type: "plain_text_input", value: v });
const selectValue = (v: string) => ({ type: "static_select", selected_option: { value: v } });
const dateValue = (v: string | null) => ({ type: "datepicker", selected_date: v });

async function submit(callbackId: string, values: Values, meta: Record<string, unknown>, userId = MEMBER, viewId = `V${++viewSeq}`) {
  const res = await h.interact({
    type: "view_submission",
    user: user(userId),
    team: { id: "T0TEST" },
    view: { id: viewId, type: "modal", callback_id: callbackId, private_metadata: JSON.stringify(meta), state: { values }, hash: "h" },
  });
  return { status: res.status, body: await res.text(), viewId };
}

const field = (name: string, value: Record<string, unknown>) => ({ [name]: { [name]: value } });

describe("project card buttons", () => {
  it("更新进展 opens the update form for that project", async () => {
    h.standin.clear();
    expect((await button(CARD_ACTIONS.update, String(projectId))).status).toBe(200);
    const [open] = await h.waitForCall("views.open");
    expect(open.ok).toBe(true);
    expect(JSON.stringify(open.args.view)).toContain(FORMS.update);
  });

  it("登记到位资金 opens the funds form", async () => {
    h.standin.clear();
    await button(CARD_ACTIONS.funds, String(projectId));
    const [open] = await h.waitForCall("views.open");
    expect(JSON.stringify(open.args.view)).toContain(FORMS.funds);
  });

  it("查看历史 lists the history privately", async () => {
    h.standin.clear();
    await button(CARD_ACTIONS.history, String(projectId));
    const [eph] = await h.answers();
        expect(textOf(eph.blocks)).toContain(`#${projectId} 历史记录`);
  });

  it("a pick-list button shows that project's card", async () => {
    h.standin.clear();
    await button(`pick_project_${projectId}`, String(projectId));
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toContain("电子铜箔项目");
  });

  it("a button naming a deleted project is answered, not ignored", async () => {
    h.standin.clear();
    await button(CARD_ACTIONS.update, "99999");
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toContain("已不存在");
  });
});

describe("forms", () => {
  it("shows a bad amount inline and keeps the form open", async () => {
    const r = await submit(FORMS.funds, { ...field("amount", textValue("2.5")), ...field("date", dateValue("2026-11-20")) }, { projectId, channelId: CHANNEL });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.response_action).toBe("errors");
    expect(body.errors.amount).toContain("2.5亿");
    expect(await listFunds(h.store.db, { projectId })).toHaveLength(0);
  });

  it("records funds from the form once, even when the same view is submitted twice", async () => {
    h.standin.clear();
    const values = { ...field("amount", textValue("3000万")), ...field("date", dateValue("2026-11-20")), ...field("note", textValue("首期")) };
    const first = await submit(FORMS.funds, values, { projectId, channelId: CHANNEL }, MEMBER, "VFUNDS");
    const second = await submit(FORMS.funds, values, { projectId, channelId: CHANNEL }, MEMBER, "VFUNDS");
    expect([first.status, second.status]).toEqual([200, 200]);
    await h.settled();
    const confirmations = h.standin.callsTo("chat.postEphemeral");
    expect(confirmations).toHaveLength(1);
    expect(textOf(confirmations[0].args.blocks)).toContain("+3,000万");
    expect((await listFunds(h.store.db, { projectId })).map((f) => f.amountWan)).toEqual([3000]);
  });

  it("updates through the form and confirms old → new", async () => {
    h.standin.clear();
    const p = (await getProject(h.store.db, projectId))!;
    const values = { ...field("stage", selectValue("SIGNED")), ...field("progress", textValue("正式签约")), ...field("nextStep", textValue("办理注册")), ...field("due", dateValue("2026-12-20")) };
    const r = await submit(FORMS.update, values, { projectId, version: p.version, stage: p.stage, channelId: CHANNEL });
    expect(r.body).toBe("");
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toMatch(/阶段：洽谈 → \*签约\*/);
    expect((await getProject(h.store.db, projectId))!.stage).toBe("SIGNED");
  });

  it("tells the second of two editors who moved the stage meanwhile and shows the current values", async () => {
    h.standin.clear();
    // Version 1 was 洽谈 and the stage has moved since: the form's 注册 overlaps (its 堵点 alone would be merged).
    const values = { ...field("stage", selectValue("REGISTERED")), ...field("blockers", textValue("旧版本上的修改")) };
    await submit(FORMS.update, values, { projectId, version: 1, stage: "NEGOTIATING", channelId: CHANNEL });
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toContain("的“阶段”在你打开表单后已被");
    expect((await getProject(h.store.db, projectId))!.blockers).toBe("");
  });

  describe("a form filled in while someone else changed the project", () => {
    /** Opens the update form from the card and returns what Slack would send back with `changes` typed into it. */
    async function openUpdateForm(changes: Record<string, string>) {
      h.standin.clear();
      await button(CARD_ACTIONS.update, String(projectId));
      const [open] = await h.waitForCall("views.open");
      const view = open.args.view as { private_metadata: string; blocks: Array<{ type: string; block_id?: string; element?: Record<string, unknown> }> };
      const values: Values = {};
      for (const b of view.blocks) {
        if (b.type !== "input" || !b.element || !b.block_id) continue;
        const id = b.block_id;
        const e = b.element;
        const shown =
          e.type === "datepicker"
            ? dateValue((e.initial_date as string | undefined) ?? null)
            : e.type === "static_select"
              ? { type: "static_select", selected_option: e.initial_option ?? null }
              : { type: "plain_text_input", value: (e.initial_value as string | undefined) ?? null };
        Object.assign(values, field(id, id in changes ? textValue(changes[id]!) : shown));
      }
      return { values, meta: JSON.parse(view.private_metadata) as Record<string, unknown> };
    }

    it("saves it when the other change was to a different field: both changes are kept", async () => {
      const form = await openUpdateForm({ blockers: "用地：指标未落实" });
      // Meanwhile 下一步 is changed by a command.
      h.standin.clear();
      await h.slash(`更新 #${projectId} 下一步="完成工商注册"`, ADMIN);
      await h.answers(ADMIN);
      expect((await getProject(h.store.db, projectId))!.version).toBeGreaterThan(form.meta.version as number);
      h.standin.clear();
      const r = await submit(FORMS.update, form.values, form.meta);
      expect(r.body).toBe("");
      const [eph] = await h.answers();
      expect(textOf(eph.blocks)).toContain("用地：指标未落实");
      const p = (await getProject(h.store.db, projectId))!;
      expect([p.blockers, p.nextStep]).toEqual(["用地：指标未落实", "完成工商注册"]);
    });

    it("refuses it inline, naming the field and who changed it, when both changed the same field", async () => {
      const form = await openUpdateForm({ nextStep: "开工建设" });
      h.standin.clear();
      await h.slash(`更新 #${projectId} 下一步="办理施工许可"`, ADMIN);
      await h.answers(ADMIN);
      h.standin.clear();
      const r = await submit(FORMS.update, form.values, form.meta);
      const body = JSON.parse(r.body) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe("errors");
      expect(Object.values(body.errors).join()).toMatch(/“下一步”在你打开表单后已被 ?u0admin ?修改/);
      await h.settled();
      expect((await getProject(h.store.db, projectId))!.nextStep).toBe("办理施工许可");
    });
  });

  it("refuses someone outside the group inline", async () => {
    const r = await submit(FORMS.funds, { ...field("amount", textValue("100万")), ...field("date", dateValue("2026-11-20")) }, { projectId, channelId: CHANNEL }, OTHER);
    expect(JSON.parse(r.body).errors.amount).toContain("没有为项目");
  });

  it("creates a project from the new-project form", async () => {
    h.standin.clear();
    const values = {
      ...field("name", textValue("数据中心项目")),
      ...field("investor", textValue("某某云计算")),
      ...field("group", selectValue(String(h.groupId))),
      ...field("origin", selectValue("OUTSIDE_CITY")),
      ...field("sector", selectValue("SERVICE")),
      ...field("agreed", textValue("12亿")),
      ...field("stage", selectValue("NEGOTIATING")),
    };
    const r = await submit(FORMS.newProject, values, { channelId: CHANNEL });
    expect(r.body).toBe("");
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toContain("已新建项目");
    expect(textOf(eph.blocks)).toContain("较大项目");
  });

  it("shows missing supervision fields inline", async () => {
    const r = await submit(FORMS.supervise, { ...field("issue", textValue("")) }, { projectId, channelId: CHANNEL });
    const errors = JSON.parse(r.body).errors;
    expect(Object.keys(errors).sort()).toEqual(["deadline", "issue", "owner"]);
    expect(errors.owner).toContain("责任人");
  });

  it("proposes a blocker for supervision from the form (a group member proposes; a 督办员 confirms)", async () => {
    h.standin.clear();
    const values = { ...field("issue", textValue("环评批复滞后")), owner: { owner: { type: "users_select", selected_user: MEMBER } }, ...field("deadline", dateValue("2026-12-31")) };
    await submit(FORMS.supervise, values, { projectId, channelId: CHANNEL });
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toContain("已提交督办建议");
  });
});

describe("App Home", () => {
  it("publishes the user's projects, overdue items and group rank when the tab opens", async () => {
    h.standin.clear();
    const res = await h.event({ type: "app_home_opened", user: MEMBER, channel: "D0MEMBER", tab: "home", event_ts: "1" });
    expect(res.status).toBe(200);
    const [pub] = await h.waitForCall("views.publish");
    expect(pub.ok).toBe(true);
    const text = textOf((pub.args.view as { blocks: unknown[] }).blocks);
    expect(text).toContain("我的项目");
    expect(text).toContain("电子铜箔项目");
    expect(text).toContain("新材料产业招商组");
  });

  it("刷新 republishes the home tab", async () => {
    h.standin.clear();
    await button(HOME_ACTIONS.refresh, "refresh");
    const [pub] = await h.waitForCall("views.publish");
    expect(pub.args.user_id).toBe(MEMBER);
  });

  it("新建项目 on the home tab opens the form", async () => {
    h.standin.clear();
    await button(HOME_ACTIONS.newProject, "new");
    const [open] = await h.waitForCall("views.open");
    expect(JSON.stringify(open.args.view)).toContain(FORMS.newProject);
  });
});
