import { LogLevel, WebClient, type Logger, type RetryOptions } from "@slack/web-api";
import { startSlackStandin, type SlackStandin, type StandinOptions } from "../../src/slack-standin/slack-api-standin.ts";

// Shared setup: a stand-in plus the real WebClient pointed at it.

export const TOKEN = "xoxb-standin-test-token";
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
  const standin = await startSlackStandin({ botToken: TOKEN, now: () => clock.t, ...opts });
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
