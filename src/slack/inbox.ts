import { hostname } from "node:os";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../log.ts";
import type { Db } from "../store/client.ts";
import { isStoreUnavailable, withinMs } from "../store/errors.ts";
import { addInboxEntry, discardInboxEntry, listUnfinishedInbox, markInboxEntryDone, pruneInbox, takeOverInboxEntry, type InboxEntry } from "../store/inbox.ts";
import type { Block } from "./blocks/kit.ts";
import type { WorkQueue } from "./work-queue.ts";

// The durable inbox's Slack side. A request is written (one small insert)
// before Slack gets its acknowledgement; only then is it acknowledged, and
// its work runs from the stored entry, which is marked done once the person
// has been answered. A crash leaves the entry unfinished: the next process
// on this host (or any process, once the claim is old) takes it over and
// answers. A store that is down when the request arrives is said so at once
// in the acknowledgement, and nothing is kept; a store that goes down during
// the work leaves the entry for a later attempt.

/** How long the insert may take before the person is told the store is unavailable (Slack's limit is 3 s in all). */
export const ACCEPT_WITHIN_MS = 2_300;
/** Slack accepts answers on a response_url for 30 minutes; later ones go to a direct message. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
/** A claim by a process on another host is taken over after this long (its process may be gone). */
const FOREIGN_CLAIM_MS = 10 * 60_000;

export interface Answer {
  blocks: Block[];
  text: string;
}

/** How an entry is answered: through its response_url while it lasts, then by direct message. */
export interface Replier {
  reply(answer: Answer): Promise<void>;
}

/** Work for one kind of entry: does it and answers through `replier`. */
export type InboxHandler = (entry: InboxEntry, replier: Replier) => Promise<void>;

export interface InboxDeps {
  db: Db;
  client: WebClient;
  logger: Logger;
  work: WorkQueue;
  now: () => Date;
  /** What to say when the work failed for good. */
  failureText: string;
}

export type Accepted = { status: "stored"; entry: InboxEntry } | { status: "duplicate" } | { status: "unavailable" };

export interface Inbox {
  readonly worker: string;
  /** Writes the request, within ACCEPT_WITHIN_MS; "unavailable" when the store did not take it in time (nothing will run). */
  accept(req: { deliveryKey: string; kind: string; payload: unknown; userId: string }, withinMsBudget?: number): Promise<Accepted>;
  /** Runs a stored entry's work (after the acknowledgement). */
  process(entry: InboxEntry): void;
  handle(kind: string, handler: InboxHandler): void;
  /** Looks for unfinished entries now and every `everyMs`: this process's retries and dead processes' leftovers. */
  start(everyMs?: number): void;
  stop(): void;
}

export function createInbox(deps: InboxDeps, worker = `${hostname()}:${process.pid}`): Inbox {
  const handlers = new Map<string, InboxHandler>();
  const busy = new Set<number>();
  // Finished here, perhaps after a sweep read them as unfinished: not run again.
  const finished = new Set<number>();
  /** Delivery keys answered "unavailable" whose insert may still land (then discarded, never run). */
  const abandoned = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let sweeping = false;
  let lastPrune = 0;

  const replierFor = (entry: InboxEntry): Replier => ({
    async reply(answer) {
      const url = (entry.payload as { responseUrl?: string }).responseUrl;
      if (url && deps.now().getTime() - entry.receivedAt.getTime() < RESPONSE_URL_LIFETIME_MS) {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify({ response_type: "ephemeral", replace_original: false, blocks: answer.blocks, text: answer.text }),
        }).catch((e: unknown) => (deps.logger.warn({ err: e }, "response_url unreachable"), undefined));
        if (res?.ok) return;
        deps.logger.warn({ status: res?.status }, "response_url refused the answer; sending a direct message");
      }
      await deps.client.chat.postMessage({ channel: entry.userId, blocks: answer.blocks as never, text: answer.text });
    },
  });

  /** True when the entry is settled (answered, marked done); false when it waits for the store to come back. */
  const run = async (entry: InboxEntry): Promise<boolean> => {
    const handler = handlers.get(entry.kind);
    const replier = replierFor(entry);
    try {
      if (!handler) throw new Error(`no handler for inbox entries of kind ${entry.kind}`);
      await handler(entry, replier);
      await markInboxEntryDone(deps.db, entry.id, deps.now());
      return true;
    } catch (e) {
      // The store went away: leave the entry; a later sweep runs it again (the change is written at most once).
      if (isStoreUnavailable(e)) {
        deps.logger.warn({ entry: entry.id, err: e }, "store unavailable; the request will be retried");
        return false;
      }
      deps.logger.error({ entry: entry.id, err: e }, "inbox entry failed");
      await replier.reply({ blocks: [{ type: "section", text: { type: "mrkdwn", text: `⚠️ ${deps.failureText}` } }], text: deps.failureText }).catch(() => {});
      await markInboxEntryDone(deps.db, entry.id, deps.now()).catch(() => {});
      return true;
    }
  };

  const inbox: Inbox = {
    worker,
    handle: (kind, handler) => void handlers.set(kind, handler),

    async accept(req, budget = ACCEPT_WITHIN_MS) {
      const receivedAt = deps.now();
      const insert = addInboxEntry(deps.db, { ...req, receivedAt, worker });
      try {
        const entry = await withinMs(insert, Math.max(budget, 100), "the inbox insert");
        return entry ? { status: "stored", entry } : { status: "duplicate" };
      } catch (e) {
        if (!isStoreUnavailable(e)) throw e;
        // The person is told it was not taken: if the insert still lands, it must not run,
        // neither here nor by a sweep that lists it before this process hears of the commit.
        abandoned.add(req.deliveryKey);
        void insert.then(
          (late) =>
            late &&
            discardInboxEntry(deps.db, late.id).then(() => {
              abandoned.delete(req.deliveryKey);
              deps.logger.warn({ entry: late.id }, "late inbox entry discarded");
            }),
          () => abandoned.delete(req.deliveryKey),
        );
        return { status: "unavailable" };
      }
    },

    process(entry) {
      if (busy.has(entry.id) || finished.has(entry.id)) return;
      busy.add(entry.id);
      deps.work.run(() =>
        run(entry).then((settled) => {
          busy.delete(entry.id);
          if (settled) finished.add(entry.id);
        }),
      );
    },

    start(everyMs = 2_000) {
      const sweep = async () => {
        if (sweeping) return;
        sweeping = true;
        try {
          const now = deps.now();
          const before = new Set(finished);
          const unfinished = await listUnfinishedInbox(deps.db);
          // Ids finished before the listing and not in it are done in the store too: forget them.
          const listed = new Set(unfinished.map((e) => e.id));
          for (const id of before) if (!listed.has(id)) finished.delete(id);
          for (const entry of unfinished) {
            if (busy.has(entry.id) || finished.has(entry.id)) continue;
            if (abandoned.has(entry.deliveryKey)) {
              await discardInboxEntry(deps.db, entry.id);
              abandoned.delete(entry.deliveryKey);
              continue;
            }
            // Entries just written by another live process are its own to run.
            if (entry.claimedBy !== worker && !(await claimIsStale(entry, now))) continue;
            if (entry.claimedBy !== worker && !(await takeOverInboxEntry(deps.db, entry.id, entry.claimedBy, worker, now))) continue;
            inbox.process({ ...entry, claimedBy: worker });
          }
          if (now.getTime() - lastPrune > 3_600_000) {
            lastPrune = now.getTime();
            await pruneInbox(deps.db, new Date(now.getTime() - 7 * 86_400_000));
          }
        } catch (e) {
          deps.logger.warn({ err: e }, "inbox sweep failed");
        } finally {
          sweeping = false;
        }
      };
      void sweep();
      timer = setInterval(() => void sweep(), everyMs);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
    },
  };

  /** A claim whose process is gone: on this host, its pid no longer runs; elsewhere, it is old. */
  async function claimIsStale(entry: InboxEntry, now: Date): Promise<boolean> {
    if (!entry.claimedBy) return true;
    const [host, pid] = [entry.claimedBy.slice(0, entry.claimedBy.lastIndexOf(":")), Number(entry.claimedBy.slice(entry.claimedBy.lastIndexOf(":") + 1))];
    if (host === hostname() && pid) return !processAlive(pid);
    return now.getTime() - entry.receivedAt.getTime() > FOREIGN_CLAIM_MS;
  }

  return inbox;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
