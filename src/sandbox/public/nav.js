// Which view is showing (a channel or App Home) and as whom: switching either, the header, and the URL.
import { q } from "./api.js";
import { $ } from "./dom.js";
import { openHome, renderHome } from "./home.js";
import { refreshAll } from "./live.js";
import { keepAtBottom, refreshMessages } from "./message-list.js";
import { renderModal } from "./modal.js";
import { closeDrawer, renderSidebar } from "./sidebar.js";
import { channelById, channelLabel, channelTitle, state } from "./state.js";
import { closeThread } from "./thread.js";

export function renderHeader() {
  const v = state.view;
  const isHome = v?.kind === "home";
  $("channel-title").textContent = isHome ? "主页 · 招商调度" : v ? channelTitle(v.id) : "…";
  const ch = v?.kind === "channel" ? channelById(v.id) : null;
  $("channel-sub").textContent = isHome ? "App Home" : ch ? (ch.is_im ? "与应用的私信 · Direct message" : v.id === state.summaryChannel ? "调度汇总频道 · Summary channel" : "频道 · Channel") : "";
  $("message-list").hidden = isHome;
  $("home-pane").hidden = !isHome;
  $("composer-form").hidden = isHome;
  if (ch) $("composer").placeholder = `发消息到 ${ch.is_im ? channelLabel(ch) : `#${ch.name}`}`;
}

/** The URL keeps the user and the view, so a reload comes back to the same place. */
function replaceUrl(hash) {
  history.replaceState(null, "", `${location.pathname}?${q({ user: state.user })}${hash}`);
}

/** Forget what was loaded for the previous view or user; answers still in flight are dropped by gen. */
function dropLoaded() {
  state.gen++;
  state.messages = [];
  state.refused = [];
  state.homeSig = "";
  $("message-list").replaceChildren();
  closeThread();
}

export function selectView(v) {
  const same = state.view && state.view.kind === v.kind && state.view.id === v.id;
  state.view = v;
  if (!same) {
    state.home = null;
    dropLoaded();
  }
  if (v.kind === "channel") state.unread.delete(v.id);
  const hash = v.kind === "home" ? "#home" : `#${v.id}`;
  if (location.hash !== hash) replaceUrl(hash);
  closeDrawer();
  renderSidebar();
  renderHeader();
  if (v.kind === "channel") {
    keepAtBottom();
    refreshMessages(true);
  } else renderHome();
}

export function switchUser(id) {
  if (!id || id === state.user) return;
  state.user = id;
  localStorage.setItem("sandbox.user", id);
  state.modal = null;
  state.modalErrors = {};
  renderModal();
  dropLoaded();
  replaceUrl(location.hash);
  if (state.view?.kind === "home") openHome();
  refreshAll();
}
