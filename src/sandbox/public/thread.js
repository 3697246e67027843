// The thread side panel: a message and its replies, with its own reply box.
import { api, post, q } from "./api.js";
import { autoGrow, commandArgs, isCommand } from "./composer.js";
import { $, h, isComposing, nearBottom, reconcile, toast } from "./dom.js";
import { renderMessage } from "./message.js";
import { channelTitle, state } from "./state.js";

export function openThread(channel, ts) {
  state.thread = { channel, ts, messages: [] };
  $("app").classList.add("thread-open");
  $("thread-panel").hidden = false;
  $("thread-list").replaceChildren(h("div", { class: "muted pad" }, "加载中…"));
  $("thread-sub").textContent = channelTitle(channel);
  refreshThread();
}

export function closeThread() {
  state.thread = null;
  $("app").classList.remove("thread-open");
  $("thread-panel").hidden = true;
}

export async function refreshThread() {
  const t = state.thread;
  if (!t) return;
  const gen = state.gen;
  try {
    const r = await api(`/replies?${q({ channel: t.channel, ts: t.ts, user: state.user })}`);
    if (gen !== state.gen || state.thread !== t) return;
    t.messages = r.messages || [];
    renderThread();
  } catch (e) {
    if (state.thread === t) $("thread-list").replaceChildren(h("div", { class: "muted pad" }, `加载线程失败：${e.message}`));
  }
}

function renderThread() {
  const t = state.thread;
  if (!t) return;
  const list = $("thread-list");
  const [parent, ...replies] = t.messages;
  const userSig = state.user;
  const items = [];
  if (parent) items.push({ key: `p-${parent.ts}`, sig: JSON.stringify(parent) + userSig, render: () => renderMessage(parent, { channel: t.channel, inThread: true, testid: "thread-parent" }) });
  items.push({ key: "sep", sig: String(replies.length), render: () => h("div", { class: "thread-sep" }, h("span", {}, `${replies.length} 条回复`)) });
  for (const m of replies) items.push({ key: `m-${m.ts}`, sig: JSON.stringify(m) + userSig, render: () => renderMessage(m, { channel: t.channel, inThread: true }) });
  const atBottom = nearBottom(list);
  reconcile(list, items);
  if (atBottom) list.scrollTop = list.scrollHeight;
}

async function sendThreadReply() {
  const t = state.thread;
  const ta = $("thread-composer");
  const text = ta.value.trim();
  if (!t || !text) return;
  ta.value = "";
  autoGrow(ta);
  if (isCommand(text)) {
    const r = await post("/command", { user: state.user, channel: t.channel, command: "/project", text: commandArgs(text) }, "命令");
    if (r && r.ok === false) toast(`命令失败：${r.error || "未知错误"}`);
  } else await post("/message", { user: state.user, channel: t.channel, text, thread_ts: t.ts }, "回复");
}

export function wireThread() {
  $("thread-close").addEventListener("click", closeThread);
  $("thread-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sendThreadReply();
  });
  $("thread-composer").addEventListener("keydown", (e) => {
    if (isComposing(e)) return;
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      sendThreadReply();
    }
  });
  $("thread-composer").addEventListener("input", (e) => autoGrow(e.target));
}
