import { WebClient } from "@slack/web-api";
import { DEMO_LEADERS, DEMO_SUPERVISORS } from "../../src/demo/demo-accountability.ts";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { channelPacer } from "../../src/jobs/channel-pacer.ts";
import { saveJobsConfig } from "../../src/jobs/job-config.ts";
import type { RunnerDeps } from "../../src/jobs/run-jobs.ts";
import { createLogger } from "../../src/log.ts";
import { startSlackStandin, type SlackStandin } from "../../src/slack-standin/index.ts";
import { listGroups } from "../../src/store/directory.ts";
import { writeSetting } from "../../src/store/settings.ts";
import { guardStandin, type RefusalGuard } from "../helpers/standin-guard.ts";
import { createTestStore, type TestStore } from "../helpers/test-store.ts";

// Scheduled posts against a real database holding the demo district and the
// Slack stand-in, with a clock the test moves.

export const SUMMARY = "C0SUMMARY";
export const TOKEN = "xoxb-jobs";
export const at = (local: string) => new Date(`${local}+08:00`);

export interface JobsHarness extends RefusalGuard {
  store: TestStore;
  standin: SlackStandin;
  clock: { now: Date };
  deps(worker?: string): RunnerDeps;
  close(): Promise<void>;
}

/**
 * Slack's pace (about one message a second per channel) runs this many times
 * faster in the harness, in the stand-in's rate limits and the runner's pacer
 * alike, so a test of 100 thread messages takes seconds, not minutes. The
 * pace itself is tested at real speed (channels-and-pace.test.ts, speed 1).
 */
export const SLACK_SPEED = 20;

/** `demoDay`: the district as of that day; `since`: when the scheduler first ran. */
export async function startJobsHarness(demoDay = "2026-11-23", since = `${demoDay}T07:00:00`, opts: { slackSpeed?: number } = {}): Promise<JobsHarness> {
  const speed = opts.slackSpeed ?? SLACK_SPEED;
  const store = await createTestStore();
  const standin = await startSlackStandin({ botToken: TOKEN, rateClock: () => Date.now() * speed });
  const pacer = channelPacer({ perSecond: speed });
  // The runner's calls are awaited by the test: nothing to settle.
  const guard = guardStandin(standin);
  await loadDemo(store.db, demoDay);
  // The district's people are the workspace's users (a DM goes only to a known user),
  // the summary channel and every group's channel exist, the bot invited to each (README's setup).
  const groups = await listGroups(store.db);
  const people = new Set<string>([...DEMO_LEADERS.map((l) => l.slackUserId), ...DEMO_SUPERVISORS, ...groups.flatMap((g) => g.memberUserIds)]);
  for (const id of people) standin.addUser({ id, name: id.toLowerCase() });
  standin.addChannel({ id: SUMMARY, name: "招商调度", members: [standin.bot.userId] });
  for (const g of groups) if (g.channelId) standin.addChannel({ id: g.channelId, name: g.name, members: [standin.bot.userId, ...g.memberUserIds] });
  await saveJobsConfig(store.db, { summaryChannel: SUMMARY });
  await writeSetting(store.db, "jobs.since", at(since).toISOString());
  const clock = { now: at(`${demoDay}T09:00:00`) };
  const client = new WebClient(TOKEN, { slackApiUrl: standin.url, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 } });
  return {
    store,
    standin,
    clock,
    expectRefusal: guard.expectRefusal,
    deps: (worker = "test-worker") => ({ db: store.db, client, pacer, worker, logger: createLogger("silent"), now: () => clock.now }),
    async close() {
      await standin.close();
      guard.retire();
      await store.destroy();
    },
  };
}
