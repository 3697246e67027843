import { manifestBotScopes } from "../slack/manifest-scopes.ts";
import { ApiError } from "./method-kit.ts";
import type { StandinChannel } from "./workspace.ts";

export { manifestBotScopes };

// Token types and OAuth scopes as Slack checks them: an app-level token
// (xapp-) only opens Socket Mode connections, a bot token (xoxb-) does
// everything else, and each method needs a scope the token was granted.
// By default the token holds exactly the bot scopes the project's
// manifest.yml asks for, so a method the manifest forgot fails here as it
// would in the real workspace.

export type TokenType = "bot" | "app" | "user";

export function tokenType(token: string): TokenType | undefined {
  if (token.startsWith("xoxb-")) return "bot";
  if (token.startsWith("xapp-")) return "app";
  if (token.startsWith("xoxp-")) return "user";
  return undefined;
}

/** Methods an app-level token may call (and a bot token may not). */
export const APP_TOKEN_METHODS = new Set(["apps.connections.open"]);

/** A channel-dependent scope: which of channels:/groups:/im: applies. */
type PerChannel = { public: string; private: string; im: string };

const history: PerChannel = { public: "channels:history", private: "groups:history", im: "im:history" };
const read: PerChannel = { public: "channels:read", private: "groups:read", im: "im:read" };

/**
 * The scope each method needs (null: none). Methods missing here are
 * unknown to the stand-in anyway. From Slack's method reference pages.
 */
export const METHOD_SCOPES: Record<string, string | PerChannel | null> = {
  "auth.test": null,
  "apps.connections.open": "connections:write",
  "chat.postMessage": "chat:write",
  "chat.postEphemeral": "chat:write",
  "chat.update": "chat:write",
  "chat.delete": "chat:write",
  "chat.getPermalink": null,
  "reactions.add": "reactions:write",
  "reactions.remove": "reactions:write",
  "users.info": "users:read",
  "users.list": "users:read",
  "conversations.info": read,
  "conversations.list": "channels:read",
  "conversations.members": read,
  "conversations.history": history,
  "conversations.replies": history,
  "conversations.join": "channels:join",
  "views.open": null,
  "views.push": null,
  "views.update": null,
  "views.publish": null,
  "files.getUploadURLExternal": "files:write",
  "files.completeUploadExternal": "files:write",
};

export class Scopes {
  private readonly granted: Set<string>;

  constructor(scopes: string[]) {
    this.granted = new Set(scopes);
  }

  /** The x-oauth-scopes header value, as Slack sends it on every answer. */
  get header(): string {
    return [...this.granted].join(",");
  }

  /** Throws missing_scope unless the token holds what `method` needs (for that kind of channel). */
  check(method: string, channel?: StandinChannel): void {
    const spec = METHOD_SCOPES[method];
    if (spec === null || spec === undefined) return;
    this.require(typeof spec === "string" ? spec : channel?.is_im ? spec.im : channel?.is_private ? spec.private : spec.public);
  }

  require(needed: string): void {
    if (!this.granted.has(needed)) throw new MissingScope(needed, this.header);
  }
}

/** `missing_scope` carries `needed` and `provided` at the top level of the answer. */
export class MissingScope extends ApiError {
  constructor(
    readonly needed: string,
    readonly provided: string,
  ) {
    super("missing_scope");
  }
}
