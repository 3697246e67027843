// Shared primitives for the Block Kit validator: the limits Slack documents,
// and a collector that formats errors the way Slack's API reports them
// ("<problem> [json-pointer:/blocks/0/text/text]").

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  actionId: 255,
  blockId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  placeholder: 150,
  overflowOptions: 5,
  choiceOptions: 10,
  actionsElements: 25,
  contextElements: 10,
  altText: 2000,
  labelText: 2000,
  hintText: 2000,
  viewTitle: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  messageText: 40_000,
} as const;

export type Surface = "message" | "modal" | "home";

export type Json = Record<string, unknown>;

/** Slack counts characters, not UTF-16 units; matters little for CJK but is exact. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export interface TextOptions {
  max: number;
  plainOnly?: boolean;
}

/** Collects errors for one message or view; also tracks ids that must be unique in it. */
export class Checker {
  readonly errors: string[] = [];
  private readonly actionIds = new Set<string>();
  private readonly blockIds = new Set<string>();

  constructor(readonly surface: Surface) {}

  error(path: string, problem: string): void {
    this.errors.push(`${problem} [json-pointer:${path}]`);
  }

  object(value: unknown, path: string): value is Json {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return true;
    this.error(path, "must be an object");
    return false;
  }

  /** A required field; reports it missing at the parent's path. */
  has(obj: Json, key: string, path: string): boolean {
    if (obj[key] !== undefined && obj[key] !== null) return true;
    this.error(path, `missing required field: ${key}`);
    return false;
  }

  /** Checks a string field if present (or required); returns it when valid. */
  string(obj: Json, key: string, path: string, max: number, required = false): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.error(path, `missing required field: ${key}`);
      return undefined;
    }
    const at = `${path}/${key}`;
    if (typeof value !== "string") {
      this.error(at, "must be a string");
      return undefined;
    }
    if (required && value.length === 0) {
      this.error(at, "must be more than 0 characters");
      return undefined;
    }
    if (charLength(value) > max) {
      this.error(at, `must be less than ${max + 1} characters`);
      return undefined;
    }
    return value;
  }

  /** An array field with an upper bound on its length (and at least one item unless allowEmpty). */
  array(obj: Json, key: string, path: string, max: number, required = true, allowEmpty = false): unknown[] | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.error(path, `missing required field: ${key}`);
      return undefined;
    }
    const at = `${path}/${key}`;
    if (!Array.isArray(value)) {
      this.error(at, "must be an array");
      return undefined;
    }
    if (value.length === 0 && !allowEmpty) this.error(at, "must provide at least 1 item");
    if (value.length > max) this.error(at, `must be less than ${max + 1} items`);
    return value;
  }

  /** A text composition object: type plain_text|mrkdwn and non-empty text within max. */
  text(value: unknown, path: string, opts: TextOptions): void {
    if (!this.object(value, path)) return;
    const type = value.type;
    if (opts.plainOnly) {
      if (type !== "plain_text") this.error(`${path}/type`, "must be plain_text");
    } else if (type !== "plain_text" && type !== "mrkdwn") {
      this.error(`${path}/type`, "must be one of: plain_text, mrkdwn");
    }
    this.string(value, "text", path, opts.max, true);
  }

  /** Optional text object field; validates it when present. */
  optionalText(obj: Json, key: string, path: string, opts: TextOptions): void {
    if (obj[key] !== undefined && obj[key] !== null) this.text(obj[key], `${path}/${key}`, opts);
  }

  actionId(obj: Json, path: string): void {
    const id = this.string(obj, "action_id", path, LIMITS.actionId);
    if (id === undefined) return;
    if (this.actionIds.has(id)) this.error(`${path}/action_id`, `duplicate action_id: ${id}`);
    this.actionIds.add(id);
  }

  blockId(obj: Json, path: string): void {
    const id = this.string(obj, "block_id", path, LIMITS.blockId);
    if (id === undefined) return;
    if (this.blockIds.has(id)) this.error(`${path}/block_id`, `duplicate block_id: ${id}`);
    this.blockIds.add(id);
  }
}
