import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { FORMS } from "../../src/slack/blocks/forms.ts";
import { createProject, getProject } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { CHANNEL, MEMBER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// The update form's 堵点类型 picker and 堵点责任单位, through signed payloads
// and the Slack stand-in (which validates the view): an old "用地：…" text
// opens with its kind picked and the label taken off, and saving the form
// stores the kind and the department in their own fields.

let h: Harness;
let projectId: number;
let viewSeq = 0;

beforeAll(async () => {
  h = await startHarness();
  const p = await createProject(
    h.store.db,
    newProject({ name: "精细化工项目", groupId: h.groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-10-01" }, blockers: "用地：土地指标未落实" }),
    { author: "seed", source: "CLI" },
    { at: h.clock.now },
  );
  projectId = p.id;
});
afterAll(async () => {
  await h.close();
});

type Values = Record<string, Record<string, Record<string, unknown>>>;
const textValue = (v: string) => ({ type: "plain_text_input", value: v });
const selectValue = (v: string | null) => ({ type: "static_select", selected_option: v === null ? null : { value: v } });
const field = (name: string, value: Record<string, unknown>) => ({ [name]: { [name]: value } });

async function submit(values: Values) {
  const p = (await getProject(h.store.db, projectId))!;
  const res = await h.interact({
    type: "view_submission",
    user: { id: MEMBER, username: MEMBER.toLowerCase(), team_id: "T0TEST" },
    team: { id: "T0TEST" },
    view: { id: `VK${++viewSeq}`, type: "modal", callback_id: FORMS.update, private_metadata: JSON.stringify({ projectId, version: p.version, stage: p.stage, channelId: CHANNEL }), state: { values }, hash: "h" },
  });
  return { status: res.status, body: await res.text() };
}

type Block = { block_id?: string; element?: { type: string; options?: Array<{ value: string; text: { text: string } }>; initial_option?: { value: string }; initial_value?: string } };

describe("堵点类型 in the update form", () => {
  it("opens with a picker of the eight kinds, the old label's kind picked and taken off the text, and a department field", async () => {
    h.standin.clear();
    await h.click({ action_id: CARD_ACTIONS.update, value: String(projectId) }, { user: MEMBER });
    const [open] = await h.waitForCall("views.open");
    expect(open.ok).toBe(true);
    const blocks = (open.args.view as { blocks: Block[] }).blocks;
    const byId = (id: string) => blocks.find((b) => b.block_id === id)!;
    const kind = byId("blockerKind").element!;
    expect(kind.type).toBe("static_select");
    expect(kind.options!.map((o) => o.text.text)).toEqual(["规划", "用地", "环评", "能评", "资金", "审批", "配套", "其他"]);
    expect(kind.initial_option!.value).toBe("LAND");
    expect(byId("blockers").element!.initial_value).toBe("土地指标未落实");
    expect(byId("blockerUnit").element!.type).toBe("plain_text_input");
  });

  it("saves the kind and the department in their own fields, and says so", async () => {
    h.standin.clear();
    const r = await submit({ ...field("blockers", textValue("土地指标需市里调剂")), ...field("blockerKind", selectValue("PLANNING")), ...field("blockerUnit", textValue("区发改委")) });
    expect(r.body).toBe("");
    const [eph] = await h.answers();
    expect(textOf(eph.blocks)).toContain("堵点类型");
    expect(textOf(eph.blocks)).toContain("规划");
    expect(await getProject(h.store.db, projectId)).toMatchObject({ blockers: "土地指标需市里调剂", blockerKind: "PLANNING", blockerUnit: "区发改委" });
  });

  it("a kind without a problem is shown inline under 问题堵点, and nothing is saved", async () => {
    const before = await getProject(h.store.db, projectId);
    const r = await submit({ ...field("blockers", textValue("")), ...field("blockerKind", selectValue("LAND")) });
    expect(JSON.parse(r.body)).toEqual({ response_action: "errors", errors: { blockers: "已选择堵点类型，请填写问题堵点" } });
    expect(await getProject(h.store.db, projectId)).toEqual(before);
  });
});
