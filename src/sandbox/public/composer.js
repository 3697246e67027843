// The channel's message box: plain messages, /project commands, and ↑/↓ through earlier commands.
import { api } from "./api.js";
import { $, isComposing } from "./dom.js";
import { scheduleRefresh } from "./live.js";
import { keepAtBottom } from "./message-list.js";
import { state } from "./state.js";

export function autoGrow(ta) {
  ta.style.height = "auto";
  ta.style.height = `${Math.min(ta.scrollHeight, 200)}px`;
}
export function isCommand(text) {
  return /^\/project(?=[\s\u3000]|$)/.test(text);
}
/** The text after "/project" (a full-width space counts as a space). */
export function commandArgs(text) {
  return text.replace(/^\/project[\s\u3000]*/, "").trim();
}

async function sendComposer() {
  const ta = $("composer");
  const text = ta.value.trim();
  if (!text || state.view?.kind !== "channel") return;
  $("composer-error").hidden = true;
  const channel = state.view.id;
  const cmd = isCommand(text);
  // Like Slack: an unknown /command is refused, not posted as a message.
  const other = /^\/([^\s\u3000]+)/.exec(text);
  if (!cmd && other) {
    showComposerError(`“/${other[1]}” 不是有效的命令。本工作区的命令是 /project，例如 /project 帮助`, text);
    return;
  }
  if (cmd) {
    state.history = [...state.history.filter((x) => x !== text), text].slice(-50);
    localStorage.setItem("sandbox.history", JSON.stringify(state.history));
  }
  state.historyPos = -1;
  ta.value = "";
  autoGrow(ta);
  try {
    if (cmd) {
      const r = await api("/command", { user: state.user, channel, command: "/project", text: commandArgs(text) });
      if (r && r.ok === false) showComposerError(`命令失败：${r.error || "未知错误"}`, text);
    } else {
      await api("/message", { user: state.user, channel, text });
    }
  } catch (e) {
    showComposerError(`${cmd ? "命令" : "消息"}发送失败：${e.message}`, text);
  }
  keepAtBottom();
  scheduleRefresh();
}

/** Show why sending failed, and give the text back unless something new was typed meanwhile. */
function showComposerError(msg, text) {
  const errBox = $("composer-error");
  errBox.textContent = msg;
  errBox.hidden = false;
  const ta = $("composer");
  if (!ta.value) {
    ta.value = text;
    autoGrow(ta);
  }
}

function onKeydown(e) {
  const ta = e.target;
  if (isComposing(e)) return;
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    sendComposer();
    return;
  }
  const hist = state.history;
  if (e.key === "ArrowUp" && hist.length && (ta.value === "" || state.historyPos >= 0) && !ta.value.slice(0, ta.selectionStart).includes("\n")) {
    e.preventDefault();
    state.historyPos = state.historyPos < 0 ? hist.length - 1 : Math.max(0, state.historyPos - 1);
    ta.value = hist[state.historyPos];
    autoGrow(ta);
  } else if (e.key === "ArrowDown" && state.historyPos >= 0) {
    e.preventDefault();
    state.historyPos++;
    if (state.historyPos >= hist.length) {
      state.historyPos = -1;
      ta.value = "";
    } else ta.value = hist[state.historyPos];
    autoGrow(ta);
  } else if (e.key !== "ArrowUp" && e.key !== "ArrowDown" && e.key.length === 1) state.historyPos = -1;
}

export function wireComposer() {
  $("composer-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sendComposer();
  });
  $("composer").addEventListener("input", (e) => {
    autoGrow(e.target);
    $("composer-error").hidden = true;
  });
  $("composer").addEventListener("keydown", onKeydown);
}
