import { loadDemo, type DemoResult } from "../demo/load-demo.ts";
import { toLocalDate } from "../domain/local-day.ts";
import type { Db } from "../store/client.ts";
import { countProjects, hasHistoryFrom } from "../store/projects.ts";
import { loadRules } from "../store/settings.ts";

export type DemoState = { status: "loaded"; result: DemoResult } | { status: "present" } | { status: "foreign"; projects: number };

/** Loads the demo district into an empty store; never touches a store holding real (non-demo) projects. */
export async function ensureDemo(db: Db, now: Date): Promise<DemoState> {
  const projects = await countProjects(db);
  if (projects === 0) {
    const rules = await loadRules(db);
    return { status: "loaded", result: await loadDemo(db, toLocalDate(now, rules.timeZone)) };
  }
  return (await hasHistoryFrom(db, "DEMO")) ? { status: "present" } : { status: "foreign", projects };
}
