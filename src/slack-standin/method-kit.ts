import type { FileStore } from "./file-methods.ts";
import type { ResponseUrls } from "./response-urls.ts";
import type { Scopes } from "./scopes.ts";
import type { TriggerIds } from "./triggers.ts";
import type { ViewStore } from "./view-methods.ts";
import type { BotIdentity, Workspace } from "./workspace.ts";

// What every Web API method handler gets, and small argument helpers that turn
// bad input into the error codes Slack answers with.

export type Args = Record<string, unknown>;
export type ApiPayload = Record<string, unknown>;

export interface MethodContext {
  ws: Workspace;
  bot: BotIdentity;
  views: ViewStore;
  files: FileStore;
  triggers: TriggerIds;
  responseUrls: ResponseUrls;
  /** What the token was granted; handlers check channel-dependent scopes once they know the channel. */
  scopes: Scopes;
  /** The method being served (set before each handler runs). */
  method: string;
  /** Runs `fn` a moment later, as Slack finishes some work after answering (file shares). */
  later(fn: () => void): void;
  now(): number;
  /** http://127.0.0.1:<port>, for URLs the stand-in hands out (upload_url). */
  origin: string;
}

/** Handlers return the success payload (without `ok`) or throw ApiError. */
export type MethodHandler = (args: Args, ctx: MethodContext) => ApiPayload;

/** An `{ ok: false, error }` answer; `messages` become response_metadata.messages. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly messages: string[] = [],
  ) {
    super(code);
  }
}

export function missing(field: string): ApiError {
  return new ApiError("invalid_arguments", [`[ERROR] missing required field: ${field}`]);
}

/** Form bodies carry every value as a string; numbers are accepted as well. */
export function optString(args: Args, key: string): string | undefined {
  const v = args[key];
  if (v === undefined || v === null || v === "") return undefined;
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

export function requireString(args: Args, key: string): string {
  const v = optString(args, key);
  if (v === undefined) throw missing(key);
  return v;
}

export function optBool(args: Args, key: string): boolean {
  const v = args[key];
  return v === true || v === "true" || v === "1" || v === 1;
}

export function optInt(args: Args, key: string): number | undefined {
  const v = optString(args, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ApiError("invalid_arguments", [`[ERROR] must be an integer [json-pointer:/${key}]`]);
  return n;
}

/**
 * A structured argument (blocks, view, files, ...). WebClient sends these as
 * JSON strings inside form bodies; the body parser has usually decoded them,
 * but a string that is not JSON is still reported with `code`.
 */
export function jsonArg(args: Args, key: string, code: string): unknown {
  const v = args[key];
  if (typeof v !== "string") return v;
  if (v === "") return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw new ApiError(code, [`[ERROR] failed to parse JSON [json-pointer:/${key}]`]);
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string;
}

/** Cursor pagination as Slack does it: opaque cursor, empty next_cursor at the end. */
export function paginate<T>(items: T[], args: Args, defaultLimit = 100): Page<T> {
  const limit = Math.max(1, Math.min(optInt(args, "limit") ?? defaultLimit, 1000));
  const cursor = optString(args, "cursor");
  let offset = 0;
  if (cursor !== undefined) {
    const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
    if (!m) throw new ApiError("invalid_cursor");
    offset = Number(m[1]);
  }
  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "";
  return { items: page, nextCursor: next };
}
