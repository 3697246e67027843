import { DEMO_GROUPS } from "../demo/fuling-directory.ts";
import { demoLeaderId, demoUserId } from "../demo/load-demo.ts";
import { DEMO_LEADERS, DEMO_SUPERVISOR_NAMES, DEMO_SUPERVISORS } from "../demo/demo-accountability.ts";
import type { Group } from "../domain/types.ts";
import type { SlackStandin } from "../slack-standin/index.ts";

// The sandbox workspace: people named after seed 003's commissioners and
// leaders, a summary channel, and one channel per group.

export const SANDBOX_ADMIN = "U0ADMIN";
export const SUMMARY_CHANNEL = "C0SUMMARY";

export function seedWorkspace(standin: SlackStandin, groups: Group[]): { defaultUser: string } {
  standin.addUser({ id: SANDBOX_ADMIN, name: "admin", real_name: "系统管理员" });
  // Seed 003 lists some commissioners in several groups (冯星贵 in four); each
  // sandbox account is one person, so a name already given is not reused: the
  // group's next commissioner is taken, else a plain "专员" of that group.
  const used = new Set<string>();
  const person = (g: (typeof DEMO_GROUPS)[number], n: number) => {
    const name = g.commissioners.split("、").find((c) => c && !used.has(c)) ?? `${g.name.replace("产业招商组", "")}专员${n}`;
    used.add(name);
    return `${name}（${g.name.replace("招商组", "组")}）`;
  };
  DEMO_GROUPS.forEach((g, i) => {
    standin.addUser({ id: demoUserId(i * 2 + 1), name: `demo${i * 2 + 1}`, real_name: person(g, 1) });
    standin.addUser({ id: demoUserId(i * 2 + 2), name: `demo${i * 2 + 2}`, real_name: person(g, 2) });
    standin.addUser({ id: demoLeaderId(i + 1), name: `leader${i + 1}`, real_name: `${g.leaderName}（组长）` });
  });
  // 督办员 and 包联领导 of the demo, so their App Home (待复核, 我包联的项目) can be opened as them.
  DEMO_SUPERVISORS.forEach((id, i) => standin.addUser({ id, name: `duban${i + 1}`, real_name: DEMO_SUPERVISOR_NAMES[i]! }));
  for (const l of DEMO_LEADERS) standin.addUser({ id: l.slackUserId, name: l.slackUserId.toLowerCase(), real_name: `${l.name}（包联领导）` });
  const everyone = [...standin.workspace.users.keys()];
  standin.addChannel({ id: SUMMARY_CHANNEL, name: "招商调度", members: everyone });
  for (const g of groups) {
    if (g.channelId) standin.addChannel({ id: g.channelId, name: g.name, members: [standin.bot.userId, ...g.memberUserIds, ...(g.leaderSlackId ? [g.leaderSlackId] : [])] });
  }
  return { defaultUser: demoUserId(1) };
}
