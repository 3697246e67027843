import type { IncomingMessage } from "node:http";
import type { Args } from "./method-kit.ts";

// Request bodies as @slack/web-api sends them: form-encoded with nested values
// JSON-stringified, JSON (with a Bearer token), or multipart for file bytes.

/** Form fields that WebClient JSON-encodes; decoded so recorded args are readable. */
const JSON_FIELDS = new Set(["blocks", "attachments", "view", "files", "metadata"]);

export class BadRequest extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/** Parses Web API arguments; a string that fails to decode as JSON stays a string. */
export async function parseArgs(contentType: string | undefined, raw: Buffer): Promise<Args> {
  const type = mediaType(contentType);
  if (raw.length === 0) return {};
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new BadRequest("invalid_json");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new BadRequest("invalid_json");
    return parsed as Args;
  }
  if (type === "multipart/form-data") {
    const form = await multipart(contentType!, raw);
    const args: Args = {};
    for (const [k, v] of form.entries()) args[k] = typeof v === "string" ? decodeField(k, v) : Buffer.from(await v.arrayBuffer());
    return args;
  }
  const args: Args = {};
  for (const [k, v] of new URLSearchParams(raw.toString("utf8"))) args[k] = decodeField(k, v);
  return args;
}

/** The bytes of an upload: the first file part of a multipart body, else the raw body. */
export async function uploadedBytes(contentType: string | undefined, raw: Buffer): Promise<Buffer> {
  if (mediaType(contentType) !== "multipart/form-data") return raw;
  const form = await multipart(contentType!, raw);
  for (const v of form.values()) if (typeof v !== "string") return Buffer.from(await v.arrayBuffer());
  const first = form.values().next().value;
  return Buffer.from(typeof first === "string" ? first : "");
}

/** Reuses fetch's multipart parser rather than carrying one of our own. */
async function multipart(contentType: string, raw: Buffer): Promise<FormData> {
  try {
    return await new Request("http://standin.invalid/", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(raw) }).formData();
  } catch {
    throw new BadRequest("invalid_form_data");
  }
}

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  const t = value.trimStart();
  if (!t.startsWith("[") && !t.startsWith("{")) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
