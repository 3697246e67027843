// The sidebar: user switcher, App Home entry, channels and DMs; a drawer on narrow screens.
import { $, h } from "./dom.js";
import { openHome } from "./home.js";
import { selectView, switchUser } from "./nav.js";
import { channelLabel, state } from "./state.js";

export function renderSidebar() {
  $("workspace-name").textContent = state.workspace;
  document.title = `${state.workspace} · Sandbox`;
  const sw = $("user-switcher");
  const usig = JSON.stringify(state.users) + state.user;
  if (sw.dataset.sig !== usig) {
    sw.dataset.sig = usig;
    sw.replaceChildren(...state.users.map((u) => h("option", { value: u.id, selected: u.id === state.user }, `${u.real_name || u.name}${u.name && u.real_name && u.name !== u.real_name ? ` · ${u.name}` : ""}（${u.id}）`)));
  }
  sw.value = state.user;
  const nsig = JSON.stringify([state.channels, state.view, [...state.unread], state.user, state.users.map((u) => u.real_name)]);
  const home = $("home-entry");
  home.classList.toggle("active", state.view?.kind === "home");
  home.setAttribute("aria-current", state.view?.kind === "home" ? "page" : "false");
  if ($("channel-list").dataset.sig === nsig) return;
  $("channel-list").dataset.sig = nsig;
  const item = (c) => {
    const current = state.view?.kind === "channel" && state.view.id === c.id;
    return h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: `nav-item${current ? " active" : ""}${state.unread.has(c.id) ? " unread" : ""}${c.is_im && c.user !== state.user ? " other" : ""}`,
          "data-testid": `channel-${c.id}`,
          title: channelLabel(c),
          "aria-current": current ? "page" : undefined,
          onclick: () => selectView({ kind: "channel", id: c.id }),
        },
        h("span", { class: "nav-icon", "aria-hidden": "true" }, c.is_im ? "●" : "#"),
        h("span", { class: "nav-label" }, channelLabel(c)),
        state.unread.has(c.id) ? h("span", { class: "dot", "aria-label": "有新消息" }) : null,
      ),
    );
  };
  $("channel-list").replaceChildren(...state.channels.filter((c) => !c.is_im).map(item));
  // The acting user's own DM with the app first.
  const ims = state.channels.filter((c) => c.is_im).sort((a, b) => (b.user === state.user) - (a.user === state.user));
  $("dm-list").replaceChildren(...ims.map(item));
  if (!ims.length) $("dm-list").append(h("li", { class: "muted small-pad" }, "暂无私信"));
}

function openDrawer() {
  $("app").classList.add("drawer-open");
  syncBackdrop();
}
export function closeDrawer() {
  $("app").classList.remove("drawer-open");
  syncBackdrop();
}
/** On narrow screens the drawer and the jobs panel overlay the page, with a backdrop to click away. */
export function syncBackdrop() {
  const app = $("app");
  const narrow = window.innerWidth < 760;
  $("backdrop").hidden = !(narrow && (app.classList.contains("drawer-open") || app.classList.contains("jobs-open")));
}

export function wireSidebar() {
  document.querySelector(".menu-toggle").addEventListener("click", openDrawer);
  document.querySelector(".sidebar-close").addEventListener("click", closeDrawer);
  $("home-entry").addEventListener("click", openHome);
  $("user-switcher").addEventListener("change", (e) => switchUser(e.target.value));
}
