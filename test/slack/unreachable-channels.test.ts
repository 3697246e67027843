import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { FORMS } from "../../src/slack/blocks/forms.ts";
import { listFunds } from "../../src/store/funds.ts";
import { createProject } from "../../src/store/projects.ts";
import { newProject } from "../fixtures/factories.ts";
import { MEMBER, OUTSIDE, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// People act in channels the bot is not in (a public one it never joined, a
// private one nobody invited it to, an archived one). Slack refuses the bot's
// ephemerals and posts there; every answer must still reach the person.

let h: Harness;
let projectId: number;
const PRIVATE = "G0PRIVATE";
const ARCHIVED = "C0ARCHIVED";

beforeAll(async () => {
  h = await startHarness();
  h.standin.addChannel({ id: PRIVATE, name: "leaders", is_private: true, members: [MEMBER] });
  h.standin.addChannel({ id: ARCHIVED, name: "old-dispatch", members: [MEMBER, h.standin.bot.userId] });
  h.standin.archive(ARCHIVED);
  const p = await createProject(h.store.db, newProject({ name: "电子铜箔项目", groupId: h.groupId, stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-10-01" } }), { author: "seed", source: "CLI" }, { at: h.clock.now });
  projectId = p.id;
});
afterAll(async () => {
  await h.close();
});

let viewSeq = 0;
async function submitFunds(channelId: string, amount: string) {
  const values = { amount: { amount: { type: "plain_text_input", value: amount } }, date: { date: { type: "datepicker", selected_date: "2026-11-20" } } };
  const res = await h.interact({
    type: "view_submission",
    user: { id: MEMBER, username: "u0member", team_id: "T0TEST" },
    team: { id: "T0TEST" },
    view: { id: `VOUT${++viewSeq}`, type: "modal", callback_id: FORMS.funds, private_metadata: JSON.stringify({ projectId, channelId }), state: { values }, hash: "h" },
  });
  expect(res.status).toBe(200);
}

describe("answers to a person where the bot is not a member", () => {
  it("a button in a channel the bot never joined is answered through its response_url", async () => {
    h.standin.clear();
    await h.click({ action_id: CARD_ACTIONS.history, value: String(projectId) }, { channel: OUTSIDE });
    const [a] = await h.answers();
    expect(a).toMatchObject({ via: "response_url", channel: OUTSIDE });
    expect(textOf(a.blocks)).toContain(`#${projectId} 历史记录`);
    expect(h.standin.callsTo("chat.postEphemeral")).toEqual([]);
  });

  it("a form opened in a public channel without the bot: the confirmation goes to a DM", async () => {
    h.standin.clear();
    h.expectRefusal("chat.postEphemeral", "channel_not_found");
    await submitFunds(OUTSIDE, "100万");
    const [a] = await h.answers();
    expect(a.via).toBe("dm");
    expect(textOf(a.blocks)).toContain("+100万");
    expect(h.standin.messages(a.channel).map((m) => m.text)).toHaveLength(1);
  });

  it("a form opened in a private channel nobody invited the bot to: a DM too", async () => {
    h.standin.clear();
    h.expectRefusal("chat.postEphemeral", "channel_not_found");
    await submitFunds(PRIVATE, "200万");
    const [a] = await h.answers();
    expect(a.via).toBe("dm");
    expect(textOf(a.blocks)).toContain("+200万");
  });

  it("a form opened in a channel archived since: a DM", async () => {
    h.standin.clear();
    h.expectRefusal("chat.postEphemeral", "is_archived");
    await submitFunds(ARCHIVED, "300万");
    const [a] = await h.answers();
    expect(a.via).toBe("dm");
    expect((await listFunds(h.store.db, { projectId })).map((f) => f.amountWan)).toEqual([100, 200, 300]);
  });

  it("sharing a card to a public channel the bot is not in: it joins, then posts", async () => {
    h.standin.clear();
    h.expectRefusal("chat.postMessage", "not_in_channel");
    await h.click({ action_id: CARD_ACTIONS.share, value: String(projectId) }, { channel: OUTSIDE });
    await h.waitForCall("conversations.join");
    await h.settled();
    expect(h.standin.workspace.channels.get(OUTSIDE)!.members).toContain(h.standin.bot.userId);
    expect(h.standin.messages(OUTSIDE).map((m) => m.text)).toEqual([`#${projectId} 电子铜箔项目`]);
  });

  it("sharing to a private channel the bot is not in: told how to invite it, nothing lost silently", async () => {
    h.standin.clear();
    h.expectRefusal("chat.postMessage", "channel_not_found");
    h.expectRefusal("conversations.info", "channel_not_found");
    await h.click({ action_id: CARD_ACTIONS.share, value: String(projectId) }, { channel: PRIVATE });
    const [a] = await h.answers();
    expect(a.via).toBe("response_url");
    expect(textOf(a.blocks)).toContain("/invite @招商调度");
  });
});
