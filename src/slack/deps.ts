import type { Logger } from "../log.ts";
import type { ServiceContext } from "../services/project-service.ts";
import type { Db } from "../store/client.ts";
import { loadRules } from "../store/settings.ts";

/** What every listener needs, passed in at wiring time (no globals, a clock the tests control). */
export interface SlackDeps {
  db: Db;
  admins: readonly string[];
  now: () => Date;
  logger: Logger;
}

export async function serviceContext(deps: SlackDeps): Promise<ServiceContext> {
  return { db: deps.db, rules: await loadRules(deps.db), admins: deps.admins, now: deps.now() };
}
