import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_ACTIONS } from "../../src/slack/blocks/project-card.ts";
import { createProject } from "../../src/store/projects.ts";
import { listSupervision } from "../../src/store/supervision.ts";
import { upsertTarget } from "../../src/store/directory.ts";
import { newProject } from "../fixtures/factories.ts";
import { ADMIN, CHANNEL, MEMBER, OTHER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// The reading subcommands and supervision, through signed slash commands.

let h: Harness;
let stale: number;

beforeAll(async () => {
  h = await startHarness();
  const seed = { author: "seed", source: "CLI" as const };
  await upsertTarget(h.store.db, { year: 2026, unitId: null, groupId: h.groupId, majorCount: 1, largeCount: 0, keyCount: 0, agreedWan: 300_000, arrivedWan: 0 });
  const at = new Date("2026-05-06T02:00:00Z");
  stale = (await createProject(h.store.db, newProject({ name: "装配式构件工厂项目", groupId: h.groupId, stage: "SIGNED", stageDates: { SIGNED: "2026-05-06" }, responsibleUserIds: [MEMBER] }), seed, { at })).id;
  await createProject(h.store.db, newProject({ name: "冷链物流园项目", groupId: h.groupId, agreedWan: 250_000, stage: "SIGNED", stageDates: { SIGNED: "2026-11-18" } }), seed, { at: new Date("2026-11-18T02:00:00Z") });
});
afterAll(async () => {
  await h.close();
});

async function run(text: string, user = MEMBER, count = 1) {
  const r = await h.slash(text, user);
  expect(r.status).toBe(200);
  const payloads = await h.responses(r.responseId, count);
  return payloads.map((p) => textOf(p.blocks)).join("\n");
}

describe("reading", () => {
  it("列表 lists projects most urgent first, and filters", async () => {
    const text = await run("列表");
    expect(text.indexOf("装配式构件工厂项目")).toBeLessThan(text.indexOf("冷链物流园项目"));
    expect(text).toContain("🔴");
    const mine = await run("列表 我的");
    expect(mine).toContain("装配式构件工厂项目");
    expect(mine).not.toContain("冷链物流园项目");
    const none = await run("列表 工作组=不存在");
    expect(none).toContain("没有名称包含“不存在”的工作组");
  });

  it("查看 shows the card to anyone, with health reasons", async () => {
    const text = await run(`查看 #${stale}`, OTHER);
    expect(text).toContain("装配式构件工厂项目");
    expect(text).toContain("签约未开工");
    expect(text).toContain("更新进展");
  });

  it("滞后 lists red and yellow projects by group", async () => {
    const text = await run("滞后");
    expect(text).toContain("滞后项目清单");
    expect(text).toContain("新材料产业招商组");
    expect(text).toContain(`#${stale}`);
  });

  it("排名 ranks groups", async () => {
    const text = await run("排名");
    expect(text).toContain("专项招商工作组目标任务完成情况排名（2026年第47周）");
    expect(text).toMatch(/1\. .*新材料产业招商组/);
  });

  it("调度 previews this week's summary privately", async () => {
    const text = await run("调度", MEMBER, 2);
    expect(text).toContain("招商引资工作周调度（2026年第47周，11月16日—22日）");
    expect(text).toContain("冷链物流园项目");
  });
});

describe("supervision", () => {
  it("督办 by an admin (a 督办员) lists an item; its 责任人's 销号 is a request the 督办员 grants", async () => {
    const opened = await run(`督办 #${stale} 事项="用地指标未落实" 负责人=<@${MEMBER}> 期限=12-31`, ADMIN);
    expect(opened).toContain("挂牌督办");
    const [item] = await listSupervision(h.store.db, stale);
    expect(item).toMatchObject({ issue: "用地指标未落实", owner: MEMBER, deadline: "2026-12-31", status: "OPEN" });
    const refused = await run(`销号 督办${item.id}`, OTHER);
    expect(refused).toContain("只有督办员可以复核");
    expect(await run(`销号 督办${item.id} 说明="已解决"`)).toContain("待督办员复核");
    expect(await run(`销号 督办${item.id}`, ADMIN)).toContain("已销号");
    expect((await listSupervision(h.store.db, stale))[0].status).toBe("CLOSED");
  });
});

describe("sharing a card", () => {
  it("posts the card to the channel only when asked", async () => {
    h.standin.clear();
    const before = h.standin.messages(CHANNEL).length;
    await h.click({ action_id: CARD_ACTIONS.share, value: String(stale) });
    const [post] = await h.waitForCall("chat.postMessage");
    expect(post.ok).toBe(true);
    expect(h.standin.messages(CHANNEL).length).toBe(before + 1);
    expect(textOf(post.args.blocks)).toContain("分享了项目卡片");
    expect(textOf(post.args.blocks)).not.toContain("发到频道");
  });
});
