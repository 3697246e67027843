import { LogLevel, WebClient, type Logger, type RetryOptions } from "@slack/web-api";
import { METHOD_SCOPES } from "../../src/slack-standin/scopes.ts";
import { startSlackStandin, type SlackStandin, type StandinOptions } from "../../src/slack-standin/slack-api-standin.ts";

// Shared setup: a stand-in plus the real WebClient pointed at it.

export const TOKEN = "xoxb-standin-test-token";
export const ALL_SCOPES = [...new Set(Object.values(METHOD_SCOPES).flatMap((s) => (s === null ? [] : typeof s === "string" ? [s] : Object.values(s))))];
/** 2025-11-23 01:06:40 UTC: ts values start at 1763860000.000100. */
export const T0 = 1_763_860_000_000;

/** WebClient logs Slack's [ERROR] messages and retries; keep test output clean. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

export interface Harness {
  standin: SlackStandin;
  client: WebClient;
  clock: { t: number };
  clientWith(retryConfig: RetryOptions, token?: string): WebClient;
}

export async function startHarness(opts: StandinOptions = {}): Promise<Harness> {
  const clock = { t: T0 };
  // The model's own tests hold every scope; the manifest's scopes are tested in scopes-and-membership.test.ts.
  const standin = await startSlackStandin({ botToken: TOKEN, now: () => clock.t, scopes: ALL_SCOPES, ...opts });
  // Channels the bot was invited to; tests of non-members add their own.
  for (const [id, name] of [["C0DISPATCH", "dispatch"], ["C0JSON", "json"], ["C0PAGE", "page"], ["C0PUB", "general"]]) standin.addChannel({ id, name, members: [standin.bot.userId] });
  const clientWith = (retryConfig: RetryOptions, token = TOKEN) =>
    new WebClient(token, { slackApiUrl: standin.url, retryConfig, logger: silentLogger });
  return { standin, clock, clientWith, client: clientWith({ retries: 0 }) };
}

/** The rejection of a promise, for asserting on WebClient's error objects. */
export async function rejection(p: Promise<unknown>): Promise<Record<string, unknown> & { code?: string; data?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error("expected the call to fail");
}
