// Input blocks of a modal: rendering them, reading view.state.values back, and the checks Slack makes before submitting.
import { unsupported } from "./blocks.js";
import { h } from "./dom.js";
import { plainText } from "./mrkdwn.js";
import { channelOptions, choiceGroup, fillSelect, multiOptions, optionsOf, readChoice, userOptions } from "./options.js";

/** Slack names an input block without block_id after its position. */
const inputBlockId = (b, index) => b.block_id ?? `input_${index}`;

export function renderInputBlock(b, ctx, index) {
  const bid = inputBlockId(b, index);
  const el = b.element || {};
  const aid = el.action_id ?? bid;
  const id = `in-${bid}`;
  const testid = `input-${bid}`;
  const select = (multiple) => h("select", { id, "data-testid": testid, class: "in-select", multiple });
  let control;
  switch (el.type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const common = {
        id,
        "data-testid": testid,
        class: "in-text",
        placeholder: plainText(el.placeholder) || "",
        maxlength: el.max_length,
        "aria-describedby": `err-${bid}`,
      };
      if (el.multiline) control = h("textarea", { ...common, rows: 4 }, el.initial_value ?? "");
      else {
        const type = { email_text_input: "email", url_text_input: "url", number_input: "number" }[el.type] || "text";
        control = h("input", { ...common, type, value: el.initial_value ?? "", step: el.type === "number_input" ? (el.is_decimal_allowed ? "any" : "1") : undefined });
      }
      break;
    }
    case "static_select":
    case "external_select":
      control = select();
      fillSelect(control, el, el.initial_option?.value);
      break;
    case "users_select":
      control = select();
      userOptions(control, el, el.initial_user);
      break;
    case "conversations_select":
    case "channels_select":
      control = select();
      channelOptions(control, el);
      break;
    case "multi_static_select":
    case "multi_users_select":
      control = select(true);
      multiOptions(control, el);
      break;
    case "datepicker":
      control = h("input", { id, type: "date", "data-testid": testid, class: "in-date", value: el.initial_date || "" });
      break;
    case "timepicker":
      control = h("input", { id, type: "time", "data-testid": testid, class: "in-date", value: el.initial_time || "" });
      break;
    case "checkboxes":
    case "radio_buttons":
      control = choiceGroup(el, testid, `${ctx.view_id}-${bid}`);
      break;
    default:
      control = unsupported(el.type ?? "（无元素）");
  }
  const labelFor = control.matches?.("input, select, textarea") ? id : undefined;
  const labelTag = labelFor ? "label" : "div";
  const wrap = h(
    "div",
    { class: "block b-input", "data-block-id": bid, "data-block-type": "input", "data-action-id": aid, "data-element-type": el.type },
    h(labelTag, { class: "in-label", for: labelFor, id: `lbl-${bid}` }, plainText(b.label), b.optional ? h("span", { class: "optional" }, "（选填）") : null),
    control,
    b.hint ? h("div", { class: "in-hint" }, plainText(b.hint)) : null,
    h("div", { class: "in-error", id: `err-${bid}`, "data-testid": `error-${bid}`, role: "alert", hidden: true }),
  );
  if (!labelFor && control.setAttribute) control.setAttribute("aria-labelledby", `lbl-${bid}`);
  return wrap;
}

/** view.state.values from the rendered modal. */
export function collectValues(root, view) {
  const values = {};
  const byId = new Map();
  (view.blocks || []).forEach((b, i) => b.type === "input" && byId.set(inputBlockId(b, i), b));
  for (const wrap of root.querySelectorAll(".b-input[data-block-id]")) {
    const bid = wrap.dataset.blockId;
    const b = byId.get(bid);
    if (!b) continue;
    const el = b.element || {};
    const aid = el.action_id ?? bid;
    const ctl = wrap.querySelector(`[data-testid="input-${CSS.escape(bid)}"]`);
    const v = { type: el.type };
    switch (el.type) {
      case "plain_text_input":
      case "email_text_input":
      case "url_text_input":
      case "number_input":
        v.value = ctl.value === "" ? null : ctl.value;
        break;
      case "static_select":
      case "external_select":
        v.selected_option = optionsOf(el).find((x) => x.value === ctl.value) ?? null;
        break;
      case "users_select":
        v.selected_user = ctl.value || null;
        break;
      case "conversations_select":
        v.selected_conversation = ctl.value || null;
        break;
      case "channels_select":
        v.selected_channel = ctl.value || null;
        break;
      case "multi_static_select": {
        const vals = [...ctl.selectedOptions].map((o) => o.value);
        v.selected_options = optionsOf(el).filter((o) => vals.includes(o.value));
        break;
      }
      case "multi_users_select":
        v.selected_users = [...ctl.selectedOptions].map((o) => o.value);
        break;
      case "datepicker":
        v.selected_date = ctl.value || null;
        break;
      case "timepicker":
        v.selected_time = ctl.value || null;
        break;
      case "checkboxes":
        v.selected_options = readChoice(ctl, el);
        break;
      case "radio_buttons":
        v.selected_option = readChoice(ctl, el)[0] ?? null;
        break;
      default:
        continue;
    }
    values[bid] = { [aid]: v };
  }
  return values;
}

function isEmptyValue(v) {
  if (!v) return true;
  if ("value" in v) return v.value === null || String(v.value).trim() === "";
  if ("selected_option" in v) return !v.selected_option;
  if ("selected_date" in v) return !v.selected_date;
  if ("selected_time" in v) return !v.selected_time;
  if ("selected_user" in v) return !v.selected_user;
  if ("selected_conversation" in v) return !v.selected_conversation;
  if ("selected_channel" in v) return !v.selected_channel;
  if ("selected_options" in v) return !v.selected_options.length;
  if ("selected_users" in v) return !v.selected_users.length;
  return false;
}

/** Slack checks required inputs (and min_length) in the client before the app sees anything. */
export function clientErrors(view, values) {
  const errors = {};
  (view.blocks || []).forEach((b, i) => {
    if (b.type !== "input") return;
    const bid = inputBlockId(b, i);
    const v = values[bid]?.[b.element?.action_id ?? bid];
    if (!b.optional && isEmptyValue(v)) errors[bid] = "请填写此必填项 / Please complete this required field.";
    else if (b.element?.min_length && v?.value && [...v.value].length < b.element.min_length) errors[bid] = `至少填写 ${b.element.min_length} 个字符`;
  });
  return errors;
}
