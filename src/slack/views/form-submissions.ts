import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Origin, Sector, Stage } from "../../domain/types.ts";
import { loadProjectCard } from "../../services/project-card.ts";
import { createNewProject, recordProjectFunds, updateProject, type Caller } from "../../services/project-service.ts";
import type { Refusal, Result } from "../../services/service-result.ts";
import { superviseProject } from "../../services/supervision-service.ts";
import { listGroups, listUnits } from "../../store/directory.ts";
import { FORMS } from "../blocks/forms.ts";
import { clip, esc, section, type Block } from "../blocks/kit.ts";
import { personRefsIn, refsAsNames } from "../../domain/person-ref.ts";
import { namesOf } from "../people-names.ts";
import { wan } from "../blocks/labels.ts";
import { changeConfirmation, refusal, refusalText } from "../blocks/messages.ts";
import { projectCardBlocks } from "../blocks/project-card.ts";
import { serviceContext, type SlackDeps } from "../deps.ts";
import { FormReader, readMeta } from "./form-values.ts";

// Form submissions. Field mistakes are shown inline under the field (the form
// stays open); a rule refusal from the service is shown inline too, on the
// field it concerns when there is one. One view is applied at most once.

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const caller = (body: ViewSubmitAction): Caller => ({ userId: body.user.id, source: "FORM", requestKey: `view:${body.view.id}` });

async function confirm(args: Args, channelId: string | undefined, blocks: Block[], text: string) {
  const { client, body } = args;
  if (channelId) await client.chat.postEphemeral({ channel: channelId, user: body.user.id, blocks: blocks as never, text });
  else await client.chat.postMessage({ channel: body.user.id, blocks: blocks as never, text });
}

/** A refusal either closes nothing and shows inline errors, or (conflict, duplicate) closes the form and explains. */
async function refuse(args: Args, r: Refusal, field: string, deps: SlackDeps, channelId?: string) {
  if (r.kind === "duplicate") return args.ack();
  // Slack shows form errors as plain text: people by name, not as a raw <@U…>.
  if (r.kind !== "conflict") {
    const names = await namesOf(args.client, personRefsIn(r.error));
    return args.ack({ response_action: "errors", errors: { [field]: clip(refsAsNames(r.error, names), 1900) } });
  }
  await args.ack();
  const card = await loadProjectCard(deps.db, r.current.id, deps.now());
  await confirm(args, channelId, [...refusal(`${r.error}\n以下是最新内容，请在此基础上重新填写：`), ...(card ? projectCardBlocks(card) : [])], refusalText(r.error));
}

async function finish<T>(args: Args, deps: SlackDeps, r: Result<T>, field: string, channelId: string | undefined, ok: (v: T) => Promise<[Block[], string]>) {
  if (!r.ok) return refuse(args, r, field, deps, channelId);
  await args.ack();
  const [blocks, text] = await ok(r.value);
  await confirm(args, channelId, blocks, text);
}

export function registerFormSubmissions(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(FORMS.newProject, async (args) => {
    const { body, view } = args;
    const f = new FormReader(view.state.values as never);
    const agreedWan = f.money("agreed");
    const outputWan = f.money("output");
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    const [groups, units] = await Promise.all([listGroups(deps.db), listUnits(deps.db)]);
    const r = await createNewProject(await serviceContext(deps), caller(body), {
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
    });
    await finish(args, deps, r, "name", meta.channelId, async (p) => {
      const card = await loadProjectCard(deps.db, p.id, deps.now());
      return [[section(`✅ 已新建项目 *#${p.id}*`), ...projectCardBlocks(card!)], `已新建项目 #${p.id} ${esc(p.name)}`];
    });
  });

  app.view<ViewSubmitAction>(FORMS.update, async (args) => {
    const { body, view } = args;
    const f = new FormReader(view.state.values as never);
    const fundsWan = f.money("funds");
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    const chosen = f.choice("stage") as Stage | undefined;
    const stage = chosen && chosen !== meta.stage ? chosen : undefined;
    const r = await updateProject(
      await serviceContext(deps),
      caller(body),
      meta.projectId!,
      {
        stage,
        stageDate: f.date("stageDate"),
        reason: f.text("reason"),
        progress: f.text("progress"),
        nextStep: f.text("nextStep") ?? "",
        nextStepDue: f.date("due") ?? null,
        blockers: f.text("blockers") ?? "",
        fundsWan,
      },
      meta.version,
    );
    await finish(args, deps, r, stage ? "reason" : "progress", meta.channelId, async (v) => [changeConfirmation(v.project, v.changes, v), `已更新 #${v.project.id}`]);
  });

  app.view<ViewSubmitAction>(FORMS.funds, async (args) => {
    const { body, view } = args;
    const f = new FormReader(view.state.values as never);
    f.require("amount", "请填写到位金额，例如 3000万");
    const amountWan = f.money("amount");
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    const r = await recordProjectFunds(await serviceContext(deps), caller(body), meta.projectId!, { amountWan: amountWan!, date: f.date("date"), note: f.text("note") });
    await finish(args, deps, r, "amount", meta.channelId, async (v) => {
      const msg = `✅ 已登记 *#${v.project.id} ${esc(v.project.name)}* 到位资金 *+${wan(v.amountWan)}*（${v.date}）`;
      return [[section(msg)], msg];
    });
  });

  app.view<ViewSubmitAction>(FORMS.supervise, async (args) => {
    const { body, view } = args;
    const f = new FormReader(view.state.values as never);
    f.require("issue", "请填写督办事项");
    f.require("owner", "请选择负责人");
    f.require("deadline", "请选择办结期限");
    if (!f.ok) return args.ack({ response_action: "errors", errors: f.errors });
    const meta = readMeta(view.private_metadata);
    const r = await superviseProject(await serviceContext(deps), caller(body), meta.projectId!, { issue: f.text("issue")!, owner: f.user("owner")!, deadline: f.date("deadline")! });
    await finish(args, deps, r, "deadline", meta.channelId, async (v) => {
      const msg = `✅ 已挂牌督办（督办${v.id}）：${esc(v.projectName)}，负责人 <@${f.user("owner")}>，期限 ${f.date("deadline")}`;
      return [[section(msg)], msg];
    });
  });
}
