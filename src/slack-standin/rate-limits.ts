// Slack's rate limits, per app and workspace: each Web API method belongs to
// a tier allowing about N calls a minute with bursts, and chat.postMessage
// also allows about one message a second per channel ("generous burst
// behaviour" above it, then 429). Calls beyond the limit get HTTP 429 with
// Retry-After (seconds), as Slack documents. Modelled as token buckets on the
// wall clock (tests that freeze the stand-in's clock still see real time).

/** Calls per minute of each tier (Slack's Tier 1–4; "special" ones are listed apart). */
export const TIERS = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;

/** From Slack's method reference pages; methods missing here are not limited by tier. */
export const METHOD_TIERS: Record<string, keyof typeof TIERS> = {
  "users.list": 2,
  "conversations.list": 2,
  "conversations.info": 3,
  "conversations.join": 3,
  "conversations.history": 3,
  "conversations.replies": 3,
  "conversations.members": 4,
  "chat.update": 3,
  "chat.delete": 3,
  "chat.getPermalink": 4,
  "chat.postEphemeral": 4,
  "reactions.add": 3,
  "reactions.remove": 3,
  "users.info": 4,
  "views.open": 4,
  "views.push": 4,
  "views.update": 4,
  "views.publish": 4,
  "files.getUploadURLExternal": 4,
  "files.completeUploadExternal": 4,
  "apps.connections.open": 1,
};

/** Tier 1 (1 a minute) still lets a few calls through at once. */
export const TIER1_BURST = 3;

/** chat.postMessage per channel: one a second, a burst of this many above it. */
export const POST_BURST = 10;
/** chat.postMessage across the workspace: "several hundred a minute". */
export const POSTS_PER_MINUTE = 300;

class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Takes one token; when empty, the seconds until one is back (for Retry-After). */
  take(now: number): number | undefined {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: () => number = Date.now) {}

  private bucket(key: string, capacity: number, perSecond: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = new Bucket(capacity, perSecond, this.clock())));
    return b;
  }

  /** Undefined when the call may proceed, else the Retry-After seconds of a 429. */
  take(method: string, channel?: string): number | undefined {
    const now = this.clock();
    if (method === "chat.postMessage") {
      const workspace = this.bucket("chat.postMessage", POSTS_PER_MINUTE, POSTS_PER_MINUTE / 60).take(now);
      if (workspace !== undefined) return workspace;
      return channel === undefined ? undefined : this.bucket(`chat.postMessage:${channel}`, POST_BURST, 1).take(now);
    }
    const tier = METHOD_TIERS[method];
    if (tier === undefined) return undefined;
    const perMinute = TIERS[tier];
    // "A small amount of burst behavior is tolerated" even in Tier 1 (a reconnect right after connecting).
    return this.bucket(method, Math.max(perMinute, TIER1_BURST), perMinute / 60).take(now);
  }

  clear(): void {
    this.buckets.clear();
  }
}
