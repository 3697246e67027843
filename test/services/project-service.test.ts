import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import { createNewProject, findProject, recordProjectFunds, updateProject, type ServiceContext } from "../../src/services/project-service.ts";
import { closeOrRequest, openSupervisionItem } from "../../src/services/supervision-service.ts";
import { upsertGroup, upsertUnit } from "../../src/store/directory.ts";
import { listFunds } from "../../src/store/funds.ts";
import { getProject, projectHistory } from "../../src/store/projects.ts";
import { newGroup } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

let store: TestStore;
let ctx: ServiceContext;
const member = { userId: "U_MEMBER", source: "SLASH" as const };
const stranger = { userId: "U_STRANGER", source: "SLASH" as const };
let projectId: number;

beforeAll(async () => {
  store = await createTestStore();
  ctx = { db: store.db, rules: DEFAULT_RULES, admins: ["U_ADMIN"], now: new Date("2026-11-23T02:00:00Z") };
  await upsertUnit(store.db, { name: "白涛园区", kind: "PARK" });
  await upsertUnit(store.db, { name: "区商务委", kind: "DEPARTMENT" });
  await upsertGroup(store.db, newGroup("新材料产业招商组", ["U_MEMBER"], { leaderName: "夏艺" }));
  const created = await createNewProject(ctx, { ...member, requestKey: "new-1" }, {
    name: "锂电正极材料项目", investor: "某某新能源", origin: "OUTSIDE_CITY", sector: "INDUSTRY", groupName: "新材料", leadUnitName: "白涛", coUnitNames: ["商务委"], agreedWan: 250_000, stage: "NEGOTIATING",
  });
  if (!created.ok) throw new Error(created.error);
  projectId = created.value.id;
});
afterAll(async () => {
  await store.destroy();
});

describe("creating and finding projects", () => {
  it("resolves group and unit names and makes the creator responsible", async () => {
    const found = await findProject(store.db, { kind: "id", id: projectId });
    expect(found.status).toBe("found");
    if (found.status !== "found") return;
    expect(found.project).toMatchObject({ stage: "NEGOTIATING", stageDates: { NEGOTIATING: "2026-11-23" }, responsibleUserIds: ["U_MEMBER"] });
    expect(found.project.coUnitIds).toHaveLength(1);
  });

  it("tells a retried create that it was already done, and a second create that the name is taken", async () => {
    const req = { name: "锂电正极材料项目", investor: "某某新能源", origin: "OUTSIDE_CITY" as const, sector: "INDUSTRY" as const, groupName: "新材料" };
    expect(await createNewProject(ctx, { ...member, requestKey: "new-1" }, req)).toMatchObject({ ok: false, kind: "duplicate" });
    const again = await createNewProject(ctx, { ...member, requestKey: "new-2" }, req);
    expect(again).toMatchObject({ ok: false, kind: "invalid" });
    expect(!again.ok && again.error).toContain("已有同名同投资方的项目");
  });

  it("lists every missing field with an example", async () => {
    const r = await createNewProject(ctx, member, { name: "", groupName: "不存在的组" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain("工作组“不存在的组”不存在");
    expect(r.error).toContain("缺少项目名称，例如");
    expect(r.error).toContain("缺少投资方");
  });

  it("finds by part of a name, and suggests close names when nothing matches", async () => {
    expect(await findProject(store.db, { kind: "name", text: "正极" })).toMatchObject({ status: "found" });
    const none = await findProject(store.db, { kind: "name", text: "锂电池" });
    expect(none.status).toBe("none");
    expect(none.status === "none" && none.suggestions.map((p) => p.name)).toContain("锂电正极材料项目");
  });
});

describe("updating", () => {
  it("refuses someone outside the group and says who may", async () => {
    const r = await updateProject(ctx, stranger, projectId, { nextStep: "x" });
    expect(r).toMatchObject({ ok: false, kind: "forbidden" });
    expect(!r.ok && r.error).toContain("“新材料产业招商组”工作组成员");
  });

  it("moves the stage, records progress and funds in one go", async () => {
    const r = await updateProject(ctx, { ...member, requestKey: "upd-1" }, projectId, { stage: "SIGNED", progress: "正式签约", nextStep: "办理注册", nextStepDue: "2026-12-15", fundsWan: 3_000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.project.stage).toBe("SIGNED");
    expect(r.value.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["stage", "signedAt", "nextStep", "nextStepDue"]));
    expect((await listFunds(store.db, { projectId })).map((f) => f.amountWan)).toEqual([3_000]);
    const history = await projectHistory(store.db, projectId);
    expect(history.find((h) => h.field === "PROGRESS")?.newValue).toBe("正式签约");
  });

  it("applies a retried update once", async () => {
    const r = await updateProject(ctx, { ...member, requestKey: "upd-1" }, projectId, { stage: "SIGNED", progress: "正式签约", fundsWan: 3_000 });
    expect(r).toMatchObject({ ok: false, kind: "duplicate" });
    expect(await listFunds(store.db, { projectId })).toHaveLength(1);
  });

  it("refuses a backwards move without a reason, accepts it with one", async () => {
    const r = await updateProject(ctx, member, projectId, { stage: "NEGOTIATING" });
    expect(r).toMatchObject({ ok: false, kind: "invalid" });
    expect(!r.ok && r.error).toContain("原因");
    const ok = await updateProject(ctx, member, projectId, { stage: "NEGOTIATING", reason: "投资方要求重新谈判" });
    expect(ok.ok).toBe(true);
  });

  it("refuses a form on an old version that changes a field changed since, naming it, and returns the current values", async () => {
    // Version 1 was 洽谈; the stage moved since (签约, then back): the form's 签约 overlaps.
    const r = await updateProject(ctx, member, projectId, { stage: "SIGNED", blockers: "旧表单" }, 1);
    expect(r).toMatchObject({ ok: false, kind: "conflict" });
    expect(!r.ok && r.error).toContain("的“阶段”在你打开表单后已被");
    expect(r.ok === false && r.kind === "conflict" && r.current.stage).toBe("NEGOTIATING");
    expect((await getProject(store.db, projectId))!.blockers).not.toBe("旧表单");
  });

  it("merges a form on an old version that changes only fields nobody changed since", async () => {
    const r = await updateProject(ctx, member, projectId, { blockers: "用地：指标未落实" }, 1);
    expect(r.ok).toBe(true);
    const p = (await getProject(store.db, projectId))!;
    expect([p.blockers, p.nextStep, p.stage]).toEqual(["用地：指标未落实", "办理注册", "NEGOTIATING"]);
  });
});

describe("funds and supervision", () => {
  it("records funds once per request key and refuses future dates", async () => {
    expect((await recordProjectFunds(ctx, { ...member, requestKey: "f-7" }, projectId, { amountWan: 500 })).ok).toBe(true);
    expect(await recordProjectFunds(ctx, { ...member, requestKey: "f-7" }, projectId, { amountWan: 500 })).toMatchObject({ kind: "duplicate" });
    expect(await recordProjectFunds(ctx, member, projectId, { amountWan: 500, date: "2026-12-01" })).toMatchObject({ kind: "invalid" });
    expect(await recordProjectFunds(ctx, stranger, projectId, { amountWan: 500 })).toMatchObject({ kind: "forbidden" });
  });

  it("an editor only proposes; an admin (督办员) lists; 销号 is asked by the owner and granted by a 督办员", async () => {
    const proposed = await openSupervisionItem(ctx, member, projectId, { issue: "土地指标未落实", owner: "U_OWNER", deadline: "2026-12-31" });
    expect(proposed).toMatchObject({ ok: true, value: { status: "PROPOSED" } });
    expect(await openSupervisionItem(ctx, stranger, projectId, { issue: "土地指标未落实", owner: "U_OWNER", deadline: "2026-12-31" })).toMatchObject({ kind: "forbidden" });
    const opened = await openSupervisionItem(ctx, { userId: "U_ADMIN", source: "SLASH" }, projectId, { issue: "土地指标未落实", owner: "U_OWNER", deadline: "2026-12-31" });
    expect(opened).toMatchObject({ ok: true, value: { status: "OPEN" } });
    if (!opened.ok) return;
    expect(await closeOrRequest(ctx, stranger, opened.value.id, "")).toMatchObject({ kind: "forbidden" });
    expect(await closeOrRequest(ctx, { userId: "U_OWNER", source: "SLASH" }, opened.value.id, "已解决")).toMatchObject({ ok: true, value: { kind: "REQUEST_CLOSE", state: { status: "REVIEW" } } });
    expect(await closeOrRequest(ctx, member, opened.value.id, "")).toMatchObject({ kind: "forbidden" });
    expect(await closeOrRequest(ctx, { userId: "U_ADMIN", source: "SLASH" }, opened.value.id, "")).toMatchObject({ ok: true, value: { kind: "APPROVE", state: { status: "CLOSED", closedBy: "U_ADMIN" } } });
  });
});
