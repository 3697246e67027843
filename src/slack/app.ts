import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { Config } from "../config.ts";
import { storeReachable } from "../store/client.ts";
import { boltLogger } from "../log.ts";
import { registerCardActions } from "./actions/card-actions.ts";
import { registerPingActions } from "./actions/ping-actions.ts";
import { registerProjectCommand } from "./commands/project-command.ts";
import { cachedRules, type SlackDeps } from "./deps.ts";
import { registerAppHome } from "./events/app-home.ts";
import { egressDispatcher, egressFetch } from "./egress.ts";
import { createHttpFront, type HttpFront } from "./http-server.ts";
import { registerFormSubmissions } from "./views/form-submissions.ts";
import { createWorkQueue } from "./work-queue.ts";

// Wiring only: Bolt in HTTP mode (our own server in front, for /health and
// replay refusal) or Socket Mode, with every listener registered.

export interface SlackApp {
  app: App;
  /** The HTTP front in HTTP mode; absent in Socket Mode. */
  http?: HttpFront;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the work queued after acknowledgements has finished (tests wait on it). */
  idle(): Promise<void>;
}

/** What the caller provides; the app adds its work queue and cached rules. */
export type BaseDeps = Pick<SlackDeps, "db" | "admins" | "now" | "logger">;

export function createSlackApp(config: Config, base: BaseDeps): SlackApp {
  const deps: SlackDeps = {
    ...base,
    work: createWorkQueue(1, (e) => base.logger.error({ err: e }, "queued work failed")),
    rules: cachedRules(base.db, config.timeZone),
  };
  const logger = boltLogger(deps.logger);
  const dispatcher = egressDispatcher();
  const clientOptions = { slackApiUrl: config.slackApiUrl, logLevel: LogLevel.WARN, fetch: egressFetch(dispatcher) };
  if (config.socketMode) {
    // apps.connections.open goes to SLACK_API_URL (not always slack.com), through the proxy if any;
    // /health is served on PORT as in HTTP mode.
    const receiver = new SocketModeReceiver({
      appToken: config.appToken!,
      logger,
      dispatcher,
      installerOptions: { clientOptions, port: config.port },
      customRoutes: [
        {
          path: "/health",
          method: ["GET"],
          handler: (_req, res) => {
            storeReachable(deps.db)
              .then((ok) => res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok })))
              .catch(() => res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ ok: false })));
          },
        },
      ],
    });
    const app = new App({ token: config.botToken, receiver, logger, clientOptions });
    register(app, deps);
    return {
      app,
      start: async () => void (await app.start()),
      stop: async () => {
        await app.stop();
        await deps.work.idle();
      },
      idle: () => deps.work.idle(),
    };
  }
  const receiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: "/slack/events", logger, processBeforeResponse: false });
  const app = new App({ token: config.botToken, receiver, logger, clientOptions });
  register(app, deps);
  const http = createHttpFront(receiver, {
    logger: deps.logger,
    health: () => storeReachable(deps.db),
  });
  return {
    app,
    http,
    start: () => new Promise((resolve) => http.server.listen(config.port, () => resolve())),
    // Stop taking requests, then let acknowledged work finish: nothing accepted is lost.
    stop: async () => {
      await http.close();
      await deps.work.idle();
    },
    idle: () => deps.work.idle(),
  };
}

function register(app: App, deps: SlackDeps): void {
  registerProjectCommand(app, deps);
  registerCardActions(app, deps);
  registerPingActions(app, deps);
  registerFormSubmissions(app, deps);
  registerAppHome(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, "unhandled Slack listener error");
  });
}
