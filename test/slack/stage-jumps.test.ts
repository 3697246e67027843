import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMS } from "../../src/slack/blocks/forms.ts";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { CHANNEL, MEMBER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// A stage jump over two or more stages (签约 → 达产) is a likely slip: the
// bot asks to confirm it, and once confirmed says, in the answer and the
// history, which stages were skipped (their dates stay empty).

let h: Harness;
let viewSeq = 0;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const signed = async (name: string) =>
  (await createProject(h.store.db, newProject({ name, groupId: h.groupId, stage: "SIGNED", stageDates: { NEGOTIATING: "2026-09-01", SIGNED: "2026-10-01" } }), { author: "seed", source: "CLI" }, { at: h.clock.now })).id;

async function run(text: string) {
  h.standin.clear();
  const r = await h.slash(text, MEMBER);
  expect(r.status).toBe(200);
  const [payload] = await h.responses(r.responseId);
  return textOf(payload.blocks);
}

const history = async (id: number) => (await h.store.db.update.findMany({ where: { projectId: id } })).map((u) => u.newValue ?? "").join("\n");

describe("/project 更新 with a large stage jump", () => {
  it("asks for 确认=是 and changes nothing until then", async () => {
    const id = await signed("跳级测试项目甲");
    const text = await run(`更新 #${id} 阶段=达产`);
    expect(text).toContain("阶段从“签约”直接改为“达产”，将跳过注册、开工、投产共3个阶段");
    expect(text).toContain("确认=是");
    expect((await getProject(h.store.db, id))!.stage).toBe("SIGNED");
  });

  it("on 确认=是 saves it, and says in the answer and the history that the stages were skipped", async () => {
    const id = await signed("跳级测试项目乙");
    const text = await run(`更新 #${id} 阶段=达产 确认=是`);
    expect(text).toContain("阶段由“签约”跳至“达产”，注册、开工、投产记为跳过（日期留空）");
    const p = (await getProject(h.store.db, id))!;
    expect(p.stage).toBe("AT_CAPACITY");
    expect([p.stageDates.REGISTERED, p.stageDates.STARTED, p.stageDates.PRODUCING]).toEqual([undefined, undefined, undefined]);
    expect(await history(id)).toContain("注册、开工、投产记为跳过");
    h.standin.clear();
    await h.click({ action_id: CARD_ACTIONS.history, value: String(id) }, { user: MEMBER });
    const [answer] = await h.answers();
    expect(textOf(answer.blocks)).toContain("注册、开工、投产记为跳过");
  });

  it("does not ask for a one-stage skip (签约 → 开工)", async () => {
    const id = await signed("跳级测试项目丙");
    const text = await run(`更新 #${id} 阶段=开工`);
    expect(text).not.toContain("确认=是");
    expect((await getProject(h.store.db, id))!.stage).toBe("STARTED");
  });

  it("refuses 确认 without 阶段", async () => {
    const id = await signed("跳级测试项目丁");
    expect(await run(`更新 #${id} 进展="x" 确认=是`)).toContain("需要和“阶段”一起写");
  });
});

describe("the update form with a large stage jump", () => {
  const field = (name: string, value: Record<string, unknown>) => ({ [name]: { [name]: value } });
  async function submit(id: number, tick: boolean) {
    const p = (await getProject(h.store.db, id))!;
    const values = {
      ...field("stage", { type: "static_select", selected_option: { value: "AT_CAPACITY" } }),
      ...field("confirmJump", { type: "checkboxes", selected_options: tick ? [{ value: "yes" }] : [] }),
    };
    const blocks = ["stage", "stageDate", "reason", "confirmJump", "progress"].map((b) => ({ type: "input", block_id: b }));
    const res = await h.interact({
      type: "view_submission",
      user: { id: MEMBER, username: "member", team_id: "T0TEST" },
      team: { id: "T0TEST" },
      view: { id: `VJUMP${++viewSeq}`, type: "modal", callback_id: FORMS.update, blocks, private_metadata: JSON.stringify({ projectId: id, version: p.version, stage: p.stage, channelId: CHANNEL }), state: { values }, hash: "h" },
    });
    const body = await res.text();
    return body ? (JSON.parse(body) as { response_action?: string; errors?: Record<string, string> }) : {};
  }

  it("keeps the form open with the question under the tick box, then saves once it is ticked", async () => {
    const id = await signed("跳级测试项目戊");
    const first = await submit(id, false);
    expect(first.response_action).toBe("errors");
    expect(first.errors?.confirmJump).toContain("将跳过注册、开工、投产");
    expect(first.errors?.confirmJump).toContain("勾选“确认跳过中间阶段”后保存");
    expect((await getProject(h.store.db, id))!.stage).toBe("SIGNED");

    h.standin.clear();
    expect(await submit(id, true)).toEqual({});
    const [answer] = await h.answers();
    expect(textOf(answer.blocks)).toContain("注册、开工、投产记为跳过");
    expect((await getProject(h.store.db, id))!.stage).toBe("AT_CAPACITY");
  });
});
