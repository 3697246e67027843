// 招商调度 沙盒 — a local, Slack-like page for trying the bot without a Slack workspace.
// Plain ES modules, no framework, no build step, nothing loaded from outside this origin.
// The other modules only define things; this one wires the page up and boots it. That is
// why they may import each other in a circle: nothing of theirs runs until boot.
import { api } from "./api.js";
import { wireComposer } from "./composer.js";
import { $, toast } from "./dom.js";
import { openHome } from "./home.js";
import { setJobsOpen, wireJobsPanel } from "./jobs-panel.js";
import { connectEvents, refreshState } from "./live.js";
import { wireMessageScroll } from "./message-list.js";
import { refreshModal } from "./modal.js";
import { selectView } from "./nav.js";
import { wirePopups } from "./popups.js";
import { closeDrawer, syncBackdrop, wireSidebar } from "./sidebar.js";
import { channelById, state } from "./state.js";
import { wireThread } from "./thread.js";

wirePopups();
wireMessageScroll();
wireJobsPanel();
wireSidebar();
wireComposer();
wireThread();

$("backdrop").addEventListener("click", () => {
  closeDrawer();
  if (window.innerWidth < 760) setJobsOpen(false);
});
// Channel mentions in messages navigate inside the page.
document.addEventListener("click", (e) => {
  const a = e.target.closest("a.channel-link[data-channel]");
  if (a && channelById(a.dataset.channel)) {
    e.preventDefault();
    selectView({ kind: "channel", id: a.dataset.channel });
  }
});
window.addEventListener("resize", syncBackdrop);
window.addEventListener("hashchange", () => {
  const id = location.hash.slice(1);
  if (id === "home") openHome();
  else if (id && channelById(id) && !(state.view?.kind === "channel" && state.view.id === id)) selectView({ kind: "channel", id });
});

async function boot() {
  if (window.innerWidth < 1100) $("app").classList.remove("jobs-open");
  $("jobs-toggle").setAttribute("aria-expanded", String($("app").classList.contains("jobs-open")));
  try {
    await refreshState();
  } catch (e) {
    toast(`连接沙盒服务器失败：${e.message}`);
    setTimeout(boot, 2000);
    return;
  }
  localStorage.setItem("sandbox.user", state.user);
  // A reloaded page has no form open (as in Slack): forms left open before are closed, not brought back.
  await api("/modal/reset", { user: state.user }).catch(() => undefined);
  const hash = location.hash.slice(1);
  if (hash === "home") openHome();
  else selectView({ kind: "channel", id: channelById(hash) ? hash : channelById(state.summaryChannel) ? state.summaryChannel : state.channels[0]?.id });
  refreshModal();
  connectEvents();
}
boot();
