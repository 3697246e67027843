// Injected failures: rate limiting (429 + Retry-After), server errors and
// arbitrary `{ ok: false }` answers, consumed in order per method.

export interface FaultSpec {
  /** HTTP status; defaults to 429 when retryAfter is given, else 200 with `ok: false`. */
  status?: 429 | 500;
  /** Seconds for the Retry-After header of a 429 (default 1). */
  retryAfter?: number;
  /** Error code in the body; defaults to ratelimited / internal_error. */
  error?: string;
  /** How many consecutive calls fail (default 1). */
  times?: number;
}

export interface FaultAnswer {
  status: number;
  headers: Record<string, string>;
  error: string;
}

export class Faults {
  private readonly pending = new Map<string, { answer: FaultAnswer; left: number }[]>();

  add(method: string, spec: FaultSpec = {}): void {
    const status = spec.status ?? (spec.retryAfter !== undefined || spec.error === undefined ? 429 : 200);
    const headers: Record<string, string> = status === 429 ? { "retry-after": String(spec.retryAfter ?? 1) } : {};
    const error = spec.error ?? (status === 429 ? "ratelimited" : "internal_error");
    const queue = this.pending.get(method) ?? [];
    queue.push({ answer: { status, headers, error }, left: spec.times ?? 1 });
    this.pending.set(method, queue);
  }

  /** The failure for this call, if one is pending. */
  take(method: string): FaultAnswer | undefined {
    const queue = this.pending.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left <= 0) queue.shift();
    return head.answer;
  }

  clear(): void {
    this.pending.clear();
  }
}
