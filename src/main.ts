import { ConfigError, loadConfig } from "./config.ts";
import { formatCheck, slackChecks } from "./doctor/checks.ts";
import { createLogger } from "./log.ts";
import { createSlackApp } from "./slack/app.ts";
import { openStore } from "./store/client.ts";
import { StoreSchemaError } from "./store/schema-version.ts";
import { DEFAULT_DATABASE_URL, redactUrl } from "./store/database-target.ts";
import { isStoreUnavailable } from "./store/errors.ts";
import { storeUnreachableAtStart } from "./domain/glossary.ts";
import { hostname } from "node:os";
import { LogLevel, WebClient } from "@slack/web-api";
import { channelPacer } from "./jobs/channel-pacer.ts";
import { egressDispatcher, egressFetch } from "./slack/egress.ts";
import { loadJobsConfig } from "./jobs/job-config.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { loadRules } from "./store/settings.ts";
import { ListenError } from "./listen.ts";
import { collectGarbage } from "./memory.ts";
import { SandboxSettingsError, sandboxSettings, slackSettingsPresent } from "./sandbox/sandbox-settings.ts";

// Wiring only: config → store (migrated on open) → Slack app → start.
// SIGTERM/SIGINT stop taking requests, then close the store.

/**
 * Without any Slack setting there is nothing to connect to: run the local
 * sandbox instead (the demo district, a Slack stand-in and a web page that
 * plays Slack's client), so the bot can be tried on one machine. It has its
 * own store (never DATABASE_URL) and listens on this machine only.
 */
async function runSandbox(): Promise<void> {
  const logger = createLogger(process.env.LOG_LEVEL || "warn");
  const settings = sandboxSettings(process.env);
  process.stderr.write(`未设置任何 SLACK_ 配置，启动本地沙盒（演示数据，数据库 ${settings.databaseUrl}，不连接 Slack、不读写 DATABASE_URL）……\n`);
  if (settings.warning) process.stderr.write(`${settings.warning}\n`);
  const { startSandbox } = await import("./sandbox/start-sandbox.ts"); // a bot connected to Slack never loads the sandbox
  const sandbox = await startSandbox({ port: settings.port, host: settings.host, databaseUrl: settings.databaseUrl, logger });
  collectGarbage(); // loading the demo district leaves its garbage; the sandbox then mostly waits
  process.stdout.write(`\n招商调度沙盒已启动，请在浏览器打开：${sandbox.url}\nSandbox ready, open: ${sandbox.url}\n（连接真实 Slack：见 README“连接 Slack” / to connect to Slack, see README）\n`);
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

async function main(): Promise<void> {
  if (slackSettingsPresent(process.env).length === 0) return runSandbox();
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
  const store = await openStore(config.databaseUrl).catch((e: unknown) => {
    // A store from a newer version, or half-made: the message says what to do; a stack trace would not.
    if (e instanceof StoreSchemaError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    // Unreachable or unusable: one line saying which store and what to check, never the password.
    if (isStoreUnavailable(e) || /DATABASE_URL/.test(String((e as Error)?.message))) {
      process.stderr.write(`${storeUnreachableAtStart(redactUrl(config.databaseUrl ?? DEFAULT_DATABASE_URL), e)}\n`);
      process.exit(1);
    }
    throw e;
  });
  logger.info({ store: store.target.provider }, "store ready");
  const slack = createSlackApp(config, { db: store.db, admins: config.admins, now: () => new Date(), logger });
  await slack.start();
  logger.info({ mode: config.socketMode ? "socket" : "http", port: config.socketMode ? undefined : config.port }, "bot started");
  // The same checks as `dispatch doctor` (token, scopes, channels; public ones are joined): failures are logged, the bot keeps serving.
  slackChecks(slack.app.client, store.db, config)
    .then((checks) => {
      for (const c of checks) if (!c.ok) logger.warn({ check: c.what, detail: c.detail, fix: c.fix }, `启动检查未通过：${formatCheck(c)}`);
      logger.info({ passed: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok).length }, "start-up checks done (see dispatch doctor)");
    })
    .catch((e: unknown) => logger.error({ err: e }, "start-up checks failed to run"));
  const rules = await loadRules(store.db);
  const scheduler = startScheduler(
    {
      db: store.db,
      // A client of their own: a 429 pause in a long scheduled post never holds up App Home or commands.
      client: new WebClient(config.botToken, { slackApiUrl: config.slackApiUrl, logLevel: LogLevel.WARN, fetch: egressFetch(egressDispatcher()) }),
      pacer: channelPacer(),
      worker: `${hostname()}:${process.pid}`,
      logger: logger.child({ component: "jobs" }),
      now: () => new Date(),
      reportWorker: { databaseUrl: store.target.url, memoryMb: config.reportWorkerMemoryMb },
    },
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

// Mistakes a person can fix (a busy port, a sandbox pointed at real data) are
// one line saying what to do; anything else keeps its stack trace.
await main().catch((e: unknown) => {
  if (!(e instanceof ListenError || e instanceof SandboxSettingsError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(e instanceof SandboxSettingsError ? 2 : 1);
});
