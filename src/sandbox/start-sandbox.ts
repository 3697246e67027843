import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { loadConfig } from "../config.ts";
import { JOB_KINDS } from "../domain/schedule.ts";
import { JOB_LABELS, loadJobsConfig, saveJobsConfig } from "../jobs/job-config.ts";
import { runDueJobs, runJobNow } from "../jobs/run-jobs.ts";
import { defaultPeriod } from "../jobs/default-period.ts";
import type { Logger } from "../log.ts";
import { ensureDemo } from "../services/demo-service.ts";
import { createSlackApp } from "../slack/app.ts";
import { startSlackStandin, type SlackStandin } from "../slack-standin/index.ts";
import { openStore, type Store } from "../store/client.ts";
import { listGroups } from "../store/directory.ts";
import { loadRules, writeSetting } from "../store/settings.ts";
import { toLocalDate } from "../domain/local-day.ts";
import { createBotBridge } from "./bot-bridge.ts";
import { SANDBOX_ADMIN, SUMMARY_CHANNEL, seedWorkspace } from "./sandbox-people.ts";
import { createSandboxServer } from "./sandbox-server.ts";
import { SANDBOX_DATABASE_URL, SandboxSettingsError } from "./sandbox-settings.ts";
import { listen } from "../listen.ts";
import { forgetPosts } from "../store/sandbox-reset.ts";
import { TIME_TRAVEL, dayInProse } from "../domain/glossary.ts";
import { createTimeTravel, returnFromUnfinishedTrip } from "./time-travel.ts";

// The whole bot on one machine with no Slack account: the embedded database
// with the demo district, the Slack stand-in (the same one the tests use),
// the real bot talking to it, and a web page that plays Slack's client.
// The sandbox has its own clock so a person can run a scheduled post "at"
// any moment (time travel) and see what would be posted.

export interface Sandbox {
  url: string;
  store: Store;
  /** The Slack stand-in the bot talks to (tests post through it directly). */
  standin: SlackStandin;
  close(): Promise<void>;
}

export async function startSandbox(opts: { port: number; host?: string; databaseUrl?: string; logger: Logger; now?: Date }): Promise<Sandbox> {
  // Never DATABASE_URL: the sandbox acts as an admin and rewrites job settings.
  const store = await openStore(opts.databaseUrl ?? SANDBOX_DATABASE_URL);
  // The sandbox clock runs like a real one from where it was set; time travel moves it.
  // "Today" is where the clock started; a trip away from it runs on a scratch copy (time-travel.ts).
  const homeOffset = opts.now ? opts.now.getTime() - Date.now() : 0;
  let offset = homeOffset;
  const now = () => new Date(Date.now() + offset);
  const clock = { get now() { return now(); } };
  await returnFromUnfinishedTrip(store);
  const demo = await ensureDemo(store.db, clock.now);
  if (demo.status === "foreign") {
    await store.close();
    throw new SandboxSettingsError(`沙盒数据库 ${opts.databaseUrl ?? SANDBOX_DATABASE_URL} 里已有 ${demo.projects} 个非演示项目，像是正式数据，沙盒不会改动它。请去掉 SANDBOX_DATABASE_URL（默认 ${SANDBOX_DATABASE_URL}）或指向一个空数据库。`);
  }
  // The workspace's messages live in memory and start empty: forget what the
  // store says was posted, so the two always agree after a restart.
  await forgetPosts(store.db);
  await saveJobsConfig(store.db, { summaryChannel: SUMMARY_CHANNEL });
  // The sandbox starts "installed" a week ago, so this week's posts can be tried at once.
  await writeSetting(store.db, "jobs.since", new Date(clock.now.getTime() - 7 * 86_400_000).toISOString());

  const token = "xoxb-sandbox";
  const signingSecret = randomBytes(16).toString("hex");
  const standin = await startSlackStandin({ botToken: token, now: () => now().getTime() });
  const groups = await listGroups(store.db);
  const { defaultUser } = seedWorkspace(standin, groups);

  const host = opts.host ?? "127.0.0.1";
  const config = loadConfig({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: standin.url, PORT: "0", HOST: "127.0.0.1", ADMIN_USER_IDS: SANDBOX_ADMIN, LOG_LEVEL: "warn" });
  const bot = createSlackApp(config, { db: store.db, admins: config.admins, now: () => clock.now, logger: opts.logger });
  await bot.start();
  const botEvents = `http://127.0.0.1:${(bot.http!.server.address() as AddressInfo).port}/slack/events`;
  const bridge = createBotBridge(standin, botEvents, signingSecret);
  const client = new WebClient(token, { slackApiUrl: standin.url, retryConfig: { retries: 1 } });
  // The jobs panel runs the same job code as the bot, reports in a worker thread as there.
  const runner = { db: store.db, client, worker: "sandbox", logger: opts.logger, now: () => clock.now, reportWorker: { databaseUrl: store.target.url } };

  const travel = createTimeTravel(store, standin);
  const timeZone = (await loadRules(store.db)).timeZone;

  const jobsConfig = await loadJobsConfig(store.db);
  const server = createSandboxServer({
    host,
    standin,
    bridge,
    state: () => ({
      workspace: "招商调度 沙盒",
      users: [...standin.workspace.users.values()].filter((u) => !u.is_bot).map((u) => ({ id: u.id, name: u.name, real_name: u.real_name ?? u.name })),
      channels: [...standin.workspace.channels.values()].map((c) => ({ id: c.id, name: c.name, is_im: c.is_im ?? false, user: c.user })),
      defaultUser,
      summaryChannel: SUMMARY_CHANNEL,
      now: clock.now.toISOString(),
      jobs: JOB_KINDS.map((job) => ({ job, label: JOB_LABELS[job], time: jobsConfig[job].time, enabled: jobsConfig[job].enabled })),
      travel: { away: travel.away, rule: TIME_TRAVEL.rule, banner: travel.away ? TIME_TRAVEL.away(dayInProse(toLocalDate(clock.now, timeZone), true)) : null, returnHome: TIME_TRAVEL.returnHome },
    }),
    async runJobs(job, at) {
      if (at) {
        await travel.depart();
        offset = at.getTime() - Date.now();
      }
      const outcomes = job
        ? await (async () => {
            const rules = await loadRules(store.db);
            return [await runJobNow(runner, job, defaultPeriod(job, toLocalDate(clock.now, rules.timeZone), rules.meeting.weekday))];
          })()
        : await runDueJobs(runner);
      return { now: clock.now.toISOString(), outcomes };
    },
    async returnHome() {
      await travel.returnHome();
      offset = homeOffset;
      return { now: clock.now.toISOString(), message: TIME_TRAVEL.returned };
    },
  });
  try {
    await listen(server, opts.port, host);
  } catch (e) {
    await Promise.all([bot.stop(), standin.close()]);
    await store.close();
    throw e;
  }
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${shown}:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    store,
    standin,
    async close() {
      // An open page holds an event stream: close it too, or server.close() waits forever.
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      await closed;
      await bot.stop();
      await standin.close();
      await store.close();
    },
  };
}
