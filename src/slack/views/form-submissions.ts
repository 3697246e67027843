import type { BlockerKind } from "../../domain/blockers.ts";
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { REQUEST_TEXTS } from "../../domain/glossary.ts";
import type { LocalDate, Origin, Project, Sector, Stage } from "../../domain/types.ts";
import { isStoreUnavailable, withinMs } from "../../store/errors.ts";
import { ACCEPT_WITHIN_MS, type InboxHandler } from "../inbox.ts";
import { loadProjectCard } from "../../services/project-card.ts";
import { createNewProject, recordProjectFunds, updateProject, type Caller, type ProjectChangeRequest, type ServiceContext, type UpdateOutcome } from "../../services/project-service.ts";
import type { Refusal, Result } from "../../services/service-result.ts";
import { openSupervisionItem, type OpenedItem } from "../../services/supervision-service.ts";
import { listGroups, listUnits } from "../../store/directory.ts";
import { FORMS } from "../blocks/forms.ts";
import { clip, esc, section, type Block } from "../blocks/kit.ts";
import { personRefsIn, refsAsNames } from "../../domain/person-ref.ts";
import { namesOf } from "../people-names.ts";
import { answerPerson } from "../answer-person.ts";
import { wan } from "../blocks/labels.ts";
import { changeConfirmation, refusal, refusalText } from "../blocks/messages.ts";
import { projectCardBlocks } from "../blocks/project-card.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import { FormReader, readMeta } from "./form-values.ts";

// Form submissions, acknowledged within Slack's 3 s whatever the store is
// doing: field mistakes and every refusal the service can decide (rights,
// rules, a changed version) are found by a check-only run before the ack and
// shown inline, so the form stays open; only then is the change written to
// the inbox, the form closed, and the change applied from the inbox and
// confirmed. One view is applied at most once.

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A form's change as plain data: kept in the inbox, applied after the ack (or after a restart). */
type FormChange =
  | { op: "new"; req: ProjectChangeRequest }
  | { op: "update"; projectId: number; req: ProjectChangeRequest; expectedVersion?: number }
  | { op: "funds"; projectId: number; entry: { amountWan: number; date?: LocalDate; note?: string } }
  | { op: "supervise"; projectId: number; item: { issue: string; owner: string; deadline: LocalDate } };

interface FormPayload {
  change: FormChange;
  userId: string;
  viewId: string;
  channelId?: string;
}

const callerOf = (p: Pick<FormPayload, "userId" | "viewId">): Caller => ({ userId: p.userId, source: "FORM", requestKey: `view:${p.viewId}` });

function applyChange(ctx: ServiceContext, caller: Caller, c: FormChange): Promise<Result<unknown>> {
  switch (c.op) {
    case "new":
      return createNewProject(ctx, caller, c.req);
    case "update":
      return updateProject(ctx, caller, c.projectId, c.req, c.expectedVersion);
    case "funds":
      return recordProjectFunds(ctx, caller, c.projectId, c.entry);
    case "supervise":
      return openSupervisionItem(ctx, caller, c.projectId, c.item);
  }
}

/** What the person is told once the change is in. */
async function confirmation(deps: SlackDeps, c: FormChange, value: unknown): Promise<[Block[], string]> {
  switch (c.op) {
    case "new": {
      const p = value as Project;
      const card = await loadProjectCard(deps.db, p.id, deps.now());
      return [[section(`✅ 已新建项目 *#${p.id}*`), ...projectCardBlocks(card!)], `已新建项目 #${p.id} ${esc(p.name)}`];
    }
    case "update": {
      const v = value as UpdateOutcome;
      return [changeConfirmation(v.project, v.changes, v), `已更新 #${v.project.id}`];
    }
    case "funds": {
      const v = value as { project: Project; amountWan: number; date: LocalDate };
      const msg = `✅ 已登记 *#${v.project.id} ${esc(v.project.name)}* 到位资金 *+${wan(v.amountWan)}*（${v.date}）`;
      return [[section(msg)], msg];
    }
    case "supervise": {
      const v = value as OpenedItem;
      const what = v.status === "OPEN" ? "已挂牌督办" : "已提交督办建议，待督办员确认";
      const msg = `✅ ${what}（督办${v.id}）：${esc(v.projectName)}，责任人 <@${c.item.owner}>，期限 ${c.item.deadline}`;
      return [[section(msg)], msg];
    }
  }
}

/** A form has no response_url: an ephemeral where it was opened, or a DM where the bot cannot post. */
async function tell(deps: SlackDeps, client: WebClient, userId: string, channelId: string | undefined, blocks: Block[], text: string) {
  await answerPerson(client, { userId, channelId }, blocks, text, deps.logger);
}

/** A refusal found after the form closed (another writer got in between): said in a message, with the current values on a conflict. */
async function refusalMessage(deps: SlackDeps, r: Refusal): Promise<[Block[], string]> {
  if (r.kind === "duplicate") return [refusal(REQUEST_TEXTS.alreadyDone), REQUEST_TEXTS.alreadyDone];
  if (r.kind !== "conflict") return [refusal(r.error), refusalText(r.error)];
  const card = await loadProjectCard(deps.db, r.current.id, deps.now());
  return [[...refusal(`${r.error}\n以下是最新内容，请在此基础上重新填写：`), ...(card ? projectCardBlocks(card) : [])], refusalText(r.error)];
}

/** Applies a form's change from the inbox and tells the person how it went. */
export function formInboxHandler(deps: SlackDeps, client: WebClient): InboxHandler {
  return async (entry) => {
    const p = entry.payload as FormPayload;
    const r = await applyChange(await serviceContext(deps), callerOf(p), p.change);
    const [blocks, text] = r.ok ? await confirmation(deps, p.change, r.value) : await refusalMessage(deps, r);
    await tell(deps, client, p.userId, p.channelId, blocks, text);
  };
}

/** Slack shows form errors as plain text: people by name, not as a raw <@U…>. */
async function inlineText(client: WebClient, t: string): Promise<string> {
  return clip(refsAsNames(t, await namesOf(client, personRefsIn(t))), 1900);
}

/**
 * The common path of every form once its fields are read: check (bounded in
 * time), refuse inline, write to the inbox, acknowledge, apply.
 */
async function submit(args: Args, deps: SlackDeps, change: FormChange, field: string, channelId: string | undefined): Promise<void> {
  const deadline = Date.now() + ACCEPT_WITHIN_MS;
  const { body } = args;
  const payload: FormPayload = { change, userId: body.user.id, viewId: body.view.id, channelId };
  const unavailable = () => args.ack({ response_action: "errors", errors: { [field]: REQUEST_TEXTS.storeUnavailableForm } });
  let check: Result<unknown>;
  try {
    const ctx = await withinMs(serviceContext(deps), deadline - Date.now(), "the rules");
    check = await withinMs(applyChange({ ...ctx, checkOnly: true }, callerOf(payload), change), Math.max(deadline - Date.now(), 100), "the form check");
  } catch (e) {
    if (!isStoreUnavailable(e)) throw e;
    return unavailable();
  }
  if (!check.ok) {
    if (check.kind === "duplicate") return args.ack();
    const at = "field" in check && check.field && ((body.view.blocks ?? []) as { block_id?: string }[]).some((b) => b.block_id === check.field) ? check.field : field;
    await args.ack({ response_action: "errors", errors: { [at]: await inlineText(args.client, check.error) } });
    // On a conflict the form stays open with the reason; the current values come beside it.
    if (check.kind === "conflict") {
      const [blocks, text] = await refusalMessage(deps, check);
      await tell(deps, args.client, body.user.id, channelId, blocks, text).catch((e) => deps.logger.warn({ err: e }, "conflict details not delivered"));
    }
    return;
  }
  const accepted = await deps.inbox.accept({ deliveryKey: `view:${body.view.id}`, kind: "form", payload, userId: body.user.id }, deadline - Date.now());
  if (accepted.status === "unavailable") return unavailable();
  await args.ack();
  if (accepted.status === "stored") deps.inbox.process(accepted.entry);
}

export function registerFormSubmissions(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(FORMS.newProject, async (args) => {
    const { view } = args;
    const f = new FormReader(view.state.values as never);
    const agreedWan = f.money("agreed");
    const outputWan = f.money("output");
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    const directory = await withinMs(Promise.all([listGroups(deps.db), listUnits(deps.db)]), ACCEPT_WITHIN_MS / 2, "the directory").catch((e: unknown) => {
      if (!isStoreUnavailable(e)) throw e;
      return null;
    });
    if (!directory) return args.ack({ response_action: "errors", errors: { name: REQUEST_TEXTS.storeUnavailableForm } });
    const [groups, units] = directory;
    const req: ProjectChangeRequest = {
      name: f.text("name"),
      investor: f.text("investor"),
      groupName: groups.find((g) => String(g.id) === f.choice("group"))?.name,
      origin: f.choice("origin") as Origin,
      sector: f.choice("sector") as Sector,
      agreedWan,
      outputWan,
      leadUnitName: units.find((u) => String(u.id) === f.choice("leadUnit"))?.name,
      stage: f.choice("stage") as Stage | undefined,
      nextStep: f.text("nextStep"),
      nextStepDue: f.date("due"),
    };
    await submit(args, deps, { op: "new", req }, "name", meta.channelId);
  });

  app.view<ViewSubmitAction>(FORMS.update, async (args) => {
    const { view } = args;
    const f = new FormReader(view.state.values as never);
    const fundsWan = f.money("funds");
    const blockers = f.text("blockers") ?? "";
    // A kind without a problem to file under it would be lost on save: say so under the text.
    if (!blockers && f.choice("blockerKind")) f.errors.blockers = "已选择堵点类型，请填写问题堵点";
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    const chosen = f.choice("stage") as Stage | undefined;
    const stage = chosen && chosen !== meta.stage ? chosen : undefined;
    const req: ProjectChangeRequest = {
      stage,
      stageDate: f.date("stageDate"),
      reason: f.text("reason"),
      confirmJump: f.ticked("confirmJump"),
      progress: f.text("progress"),
      nextStep: f.text("nextStep") ?? "",
      nextStepDue: f.date("due") ?? null,
      blockers,
      blockerKind: blockers ? ((f.choice("blockerKind") as BlockerKind | undefined) ?? null) : null,
      blockerUnit: blockers ? (f.text("blockerUnit") ?? null) : null,
      fundsWan,
    };
    await submit(args, deps, { op: "update", projectId: meta.projectId!, req, expectedVersion: meta.version }, stage ? "reason" : "progress", meta.channelId);
  });

  app.view<ViewSubmitAction>(FORMS.funds, async (args) => {
    const { view } = args;
    const f = new FormReader(view.state.values as never);
    f.require("amount", "请填写到位金额，例如 3000万");
    const amountWan = f.money("amount");
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    await submit(args, deps, { op: "funds", projectId: meta.projectId!, entry: { amountWan: amountWan!, date: f.date("date"), note: f.text("note") } }, "amount", meta.channelId);
  });

  app.view<ViewSubmitAction>(FORMS.supervise, async (args) => {
    const { view } = args;
    const f = new FormReader(view.state.values as never);
    f.require("issue", "请填写督办事项");
    f.require("owner", "请选择责任人");
    f.require("deadline", "请选择办结期限");
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    await submit(args, deps, { op: "supervise", projectId: meta.projectId!, item: { issue: f.text("issue")!, owner: f.user("owner")!, deadline: f.date("deadline")! } }, "deadline", meta.channelId);
  });
}
