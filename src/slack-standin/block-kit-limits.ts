import { Checker, LIMITS, charLength, type Json, type Surface } from "./block-kit-checks.ts";
import { imageElement, validateElement } from "./block-kit-elements.ts";

// Pure Block Kit validation with Slack's documented limits, so a message that
// Slack would reject with invalid_blocks fails in tests first. Errors read like
// Slack's response_metadata.messages: "<problem> [json-pointer:/blocks/3/text/text]".

export { LIMITS, type Surface } from "./block-kit-checks.ts";

export const BLOCK_TYPES = ["section", "header", "divider", "context", "actions", "image", "input", "rich_text"] as const;

export interface ValidationResult {
  errors: string[];
  /** Accepted by Slack but altered, e.g. text truncated past 40,000 characters. */
  warnings: string[];
}

/** Errors for a `blocks` array on a surface; empty when Slack would accept it. */
export function validateBlocks(blocks: unknown, surface: Surface): string[] {
  const c = new Checker(surface);
  checkBlocks(c, blocks, "/blocks");
  return c.errors;
}

/** Errors for a modal (views.open/update/push) or home tab (views.publish) view. */
export function validateView(view: unknown, surface: "modal" | "home"): string[] {
  const c = new Checker(surface);
  const path = "/view";
  if (!c.object(view, path)) return c.errors;
  if (view.type !== surface) c.error(`${path}/type`, `must be ${surface}`);
  if (surface === "modal") {
    if (c.has(view, "title", path)) c.text(view.title, `${path}/title`, { max: LIMITS.viewTitle, plainOnly: true });
    c.optionalText(view, "submit", path, { max: LIMITS.viewTitle, plainOnly: true });
    c.optionalText(view, "close", path, { max: LIMITS.viewTitle, plainOnly: true });
  }
  c.string(view, "private_metadata", path, LIMITS.privateMetadata);
  c.string(view, "callback_id", path, LIMITS.callbackId);
  c.string(view, "external_id", path, LIMITS.externalId);
  if (c.has(view, "blocks", path)) checkBlocks(c, view.blocks, `${path}/blocks`);
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => (b as Json | null)?.type === "input");
  if (surface === "modal" && hasInput && (view.submit === undefined || view.submit === null)) {
    c.error(path, "must provide a submit property when using input blocks");
  }
  return c.errors;
}

/**
 * A chat message (chat.postMessage/update/postEphemeral, response_url): needs
 * text or blocks; blocks are validated; over-long text is only a warning
 * because Slack truncates it rather than rejecting the call.
 */
export function validateMessage(message: { text?: unknown; blocks?: unknown }): ValidationResult {
  const warnings: string[] = [];
  const errors = message.blocks === undefined ? [] : validateBlocks(message.blocks, "message");
  const text = message.text;
  if (typeof text === "string" && charLength(text) > LIMITS.messageText) {
    warnings.push(`text is ${charLength(text)} characters; Slack truncates it to ${LIMITS.messageText} [json-pointer:/text]`);
  }
  return { errors, warnings };
}

function checkBlocks(c: Checker, blocks: unknown, path: string): void {
  if (!Array.isArray(blocks)) {
    c.error(path, "must be an array");
    return;
  }
  const max = c.surface === "message" ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > max) c.error(path, `must be less than ${max + 1} items`);
  blocks.forEach((b, i) => checkBlock(c, b, `${path}/${i}`));
}

function checkBlock(c: Checker, block: unknown, path: string): void {
  if (!c.object(block, path)) return;
  const type = block.type;
  if (typeof type !== "string" || !(BLOCK_TYPES as readonly string[]).includes(type)) {
    c.error(`${path}/type`, `unsupported block type: ${String(type)}`);
    return;
  }
  c.blockId(block, path);
  switch (type) {
    case "section":
      section(c, block, path);
      break;
    case "header":
      if (c.has(block, "text", path)) c.text(block.text, `${path}/text`, { max: LIMITS.headerText, plainOnly: true });
      break;
    case "context": {
      const elements = c.array(block, "elements", path, LIMITS.contextElements);
      elements?.forEach((el, i) => contextElement(c, el, `${path}/elements/${i}`));
      break;
    }
    case "actions": {
      const elements = c.array(block, "elements", path, LIMITS.actionsElements);
      elements?.forEach((el, i) => validateElement(c, el, `${path}/elements/${i}`, "actions"));
      break;
    }
    case "image":
      imageElement(c, block, path);
      c.optionalText(block, "title", path, { max: LIMITS.altText, plainOnly: true });
      break;
    case "input":
      if (c.surface === "message") c.error(`${path}/type`, "input blocks are only allowed in modals and home tabs");
      if (c.has(block, "label", path)) c.text(block.label, `${path}/label`, { max: LIMITS.labelText, plainOnly: true });
      c.optionalText(block, "hint", path, { max: LIMITS.hintText, plainOnly: true });
      if (c.has(block, "element", path)) validateElement(c, block.element, `${path}/element`, "input");
      break;
    default:
      break; // divider has no content; rich_text is passed through unchecked
  }
}

function section(c: Checker, block: Json, path: string): void {
  if (block.text === undefined && block.fields === undefined) {
    c.error(path, "must provide text or fields");
  }
  c.optionalText(block, "text", path, { max: LIMITS.sectionText });
  const fields = c.array(block, "fields", path, LIMITS.sectionFields, false);
  fields?.forEach((f, i) => c.text(f, `${path}/fields/${i}`, { max: LIMITS.sectionField }));
  if (block.accessory !== undefined) validateElement(c, block.accessory, `${path}/accessory`, "accessory");
}

function contextElement(c: Checker, el: unknown, path: string): void {
  if (!c.object(el, path)) return;
  if (el.type === "image") imageElement(c, el, path);
  else if (el.type === "plain_text" || el.type === "mrkdwn") c.text(el, path, { max: Number.POSITIVE_INFINITY });
  else c.error(`${path}/type`, `unsupported context element type: ${String(el.type)}`);
}
