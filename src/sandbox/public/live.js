// Keeping the page current: refetch everything after a change, pushed by server-sent events,
// with polling while the event stream is down.
import { API, api } from "./api.js";
import { $, toast } from "./dom.js";
import { refreshHome } from "./home.js";
import { renderClock, renderJobs } from "./jobs-panel.js";
import { refreshMessages } from "./message-list.js";
import { refreshModal } from "./modal.js";
import { renderHeader } from "./nav.js";
import { renderSidebar } from "./sidebar.js";
import { channelById, state, userById } from "./state.js";
import { refreshThread } from "./thread.js";

export async function refreshState() {
  const s = await api("/state");
  state.workspace = s.workspace || state.workspace;
  state.users = s.users || [];
  state.channels = s.channels || [];
  state.summaryChannel = s.summaryChannel ?? null;
  state.now = s.now ?? state.now;
  state.jobs = s.jobs || [];
  state.travel = s.travel ?? null;
  if (s.timeZone) state.timeZone = s.timeZone;
  if (!state.user || !userById(state.user)) state.user = s.defaultUser || state.users[0]?.id || "";
  renderSidebar();
  renderHeader();
  renderJobs();
  renderClock();
  return s;
}

// One refresh at a time; a request during one runs another round right after it.
let refreshing = false;
let again = false;
export async function refreshAll() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    do {
      again = false;
      await refreshState().catch((e) => toast(`连接沙盒服务器失败：${e.message}`));
      await Promise.all([refreshMessages(), refreshThread(), refreshModal(), refreshHome()]);
    } while (again);
  } finally {
    refreshing = false;
  }
}

let refreshTimer = 0;
/** Debounced refreshAll: a burst of events costs one round of fetches. */
export function scheduleRefresh(delay = 100) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshAll, delay);
}

let pollTimer = 0;
function setLive(text, cls) {
  const el = $("live-status");
  el.textContent = text;
  el.className = `live-status ${cls}`;
}
function startPolling() {
  if (pollTimer) return;
  setLive("轮询中 · Polling (2s)", "polling");
  pollTimer = setInterval(() => scheduleRefresh(0), 2000);
}
function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = 0;
}

export function connectEvents() {
  if (!("EventSource" in window)) return startPolling();
  let es;
  try {
    es = new EventSource(`${API}/events`);
  } catch {
    return startPolling();
  }
  es.onopen = () => {
    stopPolling();
    setLive("实时 · Live", "live");
  };
  es.onmessage = (e) => {
    let ev = null;
    try {
      ev = JSON.parse(e.data);
    } catch {
      /* keep-alive or junk: still refetch */
    }
    if (ev?.kind === "clock" && ev.now) {
      state.now = ev.now;
      renderClock();
    }
    // A post elsewhere marks that channel unread (ephemerals never do).
    if (ev?.channel && (state.view?.kind !== "channel" || ev.channel !== state.view.id) && /^chat\.(post|update|schedule)|^files\./.test(ev.method || "")) {
      if (channelById(ev.channel) && !/Ephemeral/.test(ev.method)) state.unread.add(ev.channel);
    }
    scheduleRefresh();
  };
  es.onerror = () => {
    // EventSource retries by itself; poll meanwhile so nothing is missed.
    startPolling();
    if (es.readyState === EventSource.CLOSED) setTimeout(connectEvents, 3000);
  };
}
