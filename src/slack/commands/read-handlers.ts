import { toLocalDate } from "../../domain/local-day.ts";
import { loadProjectCard } from "../../services/project-card.ts";
import { buildReport } from "../../services/report-service.ts";
import type { HelpCommand, ListCommand, RankCommand, ShowCommand, StalledCommand } from "../../slack-grammar/types.ts";
import { helpFor } from "../../slack-grammar/help.ts";
import { listProjects } from "../../store/projects.ts";
import { loadSnapshot } from "../../store/snapshot.ts";
import { reportContext } from "../../reports/report-context.ts";
import { esc, sectionsOf } from "../blocks/kit.ts";
import { projectList, refusal, type ListedProject } from "../blocks/messages.ts";
import { projectCardBlocks } from "../blocks/project-card.ts";
import { rankingMessages, stalledMessages, weeklyMessages, type Messages } from "../blocks/report-blocks.ts";
import type { SlackDeps } from "../deps.ts";
import type { Turn } from "../turn.ts";
import { resolveProject } from "./resolve-project.ts";

// Subcommands that only read. Everyone in the workspace may read.

export async function handleShow(cmd: ShowCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const project = await resolveProject(deps, turn, cmd.project, "例如 /project 查看 #12");
  if (!project) return;
  const card = await loadProjectCard(deps.db, project.id, deps.now());
  await turn.reply(projectCardBlocks(card!), `#${project.id} ${esc(project.name)}`);
}

export async function handleList(cmd: ListCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const rules = await deps.rules();
  const today = toLocalDate(deps.now(), rules.timeZone);
  const snapshot = await loadSnapshot(deps.db, today, rules);
  const ctx = reportContext(snapshot);
  const groups = snapshot.groups;
  const group = cmd.filters.group ? groups.find((g) => g.name.includes(cmd.filters.group!)) : undefined;
  if (cmd.filters.group && !group) {
    const msg = `没有名称包含“${cmd.filters.group}”的工作组。可选：${groups.map((g) => g.name).join("、")}`;
    return turn.reply(refusal(msg), msg);
  }
  const rank = { RED: 0, YELLOW: 1, GREEN: 2 } as const;
  const items: ListedProject[] = snapshot.projects
    .filter((p) => (!group || p.groupId === group.id) && (!cmd.filters.stage || p.stage === cmd.filters.stage))
    .filter((p) => !cmd.filters.mine || p.responsibleUserIds.includes(turn.userId))
    .map((project) => ({
      project,
      health: ctx.healthOf(project),
      groupName: ctx.groupName(project.groupId),
    }))
    .filter((i) => !cmd.filters.light || i.health.light === cmd.filters.light)
    .sort((a, b) => (a.health.light ? rank[a.health.light] : 3) - (b.health.light ? rank[b.health.light] : 3) || a.project.id - b.project.id);
  const title = [group?.name, cmd.filters.mine ? "我负责的" : null, "项目列表"].filter(Boolean).join(" ");
  await turn.reply(projectList(title, items), title);
}

async function replyAll(turn: Turn, messages: Messages, text: string): Promise<void> {
  for (const blocks of messages) await turn.reply(blocks, text);
}

export async function handleStalled(cmd: StalledCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const report = await buildReport(deps.db, { kind: "stalled", now: deps.now() }, await deps.rules());
  if (report.kind !== "stalled") return;
  const groups = cmd.group ? report.groups.filter((g) => g.name.includes(cmd.group!)) : report.groups;
  await replyAll(turn, stalledMessages({ ...report, groups }), "滞后项目清单");
}

export async function handleRank(cmd: RankCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const report = await buildReport(deps.db, { kind: "ranking", by: cmd.by, now: deps.now() }, await deps.rules());
  if (report.kind === "ranking") await replyAll(turn, rankingMessages(report), "排名");
}

export async function handleDigest(turn: Turn, deps: SlackDeps): Promise<void> {
  const report = await buildReport(deps.db, { kind: "weekly", now: deps.now() }, await deps.rules());
  if (report.kind === "weekly") await replyAll(turn, weeklyMessages(report), `周调度预览 ${report.period.label}`);
}

export async function handleHelp(cmd: HelpCommand, turn: Turn): Promise<void> {
  const text = helpFor(cmd.topic ?? undefined);
  await turn.reply(sectionsOf(text.split("\n")), "帮助");
}
