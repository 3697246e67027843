import type { App, BlockAction, BlockElementAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { REQUEST_TEXTS } from "../../domain/glossary.ts";
import { answerPerson } from "../answer-person.ts";
import type { Block } from "../blocks/kit.ts";
import { refusal } from "../blocks/messages.ts";
import type { SlackDeps } from "../deps.ts";
import { ACCEPT_WITHIN_MS, RESPONSE_URL_LIFETIME_MS } from "../inbox.ts";

// A button that changes something (or answers with something) is handled as
// a slash command is: the press is written to the inbox (one small insert)
// before the ack, then done from the stored entry; after a crash the next
// process does it and answers. Buttons that only open a form stay direct:
// views.open needs the press's trigger_id within 3 s, which a stored entry
// cannot promise.

/** A press as plain data: what the work needs, kept in the inbox. */
export interface Press {
  actionId: string;
  value?: string;
  /** A date picker's pick. */
  selectedDate?: string;
  userId: string;
  channelId?: string;
  messageTs?: string;
  /** The App Home or modal the button was in. */
  viewId?: string;
  responseUrl?: string;
  /** The pressed message's blocks and text, kept only where the work rewrites the message. */
  message?: { blocks?: unknown; text?: string };
  /** When the press arrived (ms), for the response_url's 30 minutes. */
  at: number;
}

/** Answers the person who pressed: response_url while it lasts, else an ephemeral in the channel, else a DM. */
export type Tell = (blocks: Block[], text: string) => Promise<void>;

export type PressHandler = (press: Press, tell: Tell) => Promise<void>;

export function tellFor(deps: SlackDeps, client: WebClient, press: Press): Tell {
  const url = press.responseUrl;
  const respond =
    url && deps.now().getTime() - press.at < RESPONSE_URL_LIFETIME_MS
      ? async (message: object) => {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(message) });
          if (!res.ok) throw new Error(`response_url answered ${res.status}`);
        }
      : undefined;
  return async (blocks, text) => void (await answerPerson(client, { userId: press.userId, channelId: press.channelId, respond: respond as never }, blocks, text, deps.logger));
}

function pressOf(body: BlockAction, action: BlockElementAction, keepMessage: boolean, at: number): Press {
  const message = body.message as { ts: string; blocks?: unknown; text?: string } | undefined;
  return {
    actionId: action.action_id,
    value: "value" in action ? action.value : undefined,
    selectedDate: "selected_date" in action ? (action.selected_date ?? undefined) : undefined,
    userId: body.user.id,
    channelId: body.channel?.id,
    messageTs: message?.ts,
    viewId: body.view?.id ?? body.container?.view_id,
    responseUrl: body.response_url,
    message: keepMessage && message ? { blocks: message.blocks, text: message.text } : undefined,
    at,
  };
}

/**
 * Registers a durable button: `kind` names its inbox entries (and must be
 * unique), `handler` does the work from the stored press.
 */
export function durableButton(app: App, deps: SlackDeps, matcher: string | RegExp, kind: string, handler: PressHandler, opts: { keepMessage?: boolean } = {}): void {
  deps.inbox.handle(kind, (entry) => {
    const press = entry.payload as Press;
    return handler(press, tellFor(deps, app.client, press));
  });
  app.action<BlockAction>(matcher, async ({ ack, body, action, client }) => {
    const deadline = Date.now() + ACCEPT_WITHIN_MS;
    const press = pressOf(body, action, !!opts.keepMessage, deps.now().getTime());
    // One press is one delivery (its trigger_id); a second click is a second press, which the work's own key refuses.
    const deliveryKey = `button:${body.team?.id ?? ""}:${body.trigger_id ?? `${body.user.id}:${action.action_ts}:${action.action_id}`}`;
    const accepted = await deps.inbox.accept({ deliveryKey, kind, payload: press, userId: body.user.id }, deadline - Date.now());
    await ack();
    if (accepted.status === "stored") return deps.inbox.process(accepted.entry);
    if (accepted.status === "unavailable") {
      const tell = tellFor(deps, client, press);
      await tell(refusal(REQUEST_TEXTS.storeUnavailable), REQUEST_TEXTS.storeUnavailable).catch((e) => deps.logger.warn({ err: e }, "store-unavailable answer not delivered"));
    }
  });
}
