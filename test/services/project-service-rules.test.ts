import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { JUMP_CONFIRM_BOX, jumpQuestion, skippedNote } from "../../src/domain/stages.ts";
import { textLimitProblem } from "../../src/domain/text-limits.ts";
import { createNewProject, editPermission, findProject, recordProjectFunds, updateProject, type ServiceContext } from "../../src/services/project-service.ts";
import { CHECKED, done, guard } from "../../src/services/service-result.ts";
import { AlreadyAppliedError, NotFoundError, VersionConflictError } from "../../src/store/errors.ts";
import { upsertGroup, upsertUnit } from "../../src/store/directory.ts";
import { listFunds } from "../../src/store/funds.ts";
import { upsertLeader } from "../../src/store/leaders.ts";
import { createProject, getProject, projectHistory } from "../../src/store/projects.ts";
import { newGroup, newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The project use cases' rules one by one, on a real store: how names are
// resolved (and what is said when they are not), who may create, move and
// change, what a check-only run does, the defaults a new project takes, and
// the exact words of each refusal.

const ADMIN = "U0ADMIN";
const MEMBER = "U0MEMBER";
const OTHER_MEMBER = "U0DIGITAL";
const OUTSIDER = "U0OUTSIDER";
const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 11-23 in Chongqing
const member = { userId: MEMBER, source: "SLASH" as const };
const admin = { userId: ADMIN, source: "SLASH" as const };
let store: TestStore;
let ctx: ServiceContext;
let materials: number;
let digital: number;
const units: Record<string, number> = {};

beforeAll(async () => {
  store = await createTestStore();
  ctx = { db: store.db, rules: DEFAULT_RULES, admins: [ADMIN], now: NOW };
  materials = await upsertGroup(store.db, newGroup("新材料产业招商组", [MEMBER], { leaderName: "夏艺", leaderSlackId: "U0LEAD" }));
  digital = await upsertGroup(store.db, newGroup("数字经济产业招商组", [OTHER_MEMBER]));
  for (const [name, kind] of [
    ["白涛园区", "PARK"],
    ["龙头港园区", "PARK"],
    ["区商务委", "DEPARTMENT"],
    ["区经济信息委", "DEPARTMENT"],
  ] as const)
    units[name] = await upsertUnit(store.db, { name, kind });
  await upsertLeader(store.db, { slackUserId: "U0VICE", name: "王副区长" });
});
afterAll(async () => {
  await store.destroy();
});

const seeded = (p: Parameters<typeof newProject>[0] = {}) => createProject(store.db, newProject({ groupId: materials, ...p }), { author: "seed", source: "CLI" }, { at: new Date("2026-01-01T00:00:00Z") });
const base = { investor: "某某新能源", origin: "OUTSIDE_CITY" as const, sector: "INDUSTRY" as const, groupName: "新材料" };
const error = (r: { ok: boolean; error?: string }): string => (r.ok ? "(done)" : r.error!);

describe("finding a project", () => {
  it("by number, by the one match, by the exact name among several; several give a pick list with the total", async () => {
    const a = await seeded({ name: "智能终端" });
    const b = await seeded({ name: "智能终端二期" });
    await seeded({ name: "智能终端配套园" });
    expect(await findProject(store.db, { kind: "id", id: a.id })).toEqual({ status: "found", project: a });
    expect(await findProject(store.db, { kind: "id", id: 99_999 })).toEqual({ status: "none", suggestions: [] });
    expect(await findProject(store.db, { kind: "name", text: "智能终端" })).toEqual({ status: "found", project: a });
    expect(await findProject(store.db, { kind: "name", text: "终端二期" })).toEqual({ status: "found", project: b });
    const several = await findProject(store.db, { kind: "name", text: "终端" });
    expect(several.status === "ambiguous" && [several.matches.map((p) => p.name), several.total]).toEqual([["智能终端", "智能终端二期", "智能终端配套园"], 3]);
  });

  it("with no match, suggests up to 5 names sharing the most characters, ties by number", async () => {
    const names = ["甲乙丙", "甲乙", "丙丁", "甲", "乙丁戊", "戊己"];
    const ids = new Map<string, number>();
    for (const name of names) ids.set(name, (await seeded({ name: `${name}项目X` })).id);
    const none = await findProject(store.db, { kind: "name", text: "甲乙丙丁戊庚" });
    expect(none.status).toBe("none");
    // 甲乙丙 and 乙丁戊 share 3, 甲乙 and 丙丁 2, then 甲 and 戊己 (1 each, by number: 甲 first).
    expect(none.status === "none" && none.suggestions.map((p) => p.name)).toEqual(["甲乙丙项目X", "乙丁戊项目X", "甲乙项目X", "丙丁项目X", "甲项目X"]);
  });
});

describe("names in a request", () => {
  it("says which group or unit is unknown or ambiguous, with the choices", async () => {
    const p = await seeded();
    const r = await updateProject(ctx, admin, p.id, { groupName: "产业", leadUnitName: "园区", landingUnitName: "高新区", coUnitNames: ["商务委", "没有"] });
    expect(error(r).split("\n")).toEqual([
      "工作组“产业”不唯一。可选：新材料产业招商组、数字经济产业招商组",
      "牵头单位“园区”不唯一，请写全称。例如：白涛园区、龙头港园区、区商务委",
      "落地单位“高新区”不存在。例如：白涛园区、龙头港园区、区商务委",
      "配合单位“没有”不存在。例如：白涛园区、龙头港园区、区商务委",
    ]);
    expect(error(await updateProject(ctx, admin, p.id, { groupName: "文旅" }))).toBe("工作组“文旅”不存在。可选：新材料产业招商组、数字经济产业招商组");
    expect(r).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("resolves names to ids, the leader against the directory, and says the names in the outcome", async () => {
    const p = await seeded();
    const r = await updateProject(ctx, admin, p.id, {
      groupName: "数字经济产业招商组", leadUnitName: "白涛", landingUnitName: "龙头港", coUnitNames: ["商务委", "经济信息委"], leaderName: "王副区长",
      blockerKind: "LAND", blockerUnit: "  区规划自然资源局 ", industryChain: "新材料", outputWan: 12_000,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.project).toMatchObject({
      groupId: digital, leadUnitId: units["白涛园区"], landingUnitId: units["龙头港园区"], coUnitIds: [units["区商务委"], units["区经济信息委"]],
      leaderName: "王副区长", leaderSlackId: "U0VICE", blockerKind: "LAND", blockerUnit: "区规划自然资源局", outputWan: 12_000,
    });
    expect(r.value.names).toMatchObject({ [`groupId:${digital}`]: "数字经济产业招商组", [`leadUnitId:${units["白涛园区"]}`]: "白涛园区", [`landingUnitId:${units["龙头港园区"]}`]: "龙头港园区", [`coUnitIds:${units["区商务委"]}`]: "区商务委" });
    // A blank department clears it; an unlisted leader is kept as a name.
    const cleared = await updateProject(ctx, admin, p.id, { blockerUnit: "  ", leaderName: "李书记", nextStep: "复核" });
    expect(cleared).toMatchObject({ ok: true, value: { project: { blockerUnit: null, leaderName: "李书记", leaderSlackId: null }, names: {} } });
  });

  it("refuses text over its limit, each field named", async () => {
    const p = await seeded();
    const long = "长".repeat(3_000);
    expect(error(await updateProject(ctx, admin, p.id, { nextStep: long, blockers: long }))).toBe([textLimitProblem("nextStep", long), textLimitProblem("blockers", long)].join("\n"));
    expect(error(await updateProject(ctx, admin, p.id, { reason: long, stage: "LEAD" }))).toContain(textLimitProblem("reason", long)!);
  });
});

describe("updating", () => {
  it("refuses an unknown project and someone who may not, saying who may", async () => {
    expect(await updateProject(ctx, member, 99_999, { nextStep: "x" })).toEqual({ ok: false, kind: "not_found", error: "项目 #99999 不存在。用 /project 列表 查看项目编号。" });
    const p = await seeded({ name: "铝箔项目", responsibleUserIds: ["U0RESP"] });
    // Who may, as the domain words it (people as markers): the group and its 组长, the responsible people, the admins.
    const { who } = await editPermission(ctx, OUTSIDER, p);
    expect(who).toMatch(/^“新材料产业招商组”工作组成员及组长 .*U0LEAD.*、责任人 .*U0RESP.*、管理员$/);
    expect(await updateProject(ctx, { userId: OUTSIDER, source: "SLASH" }, p.id, { nextStep: "x" })).toEqual({ ok: false, kind: "forbidden", error: `你没有修改项目 #${p.id}“铝箔项目”的权限。可修改的人：${who}。` });
    // A project in no group: its responsible people and the admins.
    const loose = await seeded({ groupId: null, responsibleUserIds: ["U0RESP"] });
    expect((await editPermission(ctx, OUTSIDER, loose)).who).toMatch(/^责任人 .*U0RESP.*、管理员$/);
    expect((await updateProject(ctx, { userId: "U0RESP", source: "SLASH" }, loose.id, { nextStep: "x" })).ok).toBe(true);
  });

  it("moving a project into another group needs that group's rights", async () => {
    const p = await seeded();
    expect(await updateProject(ctx, member, p.id, { groupName: "数字经济" })).toEqual({
      ok: false,
      kind: "forbidden",
      error: "只有“数字经济产业招商组”工作组成员、组长或管理员可以把项目移入该组。如需移交，请该组成员或管理员操作。",
    });
    // Naming its own group is no move.
    expect((await updateProject(ctx, member, p.id, { groupName: "新材料", nextStep: "留在本组" })).ok).toBe(true);
    expect(await updateProject(ctx, admin, p.id, { groupName: "数字经济" })).toMatchObject({ ok: true, value: { project: { groupId: digital } } });
  });

  it("a large jump is asked about (how depends on where it came from) and, confirmed, noted in the progress", async () => {
    const p = await seeded({ stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-03-01" } });
    expect(await updateProject(ctx, member, p.id, { stage: "STARTED" })).toEqual({ ok: false, kind: "invalid", field: "confirmJump", error: jumpQuestion("NEGOTIATING", "STARTED", "在命令末尾加上 确认=是 重新提交") });
    expect(await updateProject(ctx, { userId: MEMBER, source: "FORM" }, p.id, { stage: "STARTED" })).toEqual({ ok: false, kind: "invalid", field: "confirmJump", error: jumpQuestion("NEGOTIATING", "STARTED", `勾选“${JUMP_CONFIRM_BOX}”后保存`) });
    const r = await updateProject(ctx, member, p.id, { stage: "STARTED", confirmJump: true, progress: "设备进场", stageDate: "2026-11-20" });
    expect(r).toMatchObject({ ok: true, value: { progress: `设备进场；${skippedNote("NEGOTIATING", "STARTED")}`, project: { stage: "STARTED", stageDates: { NEGOTIATING: "2026-03-01", STARTED: "2026-11-20" } } } });
    const after = (await getProject(store.db, p.id))!;
    expect([after.stageDates.SIGNED ?? null, after.stageDates.REGISTERED ?? null]).toEqual([null, null]);
    // One stage on: no question.
    expect((await updateProject(ctx, member, p.id, { stage: "PRODUCING" })).ok).toBe(true);
  });

  it("a stage moved with a reason says so in the progress; 终止 keeps its reason", async () => {
    const p = await seeded({ stage: "SIGNED", stageDates: { SIGNED: "2026-06-01" } });
    const back = await updateProject(ctx, member, p.id, { stage: "NEGOTIATING", reason: "重新谈判" });
    expect(back).toMatchObject({ ok: true, value: { progress: "阶段调整为洽谈，原因：重新谈判" } });
    const dropped = await updateProject(ctx, member, p.id, { stage: "DROPPED", reason: "  投资方撤资  " });
    expect(dropped).toMatchObject({ ok: true, value: { project: { stage: "DROPPED", dropReason: "投资方撤资" } } });
  });

  it("拿地 is judged against the stage the same update leaves; bad funds are refused with the rest", async () => {
    const p = await seeded({ stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-03-01" } });
    expect((await updateProject(ctx, member, p.id, { landOn: "2026-11-20" })).ok).toBe(false);
    expect(await updateProject(ctx, member, p.id, { stage: "SIGNED", stageDate: "2026-11-10", landOn: "2026-11-20" })).toMatchObject({ ok: true, value: { project: { landAcquiredOn: "2026-11-20" } } });
    expect(await updateProject(ctx, member, p.id, { landOn: null })).toMatchObject({ ok: true, value: { project: { landAcquiredOn: null } } });
    expect(error(await updateProject(ctx, member, p.id, { fundsWan: 0, nextStep: "x" }))).toBe("到位金额须大于 0，例如：到位=+3000万");
    expect(error(await updateProject(ctx, member, p.id, { fundsWan: -5 }))).toBe("到位金额须大于 0，例如：到位=+3000万");
  });

  it("records funds with the update on the day given or today", async () => {
    const p = await seeded({ stage: "SIGNED", stageDates: { SIGNED: "2026-06-01" } });
    expect(await updateProject(ctx, member, p.id, { fundsWan: 300, fundsDate: "2026-11-20" })).toMatchObject({ ok: true, value: { fundsWan: 300 } });
    expect((await updateProject(ctx, member, p.id, { fundsWan: 200 })).ok).toBe(true);
    expect((await listFunds(store.db, { projectId: p.id })).map((f) => [f.date, f.amountWan])).toEqual([
      ["2026-11-20", 300],
      ["2026-11-23", 200],
    ]);
  });

  it("a check-only run answers CHECKED and writes nothing", async () => {
    const p = await seeded();
    const check: ServiceContext = { ...ctx, checkOnly: true };
    expect(await updateProject(check, member, p.id, { nextStep: "只检查", fundsWan: 100 })).toBe(CHECKED);
    expect(await recordProjectFunds(check, member, p.id, { amountWan: 100 })).toBe(CHECKED);
    expect(await createNewProject(check, member, { name: "只检查项目", ...base })).toBe(CHECKED);
    expect(await getProject(store.db, p.id)).toEqual(p);
    expect(await listFunds(store.db, { projectId: p.id })).toEqual([]);
    expect((await findProject(store.db, { kind: "name", text: "只检查项目" })).status).toBe("none");
  });
});

describe("recording funds", () => {
  it("refuses an unknown project, someone who may not, a long note, a non-positive amount and a future day", async () => {
    expect(await recordProjectFunds(ctx, member, 99_999, { amountWan: 1 })).toEqual({ ok: false, kind: "not_found", error: "项目 #99999 不存在。用 /project 列表 查看项目编号。" });
    const p = await seeded({ name: "玻纤项目" });
    const { who } = await editPermission(ctx, OUTSIDER, p);
    expect(await recordProjectFunds(ctx, { userId: OUTSIDER, source: "SLASH" }, p.id, { amountWan: 1 })).toEqual({ ok: false, kind: "forbidden", error: `你没有为项目 #${p.id}“玻纤项目”登记到位资金的权限。可登记的人：${who}。` });
    const long = "注".repeat(3_000);
    expect(await recordProjectFunds(ctx, member, p.id, { amountWan: 1, note: long })).toEqual({ ok: false, kind: "invalid", error: textLimitProblem("note", long) });
    for (const amountWan of [0, -1, Number.NaN]) expect(await recordProjectFunds(ctx, member, p.id, { amountWan })).toEqual({ ok: false, kind: "invalid", error: `到位金额须大于 0，例如：/project 到位 #${p.id} +3,000万` });
    expect(await recordProjectFunds(ctx, member, p.id, { amountWan: 1, date: "2026-11-24" })).toEqual({ ok: false, kind: "invalid", error: "到位日期 2026-11-24 在今天之后：请登记已经到账的资金。" });
  });

  it("records today's entry with its note, once per key", async () => {
    const p = await seeded();
    expect(await recordProjectFunds(ctx, { ...member, requestKey: "f1" }, p.id, { amountWan: 800, note: "首期" })).toEqual({ ok: true, value: { project: p, amountWan: 800, date: "2026-11-23" } });
    expect(await recordProjectFunds(ctx, member, p.id, { amountWan: 100, date: "2026-11-23" })).toMatchObject({ ok: true });
    expect((await listFunds(store.db, { projectId: p.id })).map((f) => [f.date, f.amountWan, f.note])).toEqual([
      ["2026-11-23", 800, "首期"],
      ["2026-11-23", 100, ""],
    ]);
    const [row] = await projectHistory(store.db, p.id, 1);
    expect([row!.author, row!.source, row!.at]).toEqual([MEMBER, "SLASH", NOW]);
  });
});

describe("the store's expected failures", () => {
  // Reached in a use case only when another writer gets in between its checks
  // and its write (two processes on PostgreSQL): what each is told.
  it("a version conflict, a repeated request and a vanished row become refusals; anything else is rethrown", async () => {
    const p = await seeded();
    const conflict = new VersionConflictError(p);
    expect(await guard(async () => Promise.reject(conflict))).toEqual({ ok: false, kind: "conflict", error: conflict.message, current: p });
    expect(await guard(async () => Promise.reject(new AlreadyAppliedError("k", "created")))).toEqual({ ok: false, kind: "duplicate", error: "该操作已处理过，未重复记录。" });
    expect(await guard(async () => Promise.reject(new NotFoundError("项目 #9 不存在。")))).toEqual({ ok: false, kind: "not_found", error: "项目 #9 不存在。" });
    await expect(guard(async () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    expect(await guard(async () => done(1))).toEqual({ ok: true, value: 1 });
  });
});

describe("creating", () => {
  it("takes defaults where the request is silent: 线索 today, the creator responsible, no units", async () => {
    const r = await createNewProject(ctx, { ...member, source: "FORM" }, { name: "  钠电池项目 ", ...base, investor: "  某某钠电 " });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      name: "钠电池项目", investor: "某某钠电", industryChain: "", groupId: materials, leadUnitId: null, coUnitIds: [], landingUnitId: null, origin: "OUTSIDE_CITY", sector: "INDUSTRY",
      agreedWan: 0, outputWan: 0, stage: "LEAD", stageDates: { LEAD: "2026-11-23" }, dropReason: null, leaderName: "", leaderSlackId: null, responsibleUserIds: [MEMBER],
      nextStep: "", nextStepDue: null, blockers: "", blockerKind: null, blockerUnit: null, followOnOf: null, followOnKind: null,
    });
    const [created] = await projectHistory(store.db, r.value.id);
    expect([created!.author, created!.source, created!.at]).toEqual([MEMBER, "FORM", NOW]);
  });

  it("takes what the request gives", async () => {
    const r = await createNewProject(ctx, admin, {
      name: "光伏组件项目", ...base, industryChain: "光伏", stage: "SIGNED", stageDate: "2026-11-02", agreedWan: 80_000, outputWan: 5_000, leadUnitName: "白涛", landingUnitName: "龙头港", coUnitNames: ["商务委"],
      leaderName: "<@U0VICE>", responsibleUserIds: ["U0A", "U0B"], nextStep: "注册公司", nextStepDue: "2026-12-01", blockers: "缺电", blockerKind: "ENERGY", blockerUnit: " 区发展改革委 ",
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        industryChain: "光伏", stage: "SIGNED", stageDates: { SIGNED: "2026-11-02" }, agreedWan: 80_000, outputWan: 5_000, leadUnitId: units["白涛园区"], landingUnitId: units["龙头港园区"], coUnitIds: [units["区商务委"]],
        leaderName: "王副区长", leaderSlackId: "U0VICE", responsibleUserIds: ["U0A", "U0B"], nextStep: "注册公司", nextStepDue: "2026-12-01", blockers: "缺电", blockerKind: "ENERGY", blockerUnit: "区发展改革委",
      },
    });
  });

  it("takes a base's values (a follow-on's parent) unless the request names its own", async () => {
    const r = await createNewProject(ctx, member, { name: "扩产项目", groupName: undefined, leadUnitName: "龙头港" }, {
      investor: "母公司", industryChain: "材料", groupId: materials, leadUnitId: units["白涛园区"], coUnitIds: [units["区商务委"]!], landingUnitId: units["白涛园区"], origin: "IN_DISTRICT", sector: "SERVICE",
      leaderName: "李书记", leaderSlackId: "U0SEC", responsibleUserIds: ["U0P"], followOnOf: 1, followOnKind: "EXPANSION", groupChecked: true,
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        investor: "母公司", industryChain: "材料", groupId: materials, leadUnitId: units["龙头港园区"], coUnitIds: [units["区商务委"]], landingUnitId: units["白涛园区"], origin: "IN_DISTRICT", sector: "SERVICE",
        leaderName: "李书记", leaderSlackId: "U0SEC", responsibleUserIds: ["U0P"], followOnOf: 1, followOnKind: "EXPANSION",
      },
    });
    // An inherited group not yet checked is checked: an outsider may not create in it.
    expect((await createNewProject(ctx, { userId: OUTSIDER, source: "SLASH" }, { name: "越权项目" }, { investor: "x", origin: "IN_DISTRICT", sector: "SERVICE", groupId: materials })).ok).toBe(false);
  });

  it("lists every missing field, and says where it may not create", async () => {
    expect(error(await createNewProject(ctx, member, { name: "  " })).split("\n")).toEqual([
      "缺少项目名称，例如：/project 新建 锂电池正极材料项目 投资方=某某新能源 协议资金=25亿 工作组=新材料",
      '缺少投资方，例如：投资方="某某新能源科技有限公司"',
      "缺少项目来源，例如：来源=市外（可选：市外、区外市内、区内）",
      "缺少产业类别，例如：产业类别=工业（可选：工业、服务业）",
    ]);
    expect(await createNewProject(ctx, member, { name: "无组项目", ...base, groupName: undefined })).toEqual({ ok: false, kind: "forbidden", error: "请用 工作组=... 指明项目所属工作组（须是你所在的工作组）。" });
    expect(await createNewProject(ctx, member, { name: "他组项目", ...base, groupName: "数字经济" })).toEqual({ ok: false, kind: "forbidden", error: "只有“数字经济产业招商组”工作组成员或管理员可以在该组新建项目。" });
    expect((await createNewProject(ctx, admin, { name: "无组项目", ...base, groupName: undefined })).ok).toBe(true);
  });

  it("a name and investor already on record is refused with how to find it", async () => {
    await seeded({ name: "重名项目", investor: "某某集团" });
    expect(await createNewProject(ctx, member, { name: "重名项目", ...base, investor: "某某集团" })).toEqual({ ok: false, kind: "invalid", error: "已有同名同投资方的项目“重名项目”（某某集团）。请用 /project 查看 重名项目 找到它并更新。" });
  });
});
