// Interactive elements (buttons, selects, pickers, overflow menus) outside modal inputs:
// each use is sent to the app as a block action.
import { post } from "./api.js";
import { imageSrc, unsupported } from "./blocks.js";
import { h, safeUrl } from "./dom.js";
import { plainText, textEl } from "./mrkdwn.js";
import { channelOptions, choiceGroup, fillSelect, multiOptions, optionLabel, optionsOf, readChoice, userOptions } from "./options.js";
import { closePopups, popupButton } from "./popups.js";
import { state } from "./state.js";

export function renderElement(el, block, ctx) {
  const aid = el.action_id ?? "";
  const testid = `action-${aid}`;
  const send = (action) => dispatchAction({ type: el.type, action_id: aid, block_id: block.block_id ?? "", ...action }, ctx);
  const select = (label, multiple) => h("select", { class: "el-select", multiple, "data-testid": testid, "aria-label": label });
  switch (el.type) {
    case "button": {
      const btn = h("button", { type: "button", class: `btn ${el.style || ""}`, "data-testid": testid, "data-action-id": aid }, plainText(el.text));
      btn.addEventListener("click", async () => {
        if (el.confirm && !(await confirmDialog(el.confirm))) return;
        if (el.url) window.open(safeUrl(el.url), "_blank", "noopener");
        btn.disabled = true;
        await send({ value: el.value, text: el.text });
        btn.disabled = false;
      });
      return btn;
    }
    case "static_select":
    case "external_select": {
      const sel = select(plainText(el.placeholder) || "选择");
      fillSelect(sel, el, el.initial_option?.value);
      sel.addEventListener("change", () => {
        const o = optionsOf(el).find((x) => x.value === sel.value);
        if (o) send({ selected_option: o });
      });
      return sel;
    }
    case "users_select": {
      const sel = select(plainText(el.placeholder) || "选择成员");
      userOptions(sel, el, el.initial_user);
      sel.addEventListener("change", () => sel.value && send({ selected_user: sel.value }));
      return sel;
    }
    case "conversations_select":
    case "channels_select": {
      const sel = select("选择频道");
      channelOptions(sel, el);
      const key = el.type === "channels_select" ? "selected_channel" : "selected_conversation";
      sel.addEventListener("change", () => sel.value && send({ [key]: sel.value }));
      return sel;
    }
    case "multi_static_select":
    case "multi_users_select": {
      const sel = select(plainText(el.placeholder) || "多选", true);
      multiOptions(sel, el);
      sel.addEventListener("change", () => {
        const vals = [...sel.selectedOptions].map((o) => o.value);
        if (el.type === "multi_users_select") send({ selected_users: vals });
        else send({ selected_options: optionsOf(el).filter((o) => vals.includes(o.value)) });
      });
      return sel;
    }
    case "overflow":
      return overflowMenu(el, (o) => send({ selected_option: o }));
    case "datepicker": {
      const inp = h("input", { type: "date", class: "el-date", "data-testid": testid, value: el.initial_date || "", "aria-label": plainText(el.placeholder) || "选择日期" });
      const wrap = h("label", { class: "el-date-wrap" }, el.placeholder ? h("span", { class: "el-date-ph" }, plainText(el.placeholder)) : null, inp);
      inp.addEventListener("change", () => inp.value && send({ selected_date: inp.value }));
      return wrap;
    }
    case "timepicker": {
      const inp = h("input", { type: "time", class: "el-date", "data-testid": testid, value: el.initial_time || "", "aria-label": plainText(el.placeholder) || "选择时间" });
      inp.addEventListener("change", () => inp.value && send({ selected_time: inp.value }));
      return inp;
    }
    case "checkboxes":
    case "radio_buttons": {
      const box = choiceGroup(el, testid, `${ctx.message_ts || ctx.view_id}-${block.block_id}-${aid}`);
      box.addEventListener("change", () => {
        const picked = readChoice(box, el);
        send(el.type === "checkboxes" ? { selected_options: picked } : { selected_option: picked[0] ?? null });
      });
      return box;
    }
    case "image":
      return h("img", { class: "acc-img", src: imageSrc(el), alt: el.alt_text || "" });
    case "mrkdwn":
    case "plain_text":
      return textEl(el);
    default:
      return unsupported(el.type);
  }
}

function overflowMenu(el, onPick) {
  const aid = el.action_id ?? "";
  const btn = h("button", { type: "button", class: "btn overflow-btn", "data-testid": `action-${aid}`, "aria-haspopup": "menu", "aria-expanded": "false", "aria-label": "更多操作 More" }, "⋯");
  const menu = h(
    "div",
    { class: "overflow-menu", role: "menu", hidden: true },
    (el.options || []).map((o) =>
      h(
        "button",
        {
          type: "button",
          role: "menuitem",
          class: "overflow-item",
          "data-testid": `option-${o.value}`,
          onclick: () => {
            closePopups();
            onPick(o);
          },
        },
        optionLabel(o),
      ),
    ),
  );
  popupButton(btn, menu);
  return h("div", { class: "overflow" }, btn, menu);
}

async function dispatchAction(action, ctx) {
  const body = { user: state.user, action };
  if (ctx.where === "message") {
    body.channel = ctx.channel;
    body.message_ts = ctx.message_ts;
    if (ctx.thread_ts) body.thread_ts = ctx.thread_ts;
    if (ctx.ephemeral) body.ephemeral = true;
  } else {
    body.view_id = ctx.view_id;
    if (ctx.where === "modal" && ctx.channel) body.channel = ctx.channel;
  }
  await post("/action", body, "操作");
}

/** A button's `confirm` object as a dialog; resolves true when confirmed. */
function confirmDialog(c) {
  return new Promise((resolve) => {
    const done = (v) => {
      overlay.remove();
      resolve(v);
    };
    const overlay = h(
      "div",
      { class: "modal-overlay confirm-overlay", "data-testid": "confirm" },
      h(
        "div",
        { class: "modal small", role: "alertdialog", "aria-modal": "true", "aria-label": plainText(c.title) || "确认" },
        h("div", { class: "modal-head" }, h("h2", {}, plainText(c.title) || "确认")),
        h("div", { class: "modal-body" }, textEl(c.text)),
        h(
          "div",
          { class: "modal-foot" },
          h("button", { type: "button", class: "btn", "data-testid": "confirm-cancel", onclick: () => done(false) }, plainText(c.deny) || "取消"),
          h("button", { type: "button", class: `btn ${c.style === "danger" ? "danger" : "primary"}`, "data-testid": "confirm-ok", onclick: () => done(true) }, plainText(c.confirm) || "确定"),
        ),
      ),
    );
    document.body.append(overlay);
    overlay.querySelector('[data-testid="confirm-ok"]').focus();
  });
}
