// Scheduled posts keep to Slack's pace for chat.postMessage: about one
// message a second per channel, after a short burst. Posting faster only
// earns 429s and Retry-After pauses; pacing ourselves keeps a 300-message
// Friday reminder smooth and leaves the limits to people's own requests.

export interface ChannelPacer {
  /** Resolves when a message may be posted to `channel` (and counts it). */
  wait(channel: string): Promise<void>;
}

export interface PacerOptions {
  /** Messages a second per channel, once the burst is spent (default 1). */
  perSecond?: number;
  /** Messages that may go at once before pacing starts (default 3, well inside Slack's burst). */
  burst?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

export function channelPacer(opts: PacerOptions = {}): ChannelPacer {
  const perSecond = opts.perSecond ?? 1;
  const burst = opts.burst ?? 3;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clock = opts.clock ?? Date.now;
  const state = new Map<string, { tokens: number; at: number }>();
  return {
    async wait(channel) {
      for (;;) {
        const now = clock();
        const s = state.get(channel) ?? { tokens: burst, at: now };
        s.tokens = Math.min(burst, s.tokens + ((now - s.at) / 1000) * perSecond);
        s.at = now;
        state.set(channel, s);
        if (s.tokens >= 1) {
          s.tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - s.tokens) / perSecond) * 1000));
      }
    },
  };
}
