import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../log.ts";

// A bounded memory of the event_ids this process has taken, in front of every
// event listener: a re-delivery while the first is still being handled, or
// soon after, stops here without touching the store. It is enough for events
// that are harmless to repeat (app_home_opened re-publishes the same tab);
// events with an effect also claim their id in the store (claimSlackEvent),
// which holds across restarts and processes.

/** Event ids remembered at most; the oldest are forgotten first. */
const MAX_REMEMBERED = 10_000;

export function eventsOnce(logger: Logger, max = MAX_REMEMBERED): Middleware<AnyMiddlewareArgs> {
  const taken = new Set<string>();
  return async ({ body, next }) => {
    const id = (body as { type?: string; event_id?: unknown }).type === "event_callback" ? (body as { event_id?: unknown }).event_id : undefined;
    if (typeof id !== "string" || !id) return next();
    if (taken.has(id)) {
      logger.info({ eventId: id }, "Slack event re-delivered; already taken");
      return;
    }
    taken.add(id);
    for (const old of taken) {
      if (taken.size <= max) break;
      taken.delete(old);
    }
    try {
      await next();
    } catch (e) {
      // Not applied: a later delivery may try again.
      taken.delete(id);
      throw e;
    }
  };
}
