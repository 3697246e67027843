// The modal overlay for state.modal: render it, keep what was typed across updates, submit and close it.
import { api, post, q } from "./api.js";
import { renderBlocks } from "./blocks.js";
import { $, h, isComposing, toast } from "./dom.js";
import { clientErrors, collectValues } from "./inputs.js";
import { scheduleRefresh } from "./live.js";
import { plainText } from "./mrkdwn.js";
import { state } from "./state.js";

export function renderModal() {
  const root = $("modal-root");
  const view = state.modal;
  if (!view) {
    root.replaceChildren();
    state.modalSig = "";
    return;
  }
  const sig = JSON.stringify(view);
  if (sig === state.modalSig && root.firstChild) return;
  // Keep what the user typed if the same view is re-rendered (views.update keeps input state in Slack).
  const old = root.querySelector(".modal");
  const kept = old && old.dataset.viewId === view.id ? snapshotInputs(old) : null;
  state.modalSig = sig;
  const ctx = { where: "modal", view_id: view.id, channel: state.view?.kind === "channel" ? state.view.id : undefined };
  const form = h("form", { class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": "modal-title", "data-view-id": view.id, novalidate: true });
  form.append(
    h(
      "div",
      { class: "modal-head" },
      h("h2", { id: "modal-title" }, plainText(view.title) || "对话框"),
      h("button", { type: "button", class: "icon-btn", "aria-label": "关闭 Close", "data-testid": "modal-x", onclick: closeModal }, "✕"),
    ),
    h("div", { class: "modal-body" }, renderBlocks(view.blocks, ctx)),
    h(
      "div",
      { class: "modal-foot" },
      h("button", { type: "button", class: "btn", "data-testid": "modal-close", onclick: closeModal }, plainText(view.close) || "取消"),
      view.submit ? h("button", { type: "submit", class: "btn primary", "data-testid": "modal-submit" }, plainText(view.submit)) : null,
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitModal(form, view);
  });
  const overlay = h("div", { class: "modal-overlay", "data-testid": "modal" }, form);
  overlay.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeModal();
  });
  // Enter in a single-line input submits the form like Slack; keep Chinese IME composition safe.
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && isComposing(e)) e.preventDefault();
  });
  const hadFocus = root.contains(document.activeElement);
  root.replaceChildren(overlay);
  if (kept) restoreInputs(form, kept);
  showModalErrors(form, state.modalErrors);
  if (!hadFocus) form.querySelector("input:not([type=hidden]), textarea, select, button[type=submit]")?.focus({ preventScroll: true });
}

function snapshotInputs(form) {
  const snap = {};
  for (const c of form.querySelectorAll("[data-testid^='input-']")) {
    if (c.matches("select[multiple]")) snap[c.dataset.testid] = { multi: [...c.selectedOptions].map((o) => o.value) };
    else if (c.matches("input, select, textarea")) snap[c.dataset.testid] = { value: c.value };
    else snap[c.dataset.testid] = { checked: [...c.querySelectorAll("input:checked")].map((i) => i.value) };
  }
  return snap;
}
function restoreInputs(form, snap) {
  for (const [tid, s] of Object.entries(snap)) {
    const c = form.querySelector(`[data-testid="${CSS.escape(tid)}"]`);
    if (!c) continue;
    if (s.multi) [...c.options].forEach((o) => (o.selected = s.multi.includes(o.value)));
    else if ("value" in s) c.value = s.value;
    else c.querySelectorAll("input").forEach((i) => (i.checked = s.checked.includes(i.value)));
  }
}

function showModalErrors(form, errors) {
  for (const e of form.querySelectorAll(".in-error")) {
    e.hidden = true;
    e.textContent = "";
    e.closest(".b-input")?.classList.remove("has-error");
  }
  let first = null;
  for (const [bid, msg] of Object.entries(errors || {})) {
    const e = form.querySelector(`[data-testid="error-${CSS.escape(bid)}"]`);
    if (!e) {
      // An error for a block the form does not show: still show it, at the top.
      const body = form.querySelector(".modal-body");
      body.prepend(h("div", { class: "in-error orphan", "data-testid": `error-${bid}`, role: "alert" }, `${bid}：${msg}`));
      continue;
    }
    e.textContent = msg;
    e.hidden = false;
    e.closest(".b-input")?.classList.add("has-error");
    first ??= e;
  }
  first?.closest(".b-input")?.scrollIntoView({ block: "nearest" });
}
/** Remembered in state so a re-render of the same view shows them again. */
function setModalErrors(form, errors) {
  state.modalErrors = errors;
  showModalErrors(form, errors);
}

async function submitModal(form, view) {
  const values = collectValues(form, view);
  const local = clientErrors(view, values);
  form.querySelectorAll(".in-error.orphan").forEach((e) => e.remove());
  if (Object.keys(local).length) return setModalErrors(form, local);
  const btn = form.querySelector('[data-testid="modal-submit"]');
  if (btn) btn.disabled = true;
  try {
    const r = await api("/view/submit", { user: state.user, view_id: view.id, values });
    if (r && r.errors && Object.keys(r.errors).length) setModalErrors(form, r.errors);
    else if (r && r.closed === false) setModalErrors(form, {});
    else {
      state.modalErrors = {};
      if (state.modal?.id === view.id) {
        state.modal = null;
        renderModal();
      }
    }
  } catch (e) {
    toast(`提交失败：${e.message}`);
  } finally {
    if (btn && btn.isConnected) btn.disabled = false;
    scheduleRefresh();
  }
}

async function closeModal() {
  const view = state.modal;
  if (!view) return;
  state.modal = null;
  state.modalErrors = {};
  renderModal();
  await post("/view/close", { user: state.user, view_id: view.id }, "关闭对话框");
}

export async function refreshModal() {
  const gen = state.gen;
  try {
    const r = await api(`/modal?${q({ user: state.user })}`);
    if (gen !== state.gen) return;
    const v = r.view || null;
    if (v?.id !== state.modal?.id) state.modalErrors = {};
    state.modal = v;
    renderModal();
  } catch {
    /* a failed modal poll is not worth a toast */
  }
}
