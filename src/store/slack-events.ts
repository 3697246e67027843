import { inTransaction, type Db } from "./client.ts";
import { AlreadyAppliedError } from "./errors.ts";
import { claimRequest } from "./projects.ts";

// Slack re-delivers an event whose ack it did not see in time (over HTTP with
// X-Slack-Retry-Num, in Socket Mode as a new envelope), always with the same
// event_id, and possibly to another process. An event with an effect claims
// its id in the store's request-key table, so it is applied once whichever
// process gets which delivery.

/** Slack retries an event for about an hour at most (immediately, after 1 min, after 5 min); kept a day. */
const EVENT_KEY_TTL_MS = 24 * 60 * 60_000;

const keyOf = (eventId: string) => `event:${eventId}`;

/** True when this delivery is the first to claim the event; false when it was (or is being) applied already. */
export async function claimSlackEvent(db: Db, eventId: string, at: Date): Promise<boolean> {
  try {
    await inTransaction(db, (tx) => claimRequest(tx, { requestKey: keyOf(eventId), requestKeyTtlMs: EVENT_KEY_TTL_MS, at }, "event"));
    return true;
  } catch (e) {
    if (e instanceof AlreadyAppliedError) return false;
    throw e;
  }
}

/** Gives the claim back when applying the event failed, so a later delivery may try again. */
export async function releaseSlackEvent(db: Db, eventId: string): Promise<void> {
  await db.appliedRequest.deleteMany({ where: { key: keyOf(eventId) } });
}
