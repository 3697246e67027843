import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { createSlackApp } from "./slack/app.ts";
import { openStore } from "./store/client.ts";
import { demoSummary } from "./cli/demo-command.ts";
import { hostname } from "node:os";
import { loadJobsConfig } from "./jobs/job-config.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { loadRules } from "./store/settings.ts";

// Wiring only: config → store (migrated on open) → Slack app → start.
// SIGTERM/SIGINT stop taking requests, then close the store.

/**
 * Without any Slack token there is nothing to connect to: show what the bot
 * does on the embedded database (the demo district and this week's summary)
 * and say how to connect it to Slack.
 */
async function runWithoutSlack(): Promise<void> {
  const store = await openStore(process.env.DATABASE_URL || undefined, { allowExitOnIdle: true });
  try {
    const text = await demoSummary(store.db, new Date(), (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${text}\n\n`);
  } finally {
    await store.close();
  }
  process.stderr.write(
    "未配置 Slack（SLACK_BOT_TOKEN 等），以上为演示数据的本周调度。连接 Slack：见 README“连接 Slack”。\n" +
      "No Slack tokens configured: above is this week's summary of the demo district. To connect to Slack, see README, \"Connecting to Slack\".\n",
  );
}

async function main(): Promise<void> {
  if (!process.env.SLACK_BOT_TOKEN && !process.env.SLACK_APP_TOKEN && !process.env.SLACK_SIGNING_SECRET) return runWithoutSlack();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const store = await openStore(config.databaseUrl);
  logger.info({ store: store.target.provider }, "store ready");
  const slack = createSlackApp(config, { db: store.db, admins: config.admins, now: () => new Date(), logger });
  await slack.start();
  logger.info({ mode: config.socketMode ? "socket" : "http", port: config.socketMode ? undefined : config.port }, "bot started");
  const rules = await loadRules(store.db);
  const scheduler = startScheduler(
    { db: store.db, client: slack.app.client, worker: `${hostname()}:${process.pid}`, logger: logger.child({ component: "jobs" }), now: () => new Date() },
    await loadJobsConfig(store.db),
    config.timeZone ?? rules.timeZone,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await scheduler.stop().catch((e) => logger.error({ err: e }, "scheduler stop failed"));
    await slack.stop().catch((e) => logger.error({ err: e }, "stop failed"));
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

await main();
