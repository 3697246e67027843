import { randomBytes } from "node:crypto";
import { validateView } from "./block-kit-limits.ts";
import { ApiError, jsonArg, missing, optString, requireString, type Args, type MethodContext, type MethodHandler } from "./method-kit.ts";

// views.*: modals and home tabs. Views are kept so update/publish behave like
// Slack (ids, hashes, external_id) and a sandbox UI can render them.

export interface StoredView {
  id: string;
  team_id: string;
  type: "modal" | "home";
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, unknown> };
  hash: string;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  /** Home tab owner. */
  user_id?: string;
}

export class ViewStore {
  readonly byId = new Map<string, StoredView>();
  readonly homeByUser = new Map<string, string>();
  private seq = 0;

  nextId(): string {
    return `V0STANDIN${String(++this.seq).padStart(4, "0")}`;
  }

  byExternalId(externalId: string): StoredView | undefined {
    for (const v of this.byId.values()) if (v.external_id === externalId) return v;
    return undefined;
  }

  clear(): void {
    this.byId.clear();
    this.homeByUser.clear();
  }
}

function viewArg(args: Args, surface: "modal" | "home"): Record<string, unknown> {
  const view = jsonArg(args, "view", "invalid_arguments");
  if (view === undefined) throw missing("view");
  const errors = validateView(view, surface);
  if (errors.length > 0) throw new ApiError("invalid_arguments", errors.map((e) => `[ERROR] ${e}`));
  return view as Record<string, unknown>;
}

/** Stores a view under `id` (new or replaced), keeping Slack's bookkeeping fields. */
function save(ctx: MethodContext, id: string, view: Record<string, unknown>, prev?: StoredView, previousViewId: string | null = null): StoredView {
  const externalId = typeof view.external_id === "string" ? view.external_id : "";
  const clash = externalId ? ctx.views.byExternalId(externalId) : undefined;
  if (clash && clash.id !== id) throw new ApiError("duplicate_external_id");
  const stored: StoredView = {
    id,
    team_id: ctx.bot.teamId,
    type: view.type as "modal" | "home",
    title: view.title,
    submit: view.submit,
    close: view.close,
    blocks: view.blocks as unknown[],
    private_metadata: typeof view.private_metadata === "string" ? view.private_metadata : "",
    callback_id: typeof view.callback_id === "string" ? view.callback_id : "",
    external_id: externalId,
    state: prev?.state ?? { values: {} },
    hash: `${Math.floor(ctx.now() / 1000)}.${randomBytes(4).toString("hex")}`,
    root_view_id: prev?.root_view_id ?? id,
    previous_view_id: prev?.previous_view_id ?? previousViewId,
    app_id: ctx.bot.appId,
    bot_id: ctx.bot.botId,
    clear_on_close: view.clear_on_close === true,
    notify_on_close: view.notify_on_close === true,
    user_id: prev?.user_id,
  };
  ctx.views.byId.set(id, stored);
  return stored;
}

function checkHash(args: Args, current: StoredView): void {
  const hash = optString(args, "hash");
  if (hash !== undefined && hash !== current.hash) throw new ApiError("hash_conflict");
}

/** views.open and views.push; the stand-in does not track which modal a push's trigger came from. */
const openOrPush: MethodHandler = (args, ctx) => {
  const triggerId = requireString(args, "trigger_id");
  const view = viewArg(args, "modal");
  ctx.triggers.consume(triggerId);
  return { view: structuredClone(save(ctx, ctx.views.nextId(), view)) };
};

const update: MethodHandler = (args, ctx) => {
  const viewId = optString(args, "view_id");
  const externalId = optString(args, "external_id");
  if (viewId === undefined && externalId === undefined) throw missing("view_id or external_id");
  const current = viewId !== undefined ? ctx.views.byId.get(viewId) : ctx.views.byExternalId(externalId!);
  if (!current) throw new ApiError("not_found");
  checkHash(args, current);
  const view = viewArg(args, current.type);
  return { view: structuredClone(save(ctx, current.id, view, current)) };
};

const publish: MethodHandler = (args, ctx) => {
  const userId = requireString(args, "user_id");
  if (!ctx.ws.users.has(userId)) throw new ApiError("user_not_found");
  const view = viewArg(args, "home");
  const currentId = ctx.views.homeByUser.get(userId);
  const current = currentId !== undefined ? ctx.views.byId.get(currentId) : undefined;
  if (current) checkHash(args, current);
  const stored = save(ctx, current?.id ?? ctx.views.nextId(), view, current);
  stored.user_id = userId;
  ctx.views.homeByUser.set(userId, stored.id);
  return { view: structuredClone(stored) };
};

export const viewMethods: Record<string, MethodHandler> = {
  "views.open": openOrPush,
  "views.push": openOrPush,
  "views.update": update,
  "views.publish": publish,
};
