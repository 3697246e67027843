// Small DOM helpers every part of the page shares.

export const $ = (id) => document.getElementById(id);

/** h("div", { class, text, html, onclick, dataset, ...attributes }, ...children) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "html") el.innerHTML = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function escapeHtml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Links come from the bot's payloads: only let through schemes that cannot run script. */
export function safeUrl(url) {
  const u = String(url || "").trim();
  if (/^(https?:|mailto:|tel:)/i.test(u) || u.startsWith("/")) return u;
  return "#";
}

/** Chinese IME: Enter while composing picks a candidate, so it must not send or submit. */
export const isComposing = (e) => e.isComposing || e.keyCode === 229;

/** Whether a scroller sits at (nearly) its bottom, so new content should keep it there. */
export const nearBottom = (el) => el.scrollHeight - el.scrollTop - el.clientHeight < 60;

let toastTimer = 0;
export function toast(msg, kind = "error") {
  const t = $("toast");
  t.textContent = msg;
  t.className = `toast ${kind}`;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), kind === "error" ? 6000 : 2500);
}

// Keyed reconcile: only rebuild the rows whose data changed, so selects keep their state.
export function reconcile(container, items) {
  const existing = new Map();
  for (const child of [...container.children]) existing.set(child.dataset.key, child);
  let prev = null;
  const keep = new Set();
  for (const it of items) {
    let node = existing.get(it.key);
    if (!node || node.dataset.sig !== it.sig) {
      const fresh = it.render();
      fresh.dataset.key = it.key;
      fresh.dataset.sig = it.sig;
      if (node) node.replaceWith(fresh);
      node = fresh;
    }
    keep.add(it.key);
    const want = prev ? prev.nextSibling : container.firstChild;
    if (want !== node) container.insertBefore(node, want);
    prev = node;
  }
  for (const [k, n] of existing) if (!keep.has(k)) n.remove();
}
