// The open channel's messages: loaded from the server, shown by day with refused calls in time order,
// and kept scrolled to the newest while the reader is down there.
import { api, q } from "./api.js";
import { $, h, nearBottom, reconcile, toast } from "./dom.js";
import { renderMessage, renderRefused } from "./message.js";
import { state } from "./state.js";
import { fmtDay, tsToMs } from "./time.js";

let stickToBottom = true;

/** The next render scrolls to the newest message (after sending, or on opening a channel). */
export function keepAtBottom() {
  stickToBottom = true;
}
/** Images load after layout; scroll again so the newest message stays in view. */
export function onMediaLoad() {
  if (stickToBottom) scrollToBottom();
}
function scrollToBottom() {
  const sc = $("message-scroll");
  sc.scrollTop = sc.scrollHeight;
}
export function wireMessageScroll() {
  const sc = $("message-scroll");
  sc.addEventListener("scroll", () => (stickToBottom = nearBottom(sc)));
}

function renderMessageList(force = false) {
  const list = $("message-list");
  const channel = state.view?.id;
  const rows = [];
  for (const m of state.messages) rows.push({ at: tsToMs(m.ts), kind: "m", m });
  state.refused.forEach((r, i) => rows.push({ at: tsToMs(r.at), kind: "r", r, i }));
  rows.sort((a, b) => (a.at || 0) - (b.at || 0));
  const items = [];
  let lastDay = "";
  const userSig = state.users.map((u) => u.real_name).join() + state.user;
  for (const row of rows) {
    const day = fmtDay(row.at);
    if (day && day !== lastDay) {
      lastDay = day;
      items.push({ key: `day-${day}`, sig: day, render: () => h("div", { class: "day-divider", role: "separator" }, h("span", {}, day)) });
    }
    if (row.kind === "m")
      items.push({ key: `m-${row.m.ts}`, sig: JSON.stringify(row.m) + userSig, render: () => renderMessage(row.m, { channel }) });
    else items.push({ key: `r-${row.r.at}-${row.i}`, sig: JSON.stringify(row.r), render: () => renderRefused(row.r) });
  }
  if (!items.length) items.push({ key: "empty", sig: "empty", render: () => h("div", { class: "empty" }, "这里还没有消息。发一条 /project 帮助 试试。") });
  const wasBottom = stickToBottom;
  reconcile(list, items);
  if (force || wasBottom) scrollToBottom();
}

export async function refreshMessages(force = false) {
  if (state.view?.kind !== "channel") return;
  const gen = state.gen;
  const channel = state.view.id;
  try {
    const r = await api(`/messages?${q({ channel, user: state.user })}`);
    if (gen !== state.gen || state.view?.id !== channel) return;
    state.messages = r.messages || [];
    state.refused = r.refused || [];
    renderMessageList(force);
  } catch (e) {
    if (gen === state.gen) toast(`加载消息失败：${e.message}`);
  }
}
