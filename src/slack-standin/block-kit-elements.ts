import { Checker, LIMITS, type Json } from "./block-kit-checks.ts";

// Interactive and image elements: the ones this bot may send. Anything else is
// reported so a typo in an element type fails in tests, not in front of users.

export const ELEMENT_TYPES = [
  "button",
  "static_select",
  "overflow",
  "datepicker",
  "plain_text_input",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "checkboxes",
  "radio_buttons",
  "image",
] as const;

export type ElementType = (typeof ELEMENT_TYPES)[number];

/** Where an element sits; Slack accepts different element types in each place. */
export type ElementPlace = "accessory" | "actions" | "input";

const NOT_ALLOWED: Record<ElementPlace, ReadonlySet<string>> = {
  accessory: new Set(["plain_text_input"]),
  actions: new Set(["image"]),
  input: new Set(["button", "overflow", "image"]),
};

export function validateElement(c: Checker, el: unknown, path: string, place: ElementPlace): void {
  if (!c.object(el, path)) return;
  const type = el.type;
  if (typeof type !== "string" || !(ELEMENT_TYPES as readonly string[]).includes(type)) {
    c.error(`${path}/type`, `unsupported element type: ${String(type)}`);
    return;
  }
  if (NOT_ALLOWED[place].has(type)) {
    c.error(`${path}/type`, `${type} is not allowed in ${place === "accessory" ? "a section accessory" : `an ${place} block`}`);
    return;
  }
  if (type === "image") {
    imageElement(c, el, path);
    return;
  }
  c.actionId(el, path);
  c.optionalText(el, "placeholder", path, { max: LIMITS.placeholder, plainOnly: true });
  switch (type as ElementType) {
    case "button":
      if (c.has(el, "text", path)) c.text(el.text, `${path}/text`, { max: LIMITS.buttonText, plainOnly: true });
      c.string(el, "value", path, LIMITS.buttonValue);
      c.string(el, "url", path, LIMITS.url);
      if (el.style !== undefined && el.style !== "primary" && el.style !== "danger") {
        c.error(`${path}/style`, "must be one of: primary, danger");
      }
      break;
    case "static_select":
      staticSelect(c, el, path);
      break;
    case "overflow":
      options(c, el, path, LIMITS.overflowOptions, true);
      break;
    case "checkboxes":
    case "radio_buttons":
      // Choice options may use mrkdwn, unlike select options.
      options(c, el, path, LIMITS.choiceOptions, false);
      break;
    case "datepicker":
      if (el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(el.initial_date))) {
        c.error(`${path}/initial_date`, "must be in the format YYYY-MM-DD");
      }
      break;
    case "plain_text_input":
      c.string(el, "initial_value", path, 3000);
      break;
    default:
      break; // users_select, multi_users_select, conversations_select: placeholder and action_id only
  }
}

export function imageElement(c: Checker, el: Json, path: string): void {
  if (el.slack_file === undefined) c.string(el, "image_url", path, LIMITS.url, true);
  c.string(el, "alt_text", path, LIMITS.altText, true);
}

function staticSelect(c: Checker, el: Json, path: string): void {
  if (el.options === undefined && el.option_groups === undefined) {
    c.error(path, "missing required field: options");
    return;
  }
  if (el.options !== undefined) options(c, el, path, LIMITS.selectOptions, true);
  const groups = c.array(el, "option_groups", path, LIMITS.selectOptions, false);
  groups?.forEach((g, i) => {
    const at = `${path}/option_groups/${i}`;
    if (!c.object(g, at)) return;
    if (c.has(g, "label", at)) c.text(g.label, `${at}/label`, { max: LIMITS.optionText, plainOnly: true });
    options(c, g, at, LIMITS.selectOptions, true);
  });
  if (el.initial_option !== undefined) option(c, el.initial_option, `${path}/initial_option`, true);
}

function options(c: Checker, holder: Json, path: string, max: number, plainOnly: boolean): void {
  const list = c.array(holder, "options", path, max);
  list?.forEach((o, i) => option(c, o, `${path}/options/${i}`, plainOnly));
}

function option(c: Checker, o: unknown, path: string, plainOnly: boolean): void {
  if (!c.object(o, path)) return;
  if (c.has(o, "text", path)) c.text(o.text, `${path}/text`, { max: LIMITS.optionText, plainOnly });
  c.string(o, "value", path, LIMITS.optionValue, true);
  c.optionalText(o, "description", path, { max: LIMITS.optionDescription, plainOnly });
}
