// App Home: the view the app publishes for the current user.
import { api, post, q } from "./api.js";
import { renderBlocks } from "./blocks.js";
import { $, h, toast } from "./dom.js";
import { selectView } from "./nav.js";
import { state } from "./state.js";

export async function openHome() {
  selectView({ kind: "home" });
  await post("/home/open", { user: state.user }, "打开主页");
  await refreshHome();
  // The app publishes in answer to app_home_opened, which may land just after the first fetch.
  setTimeout(refreshHome, 300);
}

export async function refreshHome() {
  if (state.view?.kind !== "home") return;
  const gen = state.gen;
  try {
    const r = await api(`/home?${q({ user: state.user })}`);
    if (gen !== state.gen) return;
    state.home = r.view || null;
    renderHome();
  } catch (e) {
    toast(`加载主页失败：${e.message}`);
  }
}

export function renderHome() {
  const pane = $("home-pane");
  const sig = JSON.stringify(state.home) + state.user;
  if (sig === state.homeSig && pane.firstChild) return;
  state.homeSig = sig;
  if (!state.home) {
    pane.replaceChildren(h("div", { class: "empty" }, "主页还没有内容（等待应用发布 App Home）…"));
    return;
  }
  pane.replaceChildren(h("div", { class: "home-view" }, renderBlocks(state.home.blocks, { where: "home", view_id: "home" })));
}
