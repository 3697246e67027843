import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, RespondFn, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { personRefsIn, refsAsNames } from "../../domain/person-ref.ts";
import { answerPerson } from "../answer-person.ts";
import { clip, type Block } from "../blocks/kit.ts";
import { namesOf } from "../people-names.ts";
import { toLocalDate } from "../../domain/local-day.ts";
import { getSupervisionItem, refusalBeforeForm, takeSupervisionStep } from "../../services/supervision-service.ts";
import { section } from "../blocks/kit.ts";
import { refusal, refusalText } from "../blocks/messages.ts";
import { ACTION_STEP, STEPS_WITH_FORM, stepDoneText, SUPERVISION_ACTIONS, SUPERVISION_FORM, supervisionItemBlocks, supervisionStepForm, type SupervisionFormMeta } from "../blocks/supervision-blocks.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import { tellNextActor } from "../supervision-notices.ts";
import { REQUEST_TEXTS } from "../../domain/glossary.ts";
import { durableButton } from "./durable-button.ts";

// The 督办 buttons (on the item, the project card, the ping and App Home) and
// the small form behind 反馈, 不予挂牌, 退回 and 延期. A button press is one
// step at most: its key is the message and the button, so a double click or
// a Slack retry records nothing twice. Presses that take a step are written
// to the inbox before the ack (durable-button.ts); those that open a form
// stay direct.

export function registerSupervisionActions(app: App, deps: SlackDeps): void {
  // Answers go where the person can see them (response_url, the channel, else a DM), whatever channel the button was in.
  const tell = (args: { client: App["client"]; body: BlockAction; respond: RespondFn }, text: string, blocks: Block[] = [section(text)]) =>
    answerPerson(args.client, { userId: args.body.user.id, channelId: args.body.channel?.id, respond: args.body.response_url ? args.respond : undefined }, blocks, text, deps.logger);

  for (const [name, kind] of Object.entries(ACTION_STEP) as [keyof typeof SUPERVISION_ACTIONS, (typeof ACTION_STEP)[keyof typeof ACTION_STEP]][]) {
    const matcher = new RegExp(`^${SUPERVISION_ACTIONS[name]}_\\d+$`);
    if (STEPS_WITH_FORM.has(kind)) {
      // Only opens the step's form (its trigger_id lasts 3 s): direct, not through the inbox; the form's submission records the step.
      app.action<BlockAction<ButtonAction>>(matcher, async (args) => {
        const { ack, body, action, client } = args;
        await ack();
        const itemId = Number(action.value);
        const ctx = await serviceContext(deps);
        const refused = await refusalBeforeForm(ctx, body.user.id, itemId, kind);
        if (refused) return void (await tell(args, refusalText(refused.error), refusal(refused.error)));
        const found = (await getSupervisionItem(ctx, itemId))!;
        const view = { id: itemId, projectId: found.project.id, projectName: found.project.name, state: found.state };
        await client.views.open({ trigger_id: body.trigger_id, view: supervisionStepForm(view, kind, { channelId: body.channel?.id }) as never });
      });
      continue;
    }
    // A step taken by the press itself: durable (durable-button.ts).
    durableButton(app, deps, matcher, `sup-${kind}`, async (press, say) => {
      const ctx = await serviceContext(deps);
      const requestKey = `sup:${press.messageTs ?? press.viewId ?? "home"}:${press.actionId}:${press.userId}`;
      const r = await takeSupervisionStep(ctx, { userId: press.userId, source: "BUTTON", requestKey }, Number(press.value), kind);
      if (!r.ok) return r.kind === "duplicate" ? say(refusal(REQUEST_TEXTS.alreadyDone), REQUEST_TEXTS.alreadyDone) : say(refusal(r.error), refusalText(r.error));
      const missed = await tellNextActor(app.client, ctx, r.value, press.userId, deps.logger);
      const v = { id: r.value.id, projectId: r.value.projectId, projectName: r.value.projectName, state: r.value.state };
      const text = stepDoneText(v, kind);
      await say([section(text), ...(missed ? [missed] : []), ...supervisionItemBlocks(v, toLocalDate(ctx.now, ctx.rules.timeZone))], text);
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
      // Form errors are plain text: people by name.
      const names = await namesOf(client, personRefsIn(r.error));
      return void (await args.ack({ response_action: "errors", errors: { [field]: clip(refsAsNames(r.error, names), 1900) } }));
    }
    await args.ack();
    const missed = await tellNextActor(client, ctx, r.value, body.user.id, deps.logger);
    const v = { id: r.value.id, projectId: r.value.projectId, projectName: r.value.projectName, state: r.value.state };
    const text = stepDoneText(v, r.value.kind);
    const blocks = [section(text), ...(missed ? [missed] : []), ...supervisionItemBlocks(v, toLocalDate(ctx.now, ctx.rules.timeZone))];
    await answerPerson(client, { userId: body.user.id, channelId: meta.channelId }, blocks, text, deps.logger);
  });
}
