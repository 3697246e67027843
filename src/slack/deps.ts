import type { Logger } from "../log.ts";
import type { ServiceContext } from "../services/project-service.ts";
import type { Db } from "../store/client.ts";
import type { WorkQueue } from "./work-queue.ts";
import type { Inbox } from "./inbox.ts";
import { loadRules } from "../store/settings.ts";
import type { Rules } from "../domain/rules.ts";

/** What every listener needs, passed in at wiring time (no globals, a clock the tests control). */
export interface SlackDeps {
  db: Db;
  admins: readonly string[];
  now: () => Date;
  logger: Logger;
  /** Where acknowledged requests do their work. */
  work: WorkQueue;
  rules: () => Promise<Rules>;
  /** Where requests are written before they are acknowledged. */
  inbox: Inbox;
}

export async function serviceContext(deps: SlackDeps): Promise<ServiceContext> {
  return { db: deps.db, rules: await deps.rules(), admins: deps.admins, now: deps.now() };
}

/**
 * Rules change rarely (an operator's `dispatch settings set`): read them at
 * most once a minute. A time zone from the environment (TZ) wins over the
 * stored one.
 */
export function cachedRules(db: Db, timeZone?: string, ttlMs = 60_000): () => Promise<Rules> {
  let cached: { at: number; rules: Promise<Rules> } | null = null;
  return () => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const entry = { at: Date.now(), rules: loadRules(db).then((r) => (timeZone ? { ...r, timeZone } : r)) };
      // A failed read (the store down) is not kept: the next request asks again.
      entry.rules.catch(() => {
        if (cached === entry) cached = null;
      });
      cached = entry;
    }
    return cached.rules;
  };
}
