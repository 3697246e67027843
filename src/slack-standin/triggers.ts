import { randomBytes } from "node:crypto";
import { ApiError } from "./method-kit.ts";

// trigger_ids are what Slack puts in interaction payloads; a view can only be
// opened with one that is under 3 seconds old and not yet used.

export const TRIGGER_TTL_MS = 3000;

interface Issued {
  at: number;
  used: boolean;
}

export class TriggerIds {
  private readonly issued = new Map<string, Issued>();
  private seq = 0;

  constructor(private readonly now: () => number) {}

  /** A trigger_id shaped like Slack's ("<n>.<n>.<hex>"), valid from now on. */
  issue(): string {
    const id = `${Math.floor(this.now() / 1000)}${String(++this.seq).padStart(4, "0")}.47445629121.${randomBytes(16).toString("hex")}`;
    this.issued.set(id, { at: this.now(), used: false });
    return id;
  }

  /** Uses up a trigger_id or throws the error Slack would answer with. */
  consume(id: string): void {
    const t = this.issued.get(id);
    if (!t) throw new ApiError("invalid_trigger_id");
    if (t.used) throw new ApiError("exchanged_trigger_id");
    if (this.now() - t.at > TRIGGER_TTL_MS) throw new ApiError("expired_trigger_id");
    t.used = true;
  }

  clear(): void {
    this.issued.clear();
  }
}
