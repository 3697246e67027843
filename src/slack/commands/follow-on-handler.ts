import { FOLLOW_ON_KIND_NAMES, LIFECYCLE_TERMS } from "../../domain/glossary.ts";
import { recordFollowOn } from "../../services/follow-on-service.ts";
import { loadProjectCard } from "../../services/project-card.ts";
import type { FollowOnCommand } from "../../slack-grammar/types.ts";
import { followOnExample } from "../../domain/follow-on.ts";
import { esc, section } from "../blocks/kit.ts";
import { projectCardBlocks } from "../blocks/project-card.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import type { Turn } from "../turn.ts";
import { toChangeRequest } from "./change-request.ts";
import { caller, replyRefusal } from "./edit-handlers.ts";
import { resolveProject } from "./resolve-project.ts";

// `/project 未来订单 #5 类型=… 名称=…`: records the follow-on as a new project and answers with its card.

export async function handleFollowOn(cmd: FollowOnCommand, turn: Turn, deps: SlackDeps): Promise<void> {
  const parent = await resolveProject(deps, turn, cmd.parent, `例如 ${followOnExample(12)}`);
  if (!parent) return;
  const r = await recordFollowOn(await serviceContext(deps), caller(turn), parent.id, cmd.kind, toChangeRequest(cmd.fields));
  if (!r.ok) return replyRefusal(deps, turn, r);
  const card = await loadProjectCard(deps.db, r.value.project.id, deps.now());
  const said = `✅ 已登记${LIFECYCLE_TERMS.followOn} *#${r.value.project.id}*（${FOLLOW_ON_KIND_NAMES[cmd.kind]}，源自 #${parent.id} ${esc(parent.name)}）`;
  await turn.reply([section(said), ...projectCardBlocks(card!)], `已登记未来订单 #${r.value.project.id} ${esc(r.value.project.name)}`);
}
