import type { Project } from "../../domain/types.ts";
import { findProject, type ProjectRef } from "../../services/project-service.ts";
import { notFound, pickList } from "../blocks/messages.ts";
import type { SlackDeps } from "../deps.ts";
import type { Turn } from "../turn.ts";

/** The project a command names, or null after telling the user the choices (several) or the closest names (none). */
export async function resolveProject(deps: SlackDeps, turn: Turn, ref: ProjectRef, hint: string): Promise<Project | null> {
  const found = await findProject(deps.db, ref);
  if (found.status === "found") return found.project;
  if (found.status === "ambiguous") {
    await turn.reply(pickList(ref.kind === "name" ? ref.text : `#${ref.id}`, found.matches, hint, found.total), "请选择项目");
    return null;
  }
  const text = ref.kind === "name" ? ref.text : `#${ref.id}`;
  if (ref.kind === "id") await turn.reply([{ type: "section", text: { type: "mrkdwn", text: `没有编号为 #${ref.id} 的项目。用 \`/project 列表\` 查看项目编号。` } }], "项目不存在");
  else await turn.reply(notFound(text, found.suggestions), `没有找到“${text}”`);
  return null;
}
