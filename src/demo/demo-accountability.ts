import { dayStart } from "../domain/local-day.ts";
import { addDays } from "../domain/periods.ts";
import type { SupervisionStep } from "../domain/supervision.ts";
import type { LocalDate } from "../domain/types.ts";
import type { Db } from "../store/client.ts";
import { upsertLeader } from "../store/leaders.ts";
import type { Actor } from "../store/projects.ts";
import { writeSetting } from "../store/settings.ts";
import { appendSupervisionStep, createSupervision, loadSupervision } from "../store/supervision.ts";

// The demo district's accountability: 区领导 who 包联 the projects (with
// Slack-shaped ids), two 督办员, and 督办 items in every state, each walked
// through its steps on past days, so lists, App Home, the digest and past
// reports all have something true to show.

const TZ = "Asia/Shanghai";
const actor: Actor = { author: "demo", source: "DEMO" };

export const DEMO_SUPERVISORS = ["U0DUBAN1", "U0DUBAN2"] as const;
export const DEMO_SUPERVISOR_NAMES = ["区督查办 罗主任", "区督查办 邓科长"] as const;
/** 包联领导 of the demo: project of group g is 包联'd by leader g % 4. */
export const DEMO_LEADERS = [
  { slackUserId: "U0BAOL01", name: "王区长" },
  { slackUserId: "U0BAOL02", name: "李副区长" },
  { slackUserId: "U0BAOL03", name: "赵副区长" },
  { slackUserId: "U0BAOL04", name: "陈副区长" },
] as const;
export const demoLeaderOf = (g: number) => DEMO_LEADERS[g % DEMO_LEADERS.length]!;

export async function loadDemoDirectory(db: Db): Promise<void> {
  for (const l of DEMO_LEADERS) await upsertLeader(db, l);
  await writeSetting(db, "supervisors", [...DEMO_SUPERVISORS]);
}

/** Each step: its kind, how many days ago, and the deadline (days from today) or note it carries. */
type Plan = Array<[SupervisionStep["kind"], number, { deadline?: number; note?: string }?]>;
const [S1, S2] = DEMO_SUPERVISORS;

/** One item per state (and a couple of histories with a 退回), by group index. */
function plans(member: string): Record<number, { by: string; plan: Plan; issue: string }> {
  return {
    0: { by: member, issue: "土地报批材料不全", plan: [["PROPOSE", 12, { deadline: 20 }]] },
    1: { by: S1, issue: "用地指标未落实", plan: [["LIST", 40, { deadline: -20 }], ["FEEDBACK", 25, { note: "已报市规划和自然资源局" }]] },
    2: { by: S1, issue: "电力增容方案未定", plan: [["LIST", 30, { deadline: 20 }], ["FEEDBACK", 14, { note: "供电公司已现场踏勘" }]] },
    3: { by: S2, issue: "环评批复滞后", plan: [["LIST", 40, { deadline: 5 }], ["FEEDBACK", 20, { note: "环评报告已报审" }], ["REQUEST_CLOSE", 15, { note: "环评已批复" }]] },
    4: { by: S1, issue: "施工许可办理滞后", plan: [["LIST", 60, { deadline: -30 }], ["REQUEST_CLOSE", 20, { note: "施工许可已取得" }], ["APPROVE", 18]] },
    5: { by: S2, issue: "配套道路未建成", plan: [["LIST", 50, { deadline: -25 }], ["REQUEST_CLOSE", 30, { note: "道路已通车" }], ["RETURN", 28, { note: "仅完成半幅施工" }], ["EXTEND", 27, { deadline: 10, note: "全幅施工须到本月底" }]] },
    6: { by: member, issue: "企业融资未到位", plan: [["PROPOSE", 25, { deadline: 10 }], ["DECLINE", 24, { note: "属企业自身事项，已在项目下一步中跟踪" }]] },
    7: { by: S1, issue: "厂房租赁协议未签", plan: [["LIST", 70, { deadline: -40 }], ["REQUEST_CLOSE", 50, { note: "已签订" }], ["RETURN", 48, { note: "协议未盖章" }], ["REQUEST_CLOSE", 30, { note: "已盖章" }], ["APPROVE", 29]] },
  };
}

/** Items in every state on the project `projectId` of group `g` (owner: the group's first member). */
export async function loadDemoSupervision(db: Db, g: number, projectId: number, member: string, today: LocalDate): Promise<void> {
  const p = plans(member)[g];
  if (!p) return;
  const at = (n: number) => new Date(dayStart(addDays(today, -n), TZ).getTime() + 9 * 3_600_000);
  const [first, ...rest] = p.plan;
  const [kind, ago, extra] = first!;
  const id = await createSupervision(
    db,
    projectId,
    { kind, by: p.by, on: addDays(today, -ago), note: "", issue: p.issue, owner: member, deadline: addDays(today, extra?.deadline ?? 10) },
    actor,
    { at: at(ago) },
  );
  for (const [k, n, x] of rest) {
    const item = (await loadSupervision(db, id, TZ))!;
    const by = k === "FEEDBACK" || k === "REQUEST_CLOSE" ? member : k === "APPROVE" && p.by === S1 ? S2 : p.by === member ? S1 : p.by;
    const step: SupervisionStep = { kind: k, by, on: addDays(today, -n), note: x?.note ?? "", ...(x?.deadline !== undefined ? { deadline: addDays(today, x.deadline) } : {}) };
    await appendSupervisionStep(db, item, step, actor, { at: at(n) });
  }
}
