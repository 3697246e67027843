import { createHmac } from "node:crypto";

// Signs requests exactly as Slack does, so tests and the sandbox UI can POST
// slash commands, interactions and events that Bolt's receiver accepts.

/** `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{rawBody}`); timestamp in seconds. */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  const hmac = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex");
  return `v0=${hmac}`;
}

export interface SignedHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
  "content-type": string;
}

/**
 * Headers for a signed request. The content type follows the body: Slack sends
 * events as JSON and slash commands / interactions form-encoded.
 */
export function signedHeaders(signingSecret: string, rawBody: string, now: number = Date.now()): SignedHeaders {
  const timestamp = Math.floor(now / 1000);
  return {
    "x-slack-signature": signSlackRequest(signingSecret, timestamp, rawBody),
    "x-slack-request-timestamp": String(timestamp),
    "content-type": rawBody.trimStart().startsWith("{") ? "application/json" : "application/x-www-form-urlencoded",
  };
}
