import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../../src/store/projects.ts";
import { getProject, listProjectsFollowingOn } from "../../src/store/projects.ts";
import { MEMBER, OTHER, startHarness, textOf, type Harness } from "../helpers/slack-harness.ts";

// Seed 000's 开工拿地 and 未来订单 nodes from Slack: signed requests into the
// Bolt app, answers recorded by the stand-in (which checks every Block Kit
// payload). Today is 2026-11-23 (the harness clock).

let h: Harness;
let parentId: number;

beforeAll(async () => {
  h = await startHarness();
  const parent = await createProject(
    h.store.db,
    {
      name: "年产5万吨锂电正极材料项目", investor: "重庆某某新能源材料有限公司", industryChain: "新材料", groupId: h.groupId, leadUnitId: null, coUnitIds: [], landingUnitId: null,
      origin: "OUTSIDE_CITY", sector: "INDUSTRY", agreedWan: 250_000, outputWan: 0, stage: "STARTED", stageDates: { SIGNED: "2026-03-02", STARTED: "2026-06-01" },
      dropReason: null, leaderName: "张区长", leaderSlackId: null, responsibleUserIds: [MEMBER], nextStep: "", nextStepDue: null, blockers: "",
    },
    { author: "test", source: "CLI" },
    { at: new Date("2026-03-02T02:00:00Z") },
  );
  parentId = parent.id;
});
afterAll(async () => {
  await h.close();
});

async function run(text: string, user = MEMBER) {
  const r = await h.slash(text, user);
  expect(r.status).toBe(200);
  const [payload] = await h.responses(r.responseId);
  return textOf(payload.blocks);
}

describe("拿地 and 开工 as separate dated milestones", () => {
  it("records 拿地 without moving the stage, and the card's ladder shows it with its date before 开工", async () => {
    const text = await run(`更新 #${parentId} 拿地=05-20`);
    expect(text).toContain("已保存");
    expect(text).toContain("拿地日期：（空） → *5月20日*");
    const p = (await getProject(h.store.db, parentId))!;
    expect(p).toMatchObject({ stage: "STARTED", landAcquiredOn: "2026-05-20", stageDates: { SIGNED: "2026-03-02", STARTED: "2026-06-01" } });
    const card = await run(`查看 #${parentId}`);
    expect(card).toContain("签约 3月2日 → ~注册~ → 拿地 5月20日 → *【开工 6月1日】* → ~投产~");
  });

  it("refuses a 拿地 day after 开工, saying both days, and changes nothing", async () => {
    const text = await run(`更新 #${parentId} 拿地=06-02`);
    expect(text).toContain("拿地日期2026年6月2日晚于开工日期2026年6月1日");
    expect((await getProject(h.store.db, parentId))!.landAcquiredOn).toBe("2026-05-20");
  });

  it("阶段=拿地 on a project signed today records the milestone today and keeps it 签约", async () => {
    const created = await run(`新建 智能装备零部件项目 投资方=某某精密 来源=市外 产业类别=工业 阶段=签约`);
    const id = Number(/#(\d+)/.exec(created)![1]);
    expect(await run(`更新 #${id} 拿地=11-20`)).toContain("拿地日期2026年11月20日早于签约日期2026年11月23日");
    expect(await run(`更新 #${id} 阶段=拿地`)).toContain("已保存");
    expect(await getProject(h.store.db, id)).toMatchObject({ stage: "SIGNED", landAcquiredOn: "2026-11-23" });
  });
});

describe("/project 未来订单", () => {
  it("refuses while the parent is not yet producing, showing the right form, and creates nothing", async () => {
    const text = await run(`未来订单 #${parentId} 类型=增资扩产 名称="锂电正极材料扩产项目" 协议资金=5亿`);
    expect(text).toContain(`#${parentId}“年产5万吨锂电正极材料项目”当前为“开工”阶段：未来订单须源自已投产或达产的项目`);
    expect(text).toContain(`/project 未来订单 #${parentId} 类型=增资扩产`);
    expect(await listProjectsFollowingOn(h.store.db, parentId)).toEqual([]);
  });

  it("records a follow-on of a producing project as a new project linked to it, taking the parent's group and people", async () => {
    expect(await run(`更新 #${parentId} 阶段=投产 阶段日期=11-20`)).toContain("已保存");
    const text = await run(`未来订单 #${parentId} 类型=增资扩产 名称="锂电正极材料扩产项目" 协议资金=5亿`);
    expect(text).toContain(`已登记未来订单`);
    expect(text).toContain(`未来订单：源自 #${parentId} 年产5万吨锂电正极材料项目（增资扩产）`);
    const [child] = await listProjectsFollowingOn(h.store.db, parentId);
    expect(child).toMatchObject({
      name: "锂电正极材料扩产项目", investor: "重庆某某新能源材料有限公司", groupId: h.groupId, origin: "OUTSIDE_CITY", sector: "INDUSTRY",
      agreedWan: 50_000, stage: "LEAD", leaderName: "张区长", responsibleUserIds: [MEMBER], followOnOf: parentId, followOnKind: "EXPANSION",
    });
    const card = await run(`查看 #${parentId}`);
    expect(card).toContain(`未来订单：#${child!.id} 锂电正极材料扩产项目（增资扩产，5亿元）`);
  });

  it("a referral names its own investor; without one it is refused", async () => {
    expect(await run(`未来订单 #${parentId} 类型=以商引商 名称="正极材料配套项目" 协议资金=2亿`)).toContain("请写明投资方");
    const text = await run(`未来订单 #${parentId} 正极材料配套项目 类型=以商引商 投资方="重庆某某化工有限公司" 来源=区外市内 协议资金=2亿`);
    expect(text).toContain("以商引商");
    const children = await listProjectsFollowingOn(h.store.db, parentId);
    expect(children.map((c) => [c.followOnKind, c.investor, c.origin])).toEqual([
      ["EXPANSION", "重庆某某新能源材料有限公司", "OUTSIDE_CITY"],
      ["REFERRAL", "重庆某某化工有限公司", "IN_CITY_OUTSIDE_DISTRICT"],
    ]);
  });

  it("only those who may change the parent may record its follow-on", async () => {
    const text = await run(`未来订单 #${parentId} 类型=二期 名称="锂电正极材料二期项目"`, OTHER);
    expect(text).toContain("没有为项目");
    expect(text).toContain("登记未来订单的权限");
    expect(await listProjectsFollowingOn(h.store.db, parentId)).toHaveLength(2);
  });
});
