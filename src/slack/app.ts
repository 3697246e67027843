import { listen } from "../listen.ts";
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { Config } from "../config.ts";
import { storeReachable } from "../store/client.ts";
import { boltLogger } from "../log.ts";
import { registerAgendaActions } from "./actions/agenda-actions.ts";
import { registerCardActions } from "./actions/card-actions.ts";
import { registerPingActions } from "./actions/ping-actions.ts";
import { registerSupervisionActions } from "./actions/supervision-actions.ts";
import { registerProjectCommand } from "./commands/project-command.ts";
import { cachedRules, type SlackDeps } from "./deps.ts";
import { registerAppHome } from "./events/app-home.ts";
import { eventsOnce } from "./events/events-once.ts";
import { egressDispatcher, egressFetch } from "./egress.ts";
import { createHttpFront, type HttpFront } from "./http-server.ts";
import { createHealthServer } from "./health-server.ts";
import type { Server } from "node:http";
import { registerDecisionSubmission } from "./views/decision-submission.ts";
import { registerFormSubmissions } from "./views/form-submissions.ts";
import { createWorkQueue } from "./work-queue.ts";
import { createInbox } from "./inbox.ts";
import { REQUEST_TEXTS } from "../domain/glossary.ts";
import { withinMs } from "../store/errors.ts";
import { slashInboxHandler } from "./commands/project-command.ts";
import { formInboxHandler } from "./views/form-submissions.ts";

/** /health gives up on the store after this long (a load balancer's probe must not hang). */
const HEALTH_WITHIN_MS = 2_000;

// Wiring only: Bolt in HTTP mode (our own server in front, for /health and
// replay refusal) or Socket Mode, with every listener registered.

export interface SlackApp {
  app: App;
  /** The HTTP front in HTTP mode; absent in Socket Mode. */
  http?: HttpFront;
  /** Socket Mode's server for /health on PORT; absent in HTTP mode (the HTTP front answers it). */
  healthServer?: Server;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the work queued after acknowledgements has finished (tests wait on it). */
  idle(): Promise<void>;
}

/** What the caller provides; the app adds its work queue and cached rules. */
export type BaseDeps = Pick<SlackDeps, "db" | "admins" | "now" | "logger">;

export function createSlackApp(config: Config, base: BaseDeps): SlackApp {
  const work = createWorkQueue(1, (e) => base.logger.error({ err: e }, "queued work failed"));
  const logger = boltLogger(base.logger);
  const dispatcher = egressDispatcher();
  const clientOptions = { slackApiUrl: config.slackApiUrl, logLevel: LogLevel.WARN, fetch: egressFetch(dispatcher) };
  // The inbox answers through the app's Web API client, made with the app below.
  let deps!: SlackDeps;
  const withDeps = (app: App): SlackDeps => {
    const inbox = createInbox({ db: base.db, client: app.client, logger: base.logger, work, now: base.now, failureText: REQUEST_TEXTS.failed });
    deps = { ...base, work, rules: cachedRules(base.db, config.timeZone), inbox };
    inbox.handle("slash", slashInboxHandler(deps, app.client));
    inbox.handle("form", formInboxHandler(deps, app.client));
    return deps;
  };
  if (config.socketMode) {
    // apps.connections.open goes to SLACK_API_URL (not always slack.com), through the proxy if any.
    const receiver = new SocketModeReceiver({ appToken: config.appToken!, logger, dispatcher, installerOptions: { clientOptions } });
    // /health on PORT as in HTTP mode, on a server of our own: its listen is awaited (a taken port is
    // told plainly at start-up) and honours HOST, which Bolt's customRoutes server does not.
    const healthServer = createHealthServer(() => withinMs(storeReachable(deps.db), HEALTH_WITHIN_MS, "the health check"));
    const app = new App({ token: config.botToken, receiver, logger, clientOptions });
    register(app, withDeps(app));
    return {
      app,
      healthServer,
      start: async () => {
        await listen(healthServer, config.port, config.host);
        await app.start();
        deps.inbox.start();
      },
      stop: async () => {
        deps.inbox.stop();
        await app.stop();
        await new Promise<void>((resolve) => healthServer.close(() => resolve()));
        await deps.work.idle();
      },
      idle: () => deps.work.idle(),
    };
  }
  const receiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: "/slack/events", logger, processBeforeResponse: false });
  const app = new App({ token: config.botToken, receiver, logger, clientOptions });
  register(app, withDeps(app));
  const http = createHttpFront(receiver, {
    signingSecret: config.signingSecret!,
    logger: deps.logger,
    // Bounded: a black-holed database makes /health answer 503, not hang.
    health: () => withinMs(storeReachable(deps.db), HEALTH_WITHIN_MS, "the health check"),
  });
  return {
    app,
    http,
    start: async () => {
      await listen(http.server, config.port, config.host);
      deps.inbox.start();
    },
    // Stop taking requests, then let acknowledged work finish: nothing accepted is lost.
    stop: async () => {
      deps.inbox.stop();
      await http.close();
      await deps.work.idle();
    },
    idle: () => deps.work.idle(),
  };
}

function register(app: App, deps: SlackDeps): void {
  // Before any listener: a re-delivered event (same event_id) is applied once.
  app.use(eventsOnce(deps.logger));
  registerProjectCommand(app, deps);
  registerCardActions(app, deps);
  registerPingActions(app, deps);
  registerSupervisionActions(app, deps);
  registerFormSubmissions(app, deps);
  registerAppHome(app, deps);
  registerAgendaActions(app, deps);
  registerDecisionSubmission(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, "unhandled Slack listener error");
  });
}
