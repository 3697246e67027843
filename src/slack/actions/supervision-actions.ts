import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { toLocalDate } from "../../domain/local-day.ts";
import { getSupervisionItem, refusalBeforeForm, takeSupervisionStep } from "../../services/supervision-service.ts";
import { section } from "../blocks/kit.ts";
import { refusal } from "../blocks/messages.ts";
import { ACTION_STEP, STEPS_WITH_FORM, stepDoneText, SUPERVISION_ACTIONS, SUPERVISION_FORM, supervisionItemBlocks, supervisionStepForm, type SupervisionFormMeta } from "../blocks/supervision-blocks.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";

// The 督办 buttons (on the item, the project card, the ping and App Home) and
// the small form behind 反馈, 不予挂牌, 退回 and 延期. A button press is one
// step at most: its key is the message and the button, so a double click or
// a Slack retry records nothing twice.

export function registerSupervisionActions(app: App, deps: SlackDeps): void {
  const tell = (client: App["client"], body: BlockAction, text: string, blocks = [section(text)]) =>
    client.chat.postEphemeral({ channel: body.channel?.id ?? body.user.id, user: body.user.id, text, blocks: blocks as never });

  for (const [name, kind] of Object.entries(ACTION_STEP) as [keyof typeof SUPERVISION_ACTIONS, (typeof ACTION_STEP)[keyof typeof ACTION_STEP]][]) {
    app.action<BlockAction<ButtonAction>>(new RegExp(`^${SUPERVISION_ACTIONS[name]}_\\d+$`), async ({ ack, body, action, client }) => {
      await ack();
      const itemId = Number(action.value);
      const ctx = await serviceContext(deps);
      if (STEPS_WITH_FORM.has(kind)) {
        const refused = await refusalBeforeForm(ctx, body.user.id, itemId, kind);
        if (refused) return void (await tell(client, body, refused.error, refusal(refused.error)));
        const found = (await getSupervisionItem(ctx, itemId))!;
        const view = { id: itemId, projectId: found.project.id, projectName: found.project.name, state: found.state };
        await client.views.open({ trigger_id: body.trigger_id, view: supervisionStepForm(view, kind, { channelId: body.channel?.id }) as never });
        return;
      }
      const requestKey = `sup:${body.message?.ts ?? body.container?.view_id ?? "home"}:${action.action_id}:${body.user.id}`;
      const r = await takeSupervisionStep(ctx, { userId: body.user.id, source: "BUTTON", requestKey }, itemId, kind);
      if (!r.ok) return void (r.kind === "duplicate" ? undefined : await tell(client, body, r.error, refusal(r.error)));
      const v = { id: r.value.id, projectId: r.value.projectId, projectName: r.value.projectName, state: r.value.state };
      const text = stepDoneText(v, kind);
      await tell(client, body, text, [section(text), ...supervisionItemBlocks(v, toLocalDate(ctx.now, ctx.rules.timeZone))]);
    });
  }

  app.view<ViewSubmitAction>(SUPERVISION_FORM, async (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { body, view, client } = args;
    const meta = JSON.parse(view.private_metadata || "{}") as SupervisionFormMeta;
    const values = view.state.values as Record<string, Record<string, { value?: string | null; selected_date?: string | null }>>;
    const note = values.note?.note?.value?.trim() ?? "";
    const deadline = values.deadline?.deadline?.selected_date ?? undefined;
    const ctx = await serviceContext(deps);
    const r = await takeSupervisionStep(ctx, { userId: body.user.id, source: "FORM", requestKey: `view:${view.id}` }, meta.itemId, meta.kind as never, { note, deadline });
    if (!r.ok) {
      if (r.kind === "duplicate") return void (await args.ack());
      const field = /期限/.test(r.error) && meta.kind === "EXTEND" ? "deadline" : "note";
      return void (await args.ack({ response_action: "errors", errors: { [field]: r.error.replace(/<@([A-Z0-9_]+)>/g, "@$1").slice(0, 1900) } }));
    }
    await args.ack();
    const v = { id: r.value.id, projectId: r.value.projectId, projectName: r.value.projectName, state: r.value.state };
    const text = stepDoneText(v, r.value.kind);
    const blocks = [section(text), ...supervisionItemBlocks(v, toLocalDate(ctx.now, ctx.rules.timeZone))];
    if (meta.channelId) await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, blocks: blocks as never, text });
    else await client.chat.postMessage({ channel: body.user.id, blocks: blocks as never, text });
  });
}
