import { extname } from "node:path";
import { channelRef } from "./channel-access.ts";
import { ApiError, jsonArg, missing, optInt, optString, requireString, type MethodContext, type MethodHandler } from "./method-kit.ts";

// Slack's external upload flow: files.getUploadURLExternal hands out an
// upload_url (here on the stand-in), the bytes are POSTed there, and
// files.completeUploadExternal shares the file. Bytes are kept for tests.

export interface StoredFile {
  id: string;
  filename: string;
  /** The length announced to getUploadURLExternal. */
  length: number;
  title?: string;
  alt_text?: string;
  /** Undefined until the upload_url received the bytes. */
  bytes?: Buffer;
  completed: boolean;
  channels: string[];
  thread_ts?: string;
  initial_comment?: string;
  /** Unix seconds. */
  created: number;
}

const MIME: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".csv": "text/csv",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".txt": "text/plain",
  ".json": "application/json",
};

export class FileStore {
  readonly byId = new Map<string, StoredFile>();
  private seq = 0;

  nextId(): string {
    return `F0STANDIN${String(++this.seq).padStart(4, "0")}`;
  }

  /** Called by the server for POSTs to an upload_url; undefined once completed (the URL is spent). */
  receive(id: string, bytes: Buffer): StoredFile | undefined {
    const f = this.byId.get(id);
    if (!f || f.completed) return undefined;
    f.bytes = bytes;
    return f;
  }

  clear(): void {
    this.byId.clear();
  }
}

export function uploadPath(fileId: string): string {
  return `/upload/${fileId}`;
}

export function fileObject(f: StoredFile, ctx: MethodContext): Record<string, unknown> {
  const ext = extname(f.filename).toLowerCase();
  const base = `https://files.slack.com/files-pri/${ctx.bot.teamId}-${f.id}`;
  return {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.filename,
    title: f.title ?? f.filename,
    mimetype: MIME[ext] ?? "application/octet-stream",
    filetype: ext.slice(1) || "binary",
    user: ctx.bot.userId,
    size: f.bytes?.length ?? 0,
    url_private: `${base}/${encodeURIComponent(f.filename)}`,
    url_private_download: `${base}/download/${encodeURIComponent(f.filename)}`,
    permalink: `https://${ctx.bot.teamDomain}.slack.com/files/${ctx.bot.userId}/${f.id}/${encodeURIComponent(f.filename)}`,
    channels: [...f.channels],
  };
}

const getUploadURLExternal: MethodHandler = (args, ctx) => {
  const filename = requireString(args, "filename");
  const length = optInt(args, "length");
  if (length === undefined) throw missing("length");
  if (length < 1) throw new ApiError("invalid_arguments", ["[ERROR] must be greater than 0 [json-pointer:/length]"]);
  const id = ctx.files.nextId();
  ctx.files.byId.set(id, {
    id,
    filename,
    length,
    alt_text: optString(args, "alt_text"),
    completed: false,
    channels: [],
    created: Math.floor(ctx.now() / 1000),
  });
  return { upload_url: `${ctx.origin}${uploadPath(id)}`, file_id: id };
};

const completeUploadExternal: MethodHandler = (args, ctx) => {
  const files = jsonArg(args, "files", "invalid_arguments");
  if (files === undefined) throw missing("files");
  if (!Array.isArray(files) || files.length === 0) {
    throw new ApiError("invalid_arguments", ["[ERROR] must provide at least 1 item [json-pointer:/files]"]);
  }
  const entries = files.map((entry, i) => {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== "string") throw new ApiError("invalid_arguments", [`[ERROR] missing required field: id [json-pointer:/files/${i}]`]);
    const f = ctx.files.byId.get(id);
    if (!f || f.bytes === undefined || f.completed) throw new ApiError("file_not_found");
    const title = (entry as { title?: unknown }).title;
    return { f, title: typeof title === "string" ? title : undefined };
  });
  // channel_id is current; channels (comma-separated) is the older spelling.
  const refs = optString(args, "channel_id") ?? optString(args, "channels");
  const channels = refs ? refs.split(",").map((r) => channelRef(r.trim(), ctx, "post")) : [];
  const threadTs = optString(args, "thread_ts");
  const comment = optString(args, "initial_comment");
  if (threadTs !== undefined && channels.length === 0) throw missing("channel_id");
  if (threadTs !== undefined) for (const c of channels) ctx.ws.threadParent(c.id, threadTs);
  for (const { f, title } of entries) {
    f.completed = true;
    f.title = title ?? f.title;
    f.thread_ts = threadTs;
    f.initial_comment = comment;
  }
  // Slack shares the files a moment after answering: the message carrying
  // them, and the files' channels, appear asynchronously.
  ctx.later(() => {
    for (const { f } of entries) f.channels = channels.map((c) => c.id);
    for (const c of channels) {
      ctx.ws.post(c.id, {
        user: ctx.bot.userId,
        bot_id: ctx.bot.botId,
        app_id: ctx.bot.appId,
        text: comment ?? "",
        files: entries.map(({ f }) => fileObject(f, ctx)),
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      });
    }
  });
  // The answer names the files only; where they are shared is not known yet.
  return { files: entries.map(({ f }) => ({ id: f.id, title: f.title ?? f.filename })) };
};

export const fileMethods: Record<string, MethodHandler> = {
  "files.getUploadURLExternal": getUploadURLExternal,
  "files.completeUploadExternal": completeUploadExternal,
};
