import { dayInProse, dueOn } from "../../domain/glossary.ts";
import type { HomeData } from "../../services/home-data.ts";
import { actions, button, context, divider, esc, header, section, sectionsOf, type Block } from "./kit.ts";
import { LIGHT_EMOJI, stageLabel } from "./labels.ts";
import { PICK_ACTION } from "./messages.ts";
import { accountabilityHomeBlocks } from "./app-home-accountability.ts";

// The App Home tab: the user's own projects, most urgent first, their overdue
// items, their group's rank this week, and quick buttons. At most 100 blocks.

export const HOME_ACTIONS = { newProject: "home_new_project", refresh: "home_refresh" } as const;

export function appHomeView(d: HomeData): Block {
  const blocks: Block[] = [
    header("招商调度"),
    context([`今天 ${dayInProse(d.asOf, true)}　·　命令：/project 帮助`]),
    actions([button("➕ 新建项目", HOME_ACTIONS.newProject, "new", "primary"), button("🔄 刷新", HOME_ACTIONS.refresh, "refresh")]),
  ];
  for (const g of d.groups) {
    blocks.push(
      section(
        g.rank?.rank
          ? `*${esc(g.group.name)}* 本周排名 *第 ${g.rank.rank} 名*（共 ${g.total} 组，${g.rank.change.label}）`
          : `*${esc(g.group.name)}* 本周暂无排名（未设目标）`,
      ),
    );
  }
  if (d.accountability) blocks.push(...accountabilityHomeBlocks(d.accountability, d.asOf));
  blocks.push(divider(), section(`*需要处理的逾期事项*（${d.overdue.length}）`));
  blocks.push(...(d.overdue.length ? sectionsOf(d.overdue.map((o) => `• *#${o.project.id}* ${esc(o.project.name)}：${esc(o.text)}`)).slice(0, 10) : [context(["没有逾期事项 👍"])]));
  if (d.reminders.length) {
    blocks.push(divider(), section(`*近期到期提醒*（${d.reminders.length}）`));
    blocks.push(...sectionsOf(d.reminders.map((o) => `• *#${o.project.id}* ${esc(o.project.name)}：${esc(o.text)}`)).slice(0, 5));
  }
  blocks.push(divider(), section(`*我的项目*（${d.projects.length}，按紧急程度排列）`));
  if (!d.projects.length) blocks.push(context(["你还没有负责的项目。用 /project 新建，或请管理员把你加入工作组。"]));
  const shown = d.projects.slice(0, 25);
  for (const { project: p, health } of shown) {
    blocks.push(
      section(
        `${LIGHT_EMOJI[health.light!]} *#${p.id} ${esc(p.name)}*　${stageLabel(p.stage)}${p.nextStep ? `\n下一步：${esc(p.nextStep)}${p.nextStepDue ? `（${dueOn(p.nextStepDue)}）` : ""}` : ""}${health.reasons.length ? `\n_${esc(health.reasons[0].text)}_` : ""}`,
        button("查看", `${PICK_ACTION}_${p.id}`, String(p.id)),
      ),
    );
  }
  if (d.projects.length > shown.length) blocks.push(context([`另有 ${d.projects.length - shown.length} 个项目，用 /project 列表 我的 查看全部`]));
  return { type: "home", blocks: blocks.slice(0, 100) };
}
