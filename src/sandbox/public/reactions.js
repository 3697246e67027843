// The reactions row under a message: toggle an existing reaction, or add one from the picker.
import { post } from "./api.js";
import { h } from "./dom.js";
import { emojiFor, REACTION_CHOICES } from "./emoji.js";
import { closePopups, popupButton } from "./popups.js";
import { state, userName } from "./state.js";

export function renderReactions(m, channel) {
  const react = (name, add) => post("/reaction", { user: state.user, channel, ts: m.ts, name, add }, "回应");
  const row = h("div", { class: "reactions" });
  for (const r of m.reactions || []) {
    const mine = (r.users || []).includes(state.user);
    const count = r.count ?? (r.users || []).length;
    row.append(
      h(
        "button",
        {
          type: "button",
          class: `reaction${mine ? " mine" : ""}`,
          "data-testid": `reaction-${r.name}`,
          "aria-pressed": String(mine),
          title: (r.users || []).map(userName).join("、") + ` 回应了 :${r.name}:`,
          onclick: () => react(r.name, !mine),
        },
        h("span", { class: "r-emoji" }, emojiFor(r.name)),
        h("span", { class: "r-count" }, String(count)),
      ),
    );
  }
  if (m.ephemeral) return row; // Slack has no reactions on ephemeral messages
  const picker = h(
    "div",
    { class: "reaction-picker", role: "menu", hidden: true },
    REACTION_CHOICES.map(([name, ch]) =>
      h(
        "button",
        {
          type: "button",
          role: "menuitem",
          class: "pick",
          "data-testid": `add-reaction-${name}`,
          title: `:${name}:`,
          "aria-label": `:${name}:`,
          onclick: () => {
            closePopups();
            const mine = (m.reactions || []).find((r) => r.name === name)?.users?.includes(state.user);
            if (!mine) react(name, true);
          },
        },
        ch,
      ),
    ),
  );
  const add = h("button", { type: "button", class: "add-reaction", "data-testid": "add-reaction", "aria-haspopup": "menu", "aria-expanded": "false", title: "添加回应 Add reaction" }, "☺＋", h("span", { class: "ar-text" }, "添加回应"));
  popupButton(add, picker);
  row.append(h("div", { class: "reaction-add-wrap" }, add, picker));
  return row;
}
