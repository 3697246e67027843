// Option lists and choice groups, shared by interactive elements and modal inputs.
import { h } from "./dom.js";
import { plainText, textEl } from "./mrkdwn.js";
import { channelLabel, state } from "./state.js";

export const optionLabel = (o) => plainText(o.text);

export function optionsOf(el) {
  if (el.option_groups) return el.option_groups.flatMap((g) => g.options || []);
  return el.options || [];
}

/** A placeholder row, then the options (or option groups). */
export function fillSelect(select, el, selectedValue) {
  select.append(h("option", { value: "" }, plainText(el.placeholder) || "请选择"));
  const add = (parent, opts) => {
    for (const o of opts || []) parent.append(h("option", { value: o.value, selected: o.value === selectedValue }, optionLabel(o)));
  };
  if (el.option_groups) for (const g of el.option_groups) add(select.appendChild(h("optgroup", { label: plainText(g.label) })), g.options);
  else add(select, el.options);
}

export function userOptions(select, el, selectedUser) {
  select.append(h("option", { value: "" }, plainText(el.placeholder) || "选择成员"));
  for (const u of state.users) select.append(h("option", { value: u.id, selected: u.id === selectedUser }, `${u.real_name || u.name}${u.name && u.real_name && u.name !== u.real_name ? `（${u.name}）` : ""}`));
}

export function channelOptions(select, el) {
  select.append(h("option", { value: "" }, plainText(el.placeholder) || "选择频道"));
  for (const c of state.channels) select.append(h("option", { value: c.id, selected: c.id === (el.initial_conversation || el.initial_channel) }, channelLabel(c)));
}

/** multi_static_select / multi_users_select: no placeholder row. */
export function multiOptions(select, el) {
  if (el.type === "multi_users_select") for (const u of state.users) select.append(h("option", { value: u.id, selected: (el.initial_users || []).includes(u.id) }, u.real_name || u.name));
  else for (const o of optionsOf(el)) select.append(h("option", { value: o.value, selected: (el.initial_options || []).some((x) => x.value === o.value) }, optionLabel(o)));
}

/** checkboxes / radio_buttons; `name` must be unique on the page so radio groups stay apart. */
export function choiceGroup(el, testid, name) {
  const kind = el.type === "checkboxes" ? "checkbox" : "radio";
  const initial = el.type === "checkboxes" ? (el.initial_options || []).map((o) => o.value) : el.initial_option ? [el.initial_option.value] : [];
  return h(
    "div",
    { class: "choice-group", role: kind === "radio" ? "radiogroup" : "group", "data-testid": testid },
    (el.options || []).map((o, i) =>
      h(
        "label",
        { class: "choice" },
        h("input", { type: kind, name, value: o.value, checked: initial.includes(o.value), "data-index": i }),
        h("span", {}, textEl(o.text), o.description ? h("small", { class: "choice-desc" }, textEl(o.description)) : null),
      ),
    ),
  );
}

/** The checked options of a choice group, as option objects. */
export function readChoice(box, el) {
  const vals = [...box.querySelectorAll("input:checked")].map((i) => i.value);
  return (el.options || []).filter((o) => vals.includes(o.value));
}
