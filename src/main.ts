import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { createSlackApp } from "./slack/app.ts";
import { openStore } from "./store/client.ts";

// Wiring only: config → store (migrated on open) → Slack app → start.
// SIGTERM/SIGINT stop taking requests, then close the store.

async function main(): Promise<void> {
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

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await slack.stop().catch((e) => logger.error({ err: e }, "stop failed"));
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

await main();
