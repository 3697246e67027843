import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkStep } from "../../src/domain/supervision.ts";
import { DEFAULT_RULES } from "../../src/domain/rules.ts";
import type { ServiceContext } from "../../src/services/project-service.ts";
import { CHECKED } from "../../src/services/service-result.ts";
import {
  closeOrRequest,
  getSupervisionItem,
  isSupervisor,
  loadSupervisors,
  openSupervisionItem,
  refusalBeforeForm,
  takeSupervisionStep,
  toldOf,
} from "../../src/services/supervision-service.ts";
import { upsertGroup } from "../../src/store/directory.ts";
import { createProject } from "../../src/store/projects.ts";
import { writeSetting } from "../../src/store/settings.ts";
import { loadSupervision } from "../../src/store/supervision.ts";
import { newGroup, newProject } from "../fixtures/factories.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// The 督办 loop's use cases on a real store: who counts as a 督办员, what
// each step records, and the refusals (their words prefixed with the item's
// number, the domain's "conflict" told as "invalid").

const ADMIN = "U0ADMIN";
const SUPERVISOR = "U0SUPER";
const MEMBER = "U0MEMBER";
const OWNER = "U0OWNER";
const OUTSIDER = "U0OUTSIDER";
const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 11-23 in Chongqing
const as = (userId: string) => ({ userId, source: "SLASH" as const });
let store: TestStore;
let ctx: ServiceContext;
let projectId: number;

beforeAll(async () => {
  store = await createTestStore();
  ctx = { db: store.db, rules: DEFAULT_RULES, admins: [ADMIN], now: NOW };
  const groupId = await upsertGroup(store.db, newGroup("新材料产业招商组", [MEMBER]));
  projectId = (await createProject(store.db, newProject({ name: "电子铜箔项目", groupId }), { author: "seed", source: "CLI" })).id;
  // The setting as an operator may have written it: ids, something else, a repeat of an admin.
  await writeSetting(store.db, "supervisors", [SUPERVISOR, 42, ADMIN]);
});
afterAll(async () => {
  await store.destroy();
});

const item = { issue: "  土地指标未落实 ", owner: ` ${OWNER} `, deadline: "2026-12-31", note: "  区长批示 " };

describe("督办员", () => {
  it("are the ids of the setting, and the admins, each once", async () => {
    expect(await loadSupervisors(ctx)).toEqual([SUPERVISOR, ADMIN]);
    expect([await isSupervisor(ctx, SUPERVISOR), await isSupervisor(ctx, ADMIN), await isSupervisor(ctx, MEMBER)]).toEqual([true, true, false]);
    const fresh = await createTestStore();
    try {
      expect(await loadSupervisors({ db: fresh.db, admins: [ADMIN] })).toEqual([ADMIN]);
      await writeSetting(fresh.db, "supervisors", "U0NOTALIST");
      expect(await loadSupervisors({ db: fresh.db, admins: [] })).toEqual([]);
    } finally {
      await fresh.destroy();
    }
  });
});

describe("opening an item", () => {
  it("a 督办员 lists it at once, trimmed, dated today; an editor proposes it", async () => {
    const listed = await openSupervisionItem(ctx, { ...as(SUPERVISOR), requestKey: "open-1" }, projectId, item);
    expect(listed).toMatchObject({ ok: true, value: { projectId, projectName: "电子铜箔项目", status: "OPEN" } });
    if (!listed.ok) return;
    expect((await loadSupervision(store.db, listed.value.id, ctx.rules.timeZone))!.steps).toEqual([
      { kind: "LIST", by: SUPERVISOR, on: "2026-11-23", note: "区长批示", issue: "土地指标未落实", owner: OWNER, deadline: "2026-12-31" },
    ]);
    expect(await openSupervisionItem(ctx, { ...as(SUPERVISOR), requestKey: "open-1" }, projectId, item)).toMatchObject({ ok: false, kind: "duplicate" });
    const proposed = await openSupervisionItem(ctx, as(MEMBER), projectId, { ...item, note: undefined });
    expect(proposed).toMatchObject({ ok: true, value: { status: "PROPOSED" } });
    if (!proposed.ok) return;
    expect((await loadSupervision(store.db, proposed.value.id, ctx.rules.timeZone))!.steps[0]).toMatchObject({ kind: "PROPOSE", note: "" });
  });

  it("refuses an unknown project, a missing owner, and what the domain refuses (its words); a check-only run writes nothing", async () => {
    expect(await openSupervisionItem(ctx, as(SUPERVISOR), 9_999, item)).toEqual({ ok: false, kind: "not_found", error: "项目 #9999 不存在。用 /project 查看 项目名称 查找项目编号。" });
    expect(await openSupervisionItem(ctx, as(SUPERVISOR), projectId, { ...item, owner: "  " })).toEqual({
      ok: false,
      kind: "invalid",
      error: `缺少责任人，例如：/project 督办 #${projectId} 事项="土地指标未落实" 责任人=@王小峡 期限=12-31`,
    });
    const outsider = checkStep(null, { kind: "PROPOSE", note: "", issue: "x", deadline: "2026-12-31" }, { userId: OUTSIDER, isSupervisor: false, isEditor: false }, "2026-11-23")!;
    expect(await openSupervisionItem(ctx, as(OUTSIDER), projectId, item)).toEqual({ ok: false, kind: "forbidden", error: outsider.text });
    const before = await store.db.supervisionItem.count();
    expect(await openSupervisionItem({ ...ctx, checkOnly: true }, as(SUPERVISOR), projectId, item)).toBe(CHECKED);
    expect(await store.db.supervisionItem.count()).toBe(before);
  });
});

describe("further steps", () => {
  it("销号 is asked by the owner and granted by another 督办员; each step records who, when and the note", async () => {
    const opened = await openSupervisionItem(ctx, as(SUPERVISOR), projectId, item);
    if (!opened.ok) throw new Error(opened.error);
    const id = opened.value.id;
    expect(await closeOrRequest(ctx, as(OWNER), 9_999, "x")).toEqual({ ok: false, kind: "not_found", error: "督办9999 不存在。督办编号见项目卡片，例如 督办12。" });
    const asked = await closeOrRequest(ctx, { ...as(OWNER), requestKey: "close-1" }, id, "  已解决 ");
    expect(asked).toMatchObject({ ok: true, value: { id, projectId, projectName: "电子铜箔项目", kind: "REQUEST_CLOSE", state: { status: "REVIEW", requestedBy: OWNER } } });
    expect(await takeSupervisionStep(ctx, { ...as(OWNER), requestKey: "close-1" }, id, "REQUEST_CLOSE", { note: "已解决" })).toMatchObject({ ok: false, kind: "duplicate" });
    // Whom to tell: the 督办员 who listed it.
    if (asked.ok) expect(await toldOf(ctx, asked.value, OWNER)).toEqual([SUPERVISOR]);
    const granted = await closeOrRequest(ctx, as(ADMIN), id, "同意");
    expect(granted).toMatchObject({ ok: true, value: { kind: "APPROVE", state: { status: "CLOSED", closedBy: ADMIN, closedOn: "2026-11-23" } } });
    expect((await loadSupervision(store.db, id, ctx.rules.timeZone))!.steps.map((s) => [s.kind, s.by, s.note])).toEqual([
      ["LIST", SUPERVISOR, "区长批示"],
      ["REQUEST_CLOSE", OWNER, "已解决"],
      ["APPROVE", ADMIN, "同意"],
    ]);
    if (granted.ok) expect(await toldOf(ctx, granted.value, ADMIN)).toEqual([]);
  });

  it("refusals carry the item's number; a step in the wrong state is invalid; unknown items are named", async () => {
    const opened = await openSupervisionItem(ctx, as(SUPERVISOR), projectId, item);
    if (!opened.ok) throw new Error(opened.error);
    const id = opened.value.id;
    const state = (await getSupervisionItem(ctx, id))!.state;
    const actorOf = (userId: string, sup: boolean) => ({ userId, isSupervisor: sup, isEditor: userId === MEMBER });
    const wrong = checkStep(state, { kind: "APPROVE", note: "" }, actorOf(ADMIN, true), "2026-11-23")!;
    expect(wrong.code).toBe("conflict");
    expect(await takeSupervisionStep(ctx, as(ADMIN), id, "APPROVE")).toEqual({ ok: false, kind: "invalid", error: `督办${id}：${wrong.text}` });
    const notOwner = checkStep(state, { kind: "FEEDBACK", note: "进展" }, actorOf(MEMBER, false), "2026-11-23")!;
    expect(await takeSupervisionStep(ctx, as(MEMBER), id, "FEEDBACK", { note: "进展" })).toEqual({ ok: false, kind: "forbidden", error: `督办${id}：${notOwner.text}` });
    expect(await takeSupervisionStep(ctx, as(OWNER), 9_999, "FEEDBACK", { note: "x" })).toEqual({ ok: false, kind: "not_found", error: "督办9999 不存在。督办编号见项目卡片或 /project 督办 列表，例如 督办12。" });
    // A check-only step writes nothing; an extension records its new deadline.
    expect(await takeSupervisionStep({ ...ctx, checkOnly: true }, as(OWNER), id, "FEEDBACK", { note: "进展" })).toBe(CHECKED);
    expect(await takeSupervisionStep(ctx, as(SUPERVISOR), id, "EXTEND", { note: " 等待批复 ", deadline: "2027-01-31" })).toMatchObject({ ok: true, value: { kind: "EXTEND", state: { deadline: "2027-01-31" } } });
    expect((await loadSupervision(store.db, id, ctx.rules.timeZone))!.steps.map((s) => [s.kind, s.note, s.deadline ?? null])).toEqual([
      ["LIST", "区长批示", "2026-12-31"],
      ["EXTEND", "等待批复", "2027-01-31"],
    ]);
    // A 督办员 asking for 销号 of an item not theirs is granting it: refused in the OPEN state.
    expect(await closeOrRequest(ctx, as(SUPERVISOR), id, "")).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("before a form: the refusal the step would meet, or null", async () => {
    const opened = await openSupervisionItem(ctx, as(SUPERVISOR), projectId, item);
    if (!opened.ok) throw new Error(opened.error);
    const id = opened.value.id;
    expect(await refusalBeforeForm(ctx, OWNER, id, "FEEDBACK")).toBeNull();
    expect(await refusalBeforeForm(ctx, OUTSIDER, id, "FEEDBACK")).toMatchObject({ ok: false, kind: "forbidden", error: expect.stringMatching(new RegExp(`^督办${id}：`)) });
    expect(await refusalBeforeForm(ctx, ADMIN, id, "APPROVE")).toMatchObject({ ok: false, kind: "invalid" });
    expect(await refusalBeforeForm(ctx, OWNER, 9_999, "FEEDBACK")).toEqual({ ok: false, kind: "not_found", error: "督办9999 不存在。" });
    expect(await getSupervisionItem(ctx, 9_999)).toBeNull();
    expect(await getSupervisionItem(ctx, id)).toMatchObject({ item: { id, projectId }, state: { status: "OPEN", owner: OWNER }, project: { id: projectId } });
  });
});
