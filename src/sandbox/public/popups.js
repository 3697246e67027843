// Small pop-up menus (overflow menus, the reaction picker): one open at a time, closed by any outside click.

export function closePopups() {
  document.querySelectorAll(".overflow-menu, .reaction-picker").forEach((m) => (m.hidden = true));
  document.querySelectorAll('[aria-expanded="true"].overflow-btn, [aria-expanded="true"].add-reaction').forEach((b) => b.setAttribute("aria-expanded", "false"));
}

/** Make `btn` toggle `menu`, closing any other open popup first. */
export function popupButton(btn, menu) {
  btn.addEventListener("click", (e) => {
    e.stopPropagation();
    const open = menu.hidden;
    closePopups();
    menu.hidden = !open;
    btn.setAttribute("aria-expanded", String(open));
  });
}

export function wirePopups() {
  document.addEventListener("click", (e) => {
    if (!e.target.closest(".overflow, .reaction-add-wrap")) closePopups();
  });
}
