import type { App, BlockAction } from "@slack/bolt";
import { listGroups, listUnits } from "../../store/directory.ts";
import { loadHomeData } from "../../services/home-data.ts";
import { appHomeView, HOME_ACTIONS } from "../blocks/app-home.ts";
import { newProjectForm } from "../blocks/forms.ts";
import type { SlackDeps } from "../deps.ts";

/** Publishes the user's App Home afresh (also after a change that alters it, e.g. 已处理 on a ping). */
export async function publishHome(app: App, deps: SlackDeps, userId: string) {
  const data = await loadHomeData(deps.db, userId, deps.now(), deps.admins);
  await app.client.views.publish({ user_id: userId, view: appHomeView(data) as never });
}

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event }) => {
    if (event.tab !== "home") return;
    await publishHome(app, deps, event.user);
  });
  // Direct, not through the inbox: 刷新 changes nothing (a lost press is pressed again) and 新建项目 opens a form, which needs the trigger_id within 3 s.
  app.action<BlockAction>(HOME_ACTIONS.refresh, async ({ ack, body }) => {
    await ack();
    await publishHome(app, deps, body.user.id);
  });
  app.action<BlockAction>(HOME_ACTIONS.newProject, async ({ ack, body, client }) => {
    await ack();
    const [groups, units] = await Promise.all([listGroups(deps.db), listUnits(deps.db)]);
    const group = groups.find((g) => g.memberUserIds.includes(body.user.id));
    await client.views.open({ trigger_id: body.trigger_id, view: newProjectForm(groups, units, { groupId: group?.id }, {}) as never });
  });
}
