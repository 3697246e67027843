// 招商调度 沙盒 — a local, Slack-like page for trying the bot without a Slack workspace.
// Plain ES module, no framework, no build step, nothing loaded from outside this origin.

const API = "/sandbox/api";
const DEFAULT_TZ = "Asia/Shanghai";
const REACTION_CHOICES = [
  ["white_check_mark", "✅"],
  ["+1", "👍"],
  ["eyes", "👀"],
  ["tada", "🎉"],
];
const EMOJI = {
  white_check_mark: "✅", heavy_check_mark: "✔️", ballot_box_with_check: "☑️", x: "❌", "+1": "👍", thumbsup: "👍", "-1": "👎", thumbsdown: "👎",
  eyes: "👀", tada: "🎉", warning: "⚠️", exclamation: "❗", question: "❓", red_circle: "🔴", large_yellow_circle: "🟡", yellow_circle: "🟡",
  large_green_circle: "🟢", green_circle: "🟢", white_circle: "⚪", large_blue_circle: "🔵", alarm_clock: "⏰", memo: "📝", pencil: "📝",
  bar_chart: "📊", chart_with_upwards_trend: "📈", chart_with_downwards_trend: "📉", pushpin: "📌", bell: "🔔", rocket: "🚀", fire: "🔥",
  star: "⭐", heavy_plus_sign: "➕", arrows_counterclockwise: "🔄", calendar: "📅", date: "📅", clipboard: "📋", point_right: "👉",
  ok_hand: "👌", pray: "🙏", muscle: "💪", construction: "🚧", moneybag: "💰", trophy: "🏆", first_place_medal: "🥇", second_place_medal: "🥈",
  third_place_medal: "🥉", arrow_up: "⬆️", arrow_down: "⬇️", small_red_triangle: "🔺", small_red_triangle_down: "🔻", hourglass: "⌛",
  rotating_light: "🚨", mega: "📣", loudspeaker: "📢", factory: "🏭", handshake: "🤝", smile: "😄", slightly_smiling_face: "🙂", raised_hands: "🙌",
  clap: "👏", heart: "❤️", sparkles: "✨", zap: "⚡", link: "🔗", paperclip: "📎", page_facing_up: "📄", inbox_tray: "📥", outbox_tray: "📤",
};

// ---------------------------------------------------------------- state

const params = new URLSearchParams(location.search);
const state = {
  user: params.get("user") || localStorage.getItem("sandbox.user") || "",
  workspace: "招商调度 沙盒",
  users: [],
  channels: [],
  summaryChannel: null,
  now: null,
  jobs: [],
  timeZone: DEFAULT_TZ,
  view: null, // { kind: "channel", id } | { kind: "home" }
  messages: [],
  refused: [],
  thread: null, // { channel, ts, messages }
  modal: null,
  modalSig: "",
  modalErrors: {},
  home: null,
  homeSig: "",
  unread: new Set(),
  history: JSON.parse(localStorage.getItem("sandbox.history") || "[]"),
  historyPos: -1,
  outcomes: null,
  gen: 0, // bumped when the user or the channel changes, so stale answers are dropped
};
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- small helpers

function h(tag, attrs = {}, ...children) {
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

function escapeHtml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
/** Slack escapes exactly these three in message text. */
function decodeSlack(s) {
  return String(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
function emojiText(s) {
  return String(s).replace(/:([a-z0-9_+\-]+):/g, (m, name) => EMOJI[name] ?? m);
}
function textOf(t) {
  if (t === undefined || t === null) return "";
  return typeof t === "string" ? t : t.text ?? "";
}
function safeUrl(url) {
  const u = String(url || "").trim();
  if (/^(https?:|mailto:|tel:)/i.test(u) || u.startsWith("/")) return u;
  return "#";
}
function userById(id) {
  return state.users.find((u) => u.id === id);
}
function userName(id) {
  const u = userById(id);
  return u ? u.real_name || u.name || id : id;
}
function channelById(id) {
  return state.channels.find((c) => c.id === id);
}
function channelLabel(ch) {
  if (!ch) return "";
  if (ch.is_im) return ch.user === state.user ? "招商调度（应用私信）" : `${userName(ch.user)} ↔ 招商调度`;
  return ch.name;
}
function channelTitle(id) {
  const ch = channelById(id);
  if (!ch) return id;
  return ch.is_im ? channelLabel(ch) : `# ${ch.name}`;
}
function initial(name) {
  const s = String(name || "?").trim();
  return ([...s][0] || "?").toUpperCase();
}
function colorFor(key) {
  let n = 0;
  for (const ch of String(key)) n = (n * 31 + ch.codePointAt(0)) >>> 0;
  const colors = ["#2f6f4f", "#7a4b9e", "#b8552b", "#1d6fa5", "#9a3b5a", "#4a6a1f", "#805a16", "#1f6f74"];
  return colors[n % colors.length];
}

function tsToMs(ts) {
  if (ts === undefined || ts === null) return NaN;
  if (typeof ts === "number") return ts > 1e12 ? ts : ts * 1000;
  if (/^\d+(\.\d+)?$/.test(String(ts))) return Number(ts) * 1000;
  return Date.parse(ts);
}
function fmt(ms, opts) {
  if (!Number.isFinite(ms)) return "";
  try {
    return new Intl.DateTimeFormat("zh-CN", { timeZone: state.timeZone, hourCycle: "h23", ...opts }).format(new Date(ms));
  } catch {
    return new Date(ms).toLocaleString("zh-CN");
  }
}
const fmtTime = (ms) => fmt(ms, { hour: "2-digit", minute: "2-digit" });
const fmtDay = (ms) => fmt(ms, { year: "numeric", month: "long", day: "numeric", weekday: "long" });
const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
function fmtFull(ms) {
  if (!Number.isFinite(ms)) return "";
  const p = zonedParts(ms);
  const wd = WEEKDAYS[new Date(Date.UTC(+p.year, +p.month - 1, +p.day)).getUTCDay()];
  return `${p.year}-${p.month}-${p.day} ${wd} ${p.hour === "24" ? "00" : p.hour}:${p.minute}`;
}

/** Parts of an instant in the district's time zone. */
function zonedParts(ms) {
  const p = {};
  for (const { type, value } of new Intl.DateTimeFormat("en-US", {
    timeZone: state.timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(ms))) p[type] = value;
  return p;
}
/** ms → "YYYY-MM-DDTHH:MM" (value of a datetime-local input) in the district's zone. */
function toLocalInput(ms) {
  const p = zonedParts(ms);
  return `${p.year}-${p.month}-${p.day}T${p.hour === "24" ? "00" : p.hour}:${p.minute}`;
}
/** "YYYY-MM-DDTHH:MM" read as wall time in the district's zone → ISO (UTC) string. */
function fromLocalInput(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value || "");
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess);
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
    guess = wall - (asUtc - guess);
  }
  return new Date(guess).toISOString();
}

// ---------------------------------------------------------------- API

async function api(path, body) {
  const init = body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  const res = await fetch(API + path, init);
  const raw = await res.text();
  let data = null;
  try {
    data = raw ? JSON.parse(raw) : {};
  } catch {
    data = { raw };
  }
  if (!res.ok) {
    const err = new Error((data && (data.error || data.message)) || `HTTP ${res.status}`);
    err.status = res.status;
    err.data = data;
    throw err;
  }
  return data;
}
const q = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)).toString();

let toastTimer = 0;
function toast(msg, kind = "error") {
  const t = $("toast");
  t.textContent = msg;
  t.className = `toast ${kind}`;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), kind === "error" ? 6000 : 2500);
}

async function post(path, body, what) {
  try {
    const r = await api(path, body);
    scheduleRefresh();
    return r;
  } catch (e) {
    toast(`${what || "请求"}失败：${e.message}`);
    scheduleRefresh();
    return null;
  }
}

// ---------------------------------------------------------------- mrkdwn

function renderLink(inner) {
  // inner is the raw content between < and > (still Slack-escaped)
  const [target, label] = splitOnce(inner, "|");
  if (target.startsWith("@")) {
    const id = target.slice(1);
    const name = userById(id) ? userName(id) : label ? decodeSlack(label) : id;
    return `<span class="mention${id === state.user ? " me" : ""}" data-user="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const ch = channelById(id);
    const name = ch ? channelLabel(ch) : label ? decodeSlack(label) : id;
    return `<a href="#${escapeHtml(id)}" class="channel-link" data-channel="${escapeHtml(id)}">#${escapeHtml(name)}</a>`;
  }
  if (target.startsWith("!")) {
    const cmd = target.slice(1);
    if (label) return `<span class="mention">${escapeHtml(decodeSlack(label))}</span>`;
    if (cmd === "here" || cmd === "channel" || cmd === "everyone") return `<span class="mention">@${cmd}</span>`;
    if (cmd.startsWith("subteam^")) return `<span class="mention">@${escapeHtml(cmd.slice(8))}</span>`;
    return `<span class="mention">${escapeHtml(cmd)}</span>`;
  }
  const url = decodeSlack(target);
  const text = label ? decodeSlack(label) : url.replace(/^mailto:/, "");
  return `<a href="${escapeHtml(safeUrl(url))}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}
function splitOnce(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
}

/** Slack mrkdwn → safe HTML. */
function mrkdwn(src) {
  const slots = [];
  const hold = (html) => `\u0001${slots.push(html) - 1}\u0002`;
  let s = String(src ?? "");
  s = s.replace(/```([\s\S]*?)```/g, (_, code) => hold(`<pre class="md-pre">${escapeHtml(decodeSlack(code.replace(/^\n/, "")))}</pre>`));
  s = s.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code class="md-code">${escapeHtml(decodeSlack(code))}</code>`));
  s = s.replace(/<([^<>\n]+)>/g, (_, inner) => hold(renderLink(inner)));
  s = escapeHtml(emojiText(decodeSlack(s)));
  const edge = "A-Za-z0-9";
  const fmtRe = (ch, tag) => {
    const c = ch.replace(/[*~]/g, "\\$&");
    const re = new RegExp(`(^|[^${edge}${c}])${c}(?=\\S)([^${c}\\n]*?[^\\s${c}]|[^\\s${c}])${c}(?![${edge}${c}])`, "g");
    s = s.replace(re, `$1<${tag}>$2</${tag}>`);
  };
  fmtRe("*", "strong");
  fmtRe("_", "em");
  fmtRe("~", "s");
  s = s
    .split("\n")
    .map((line) => (line.startsWith("&gt; ") || line === "&gt;" ? `<span class="md-quote">${line.slice(5)}</span>` : line))
    .join("<br>");
  return s.replace(/\u0001(\d+)\u0002/g, (_, i) => slots[+i]);
}

function textEl(t, cls = "") {
  if (!t) return h("span");
  if (typeof t === "string") return h("span", { class: cls, html: mrkdwn(t) });
  if (t.type === "mrkdwn") return h("span", { class: `mrkdwn ${cls}`, html: t.verbatim ? escapeHtml(decodeSlack(t.text)).replace(/\n/g, "<br>") : mrkdwn(t.text) });
  return h("span", { class: `plain ${cls}`, text: t.emoji === false ? t.text ?? "" : emojiText(t.text ?? "") });
}
const plainText = (t) => emojiText(textOf(t));

// ---------------------------------------------------------------- Block Kit

/**
 * ctx: { where: "message" | "modal" | "home", channel?, message_ts?, view_id?, ephemeral? }
 */
function renderBlocks(blocks, ctx) {
  const wrap = h("div", { class: "blocks", "data-testid": "blocks" });
  (blocks || []).forEach((b, i) => {
    try {
      wrap.append(renderBlock(b, ctx, i));
    } catch (e) {
      wrap.append(unsupported(`${b && b.type}（${e.message}）`));
    }
  });
  return wrap;
}

function unsupported(type) {
  return h("div", { class: "unsupported", "data-testid": "unsupported-block" }, `不支持的区块：${type}`);
}

function renderBlock(b, ctx, index) {
  const attrs = (cls) => ({ class: `block ${cls}`, "data-block-id": b.block_id, "data-block-type": b.type });
  switch (b?.type) {
    case "header":
      return h("div", attrs("b-header"), h("h3", {}, plainText(b.text)));
    case "divider":
      return h("hr", attrs("b-divider"));
    case "section": {
      const body = h("div", { class: "section-body" });
      if (b.text) body.append(h("div", { class: "section-text" }, textEl(b.text)));
      if (b.fields?.length) body.append(h("div", { class: "section-fields" }, b.fields.map((f) => h("div", { class: "field" }, textEl(f)))));
      const el = h("div", attrs("b-section"), body);
      if (b.accessory) el.append(h("div", { class: "accessory" }, renderElement(b.accessory, b, ctx)));
      return el;
    }
    case "context":
      return h(
        "div",
        attrs("b-context"),
        (b.elements || []).map((e) =>
          e.type === "image" ? h("img", { class: "ctx-img", src: imageSrc(e), alt: e.alt_text || "" }) : h("span", { class: "ctx-item" }, textEl(e)),
        ),
      );
    case "image": {
      const src = imageSrc(b);
      const img = h("img", { class: "b-image-img", src, alt: b.alt_text || "", loading: "lazy" });
      img.addEventListener("load", onMediaLoad);
      return h("figure", attrs("b-image"), b.title ? h("figcaption", {}, plainText(b.title)) : null, h("a", { href: src, target: "_blank", rel: "noopener" }, img));
    }
    case "actions":
      return h("div", attrs("b-actions"), (b.elements || []).map((e) => renderElement(e, b, ctx)));
    case "input":
      return renderInputBlock(b, ctx, index);
    case "rich_text":
      return h("div", attrs("b-rich"), richText(b.elements || []));
    default:
      return unsupported(b?.type ?? "（无类型）");
  }
}

function imageSrc(e) {
  if (e.image_url) return safeUrl(e.image_url);
  if (e.slack_file?.url) return safeUrl(e.slack_file.url);
  if (e.slack_file?.id) return `${API}/files/${encodeURIComponent(e.slack_file.id)}`;
  return "";
}

function richText(elements) {
  const out = [];
  const inline = (els) =>
    (els || []).map((e) => {
      switch (e.type) {
        case "text": {
          const st = e.style || {};
          let node = document.createTextNode(e.text ?? "");
          if (st.code) node = h("code", { class: "md-code" }, node);
          if (st.bold) node = h("strong", {}, node);
          if (st.italic) node = h("em", {}, node);
          if (st.strike) node = h("s", {}, node);
          return node;
        }
        case "link":
          return h("a", { href: safeUrl(e.url), target: "_blank", rel: "noopener noreferrer" }, e.text || e.url);
        case "user":
          return h("span", { class: `mention${e.user_id === state.user ? " me" : ""}` }, `@${userName(e.user_id)}`);
        case "channel":
          return h("span", { class: "channel-link" }, `#${channelLabel(channelById(e.channel_id)) || e.channel_id}`);
        case "emoji":
          return e.unicode ? String.fromCodePoint(...e.unicode.split("-").map((x) => parseInt(x, 16))) : EMOJI[e.name] ?? `:${e.name}:`;
        case "broadcast":
          return h("span", { class: "mention" }, `@${e.range}`);
        case "date":
          return e.fallback || "";
        default:
          return e.text ?? "";
      }
    });
  for (const el of elements) {
    if (el.type === "rich_text_section") out.push(h("div", { class: "rt-section" }, inline(el.elements)));
    else if (el.type === "rich_text_preformatted") out.push(h("pre", { class: "md-pre" }, inline(el.elements)));
    else if (el.type === "rich_text_quote") out.push(h("div", { class: "md-quote" }, inline(el.elements)));
    else if (el.type === "rich_text_list")
      out.push(h(el.style === "ordered" ? "ol" : "ul", { class: "rt-list" }, (el.elements || []).map((it) => h("li", {}, inline(it.elements)))));
    else out.push(h("div", {}, inline(el.elements)));
  }
  return out;
}

function optionLabel(o) {
  return plainText(o.text);
}
function optionsOf(el) {
  if (el.option_groups) return el.option_groups.flatMap((g) => g.options || []);
  return el.options || [];
}
function fillSelect(select, el, selectedValue, placeholder) {
  select.append(h("option", { value: "" }, placeholder || plainText(el.placeholder) || "请选择"));
  const add = (parent, opts) => {
    for (const o of opts || []) parent.append(h("option", { value: o.value, selected: o.value === selectedValue }, optionLabel(o)));
  };
  if (el.option_groups) for (const g of el.option_groups) add(select.appendChild(h("optgroup", { label: plainText(g.label) })), g.options);
  else add(select, el.options);
}
function userOptions(select, el, selectedUser) {
  select.append(h("option", { value: "" }, plainText(el.placeholder) || "选择成员"));
  for (const u of state.users) select.append(h("option", { value: u.id, selected: u.id === selectedUser }, `${u.real_name || u.name}${u.name && u.real_name && u.name !== u.real_name ? `（${u.name}）` : ""}`));
}

/** Interactive element inside a message / home / non-input block of a modal. */
function renderElement(el, block, ctx) {
  const aid = el.action_id ?? "";
  const send = (action) => dispatchAction({ type: el.type, action_id: aid, block_id: block.block_id ?? "", ...action }, ctx, el);
  switch (el.type) {
    case "button": {
      const btn = h("button", { type: "button", class: `btn ${el.style || ""}`, "data-testid": `action-${aid}`, "data-action-id": aid }, plainText(el.text));
      btn.addEventListener("click", async () => {
        if (el.confirm && !(await confirmDialog(el.confirm))) return;
        if (el.url) window.open(safeUrl(el.url), "_blank", "noopener");
        btn.disabled = true;
        await send({ value: el.value, text: el.text });
        btn.disabled = false;
      });
      return btn;
    }
    case "static_select":
    case "external_select": {
      const sel = h("select", { class: "el-select", "data-testid": `action-${aid}`, "aria-label": plainText(el.placeholder) || "选择" });
      fillSelect(sel, el, el.initial_option?.value);
      sel.addEventListener("change", () => {
        const o = optionsOf(el).find((x) => x.value === sel.value);
        if (o) send({ selected_option: o });
      });
      return sel;
    }
    case "users_select": {
      const sel = h("select", { class: "el-select", "data-testid": `action-${aid}`, "aria-label": plainText(el.placeholder) || "选择成员" });
      userOptions(sel, el, el.initial_user);
      sel.addEventListener("change", () => sel.value && send({ selected_user: sel.value }));
      return sel;
    }
    case "conversations_select":
    case "channels_select": {
      const sel = h("select", { class: "el-select", "data-testid": `action-${aid}`, "aria-label": "选择频道" });
      sel.append(h("option", { value: "" }, plainText(el.placeholder) || "选择频道"));
      for (const c of state.channels) sel.append(h("option", { value: c.id, selected: c.id === (el.initial_conversation || el.initial_channel) }, channelLabel(c)));
      const key = el.type === "channels_select" ? "selected_channel" : "selected_conversation";
      sel.addEventListener("change", () => sel.value && send({ [key]: sel.value }));
      return sel;
    }
    case "multi_static_select":
    case "multi_users_select": {
      const sel = h("select", { class: "el-select", multiple: true, "data-testid": `action-${aid}`, "aria-label": plainText(el.placeholder) || "多选" });
      if (el.type === "multi_users_select") for (const u of state.users) sel.append(h("option", { value: u.id, selected: (el.initial_users || []).includes(u.id) }, u.real_name || u.name));
      else for (const o of optionsOf(el)) sel.append(h("option", { value: o.value, selected: (el.initial_options || []).some((x) => x.value === o.value) }, optionLabel(o)));
      sel.addEventListener("change", () => {
        const vals = [...sel.selectedOptions].map((o) => o.value);
        if (el.type === "multi_users_select") send({ selected_users: vals });
        else send({ selected_options: optionsOf(el).filter((o) => vals.includes(o.value)) });
      });
      return sel;
    }
    case "overflow":
      return overflowMenu(el, (o) => send({ selected_option: o }));
    case "datepicker": {
      const inp = h("input", { type: "date", class: "el-date", "data-testid": `action-${aid}`, value: el.initial_date || "", "aria-label": plainText(el.placeholder) || "选择日期" });
      const wrap = h("label", { class: "el-date-wrap" }, el.placeholder ? h("span", { class: "el-date-ph" }, plainText(el.placeholder)) : null, inp);
      inp.addEventListener("change", () => inp.value && send({ selected_date: inp.value }));
      return wrap;
    }
    case "timepicker": {
      const inp = h("input", { type: "time", class: "el-date", "data-testid": `action-${aid}`, value: el.initial_time || "", "aria-label": plainText(el.placeholder) || "选择时间" });
      inp.addEventListener("change", () => inp.value && send({ selected_time: inp.value }));
      return inp;
    }
    case "checkboxes":
    case "radio_buttons": {
      const box = choiceGroup(el, `action-${aid}`, `${ctx.message_ts || ctx.view_id}-${block.block_id}-${aid}`);
      box.addEventListener("change", () => {
        const picked = readChoice(box, el);
        send(el.type === "checkboxes" ? { selected_options: picked } : { selected_option: picked[0] ?? null });
      });
      return box;
    }
    case "image":
      return h("img", { class: "acc-img", src: imageSrc(el), alt: el.alt_text || "" });
    case "mrkdwn":
    case "plain_text":
      return textEl(el);
    default:
      return unsupported(el.type);
  }
}

function choiceGroup(el, testid, name) {
  const kind = el.type === "checkboxes" ? "checkbox" : "radio";
  const initial = el.type === "checkboxes" ? (el.initial_options || []).map((o) => o.value) : el.initial_option ? [el.initial_option.value] : [];
  return h(
    "div",
    { class: "choice-group", role: kind === "radio" ? "radiogroup" : "group", "data-testid": testid },
    (el.options || []).map((o, i) =>
      h(
        "label",
        { class: "choice" },
        h("input", { type: kind, name, value: o.value, checked: initial.includes(o.value), "data-index": i }),
        h("span", {}, textEl(o.text), o.description ? h("small", { class: "choice-desc" }, textEl(o.description)) : null),
      ),
    ),
  );
}
function readChoice(box, el) {
  const vals = [...box.querySelectorAll("input:checked")].map((i) => i.value);
  return (el.options || []).filter((o) => vals.includes(o.value));
}

function overflowMenu(el, onPick) {
  const aid = el.action_id ?? "";
  const wrap = h("div", { class: "overflow" });
  const btn = h("button", { type: "button", class: "btn overflow-btn", "data-testid": `action-${aid}`, "aria-haspopup": "menu", "aria-expanded": "false", "aria-label": "更多操作 More" }, "⋯");
  const menu = h(
    "div",
    { class: "overflow-menu", role: "menu", hidden: true },
    (el.options || []).map((o) =>
      h(
        "button",
        {
          type: "button",
          role: "menuitem",
          class: "overflow-item",
          "data-testid": `option-${o.value}`,
          onclick: () => {
            close();
            onPick(o);
          },
        },
        optionLabel(o),
      ),
    ),
  );
  const close = () => {
    menu.hidden = true;
    btn.setAttribute("aria-expanded", "false");
  };
  btn.addEventListener("click", (e) => {
    e.stopPropagation();
    const open = menu.hidden;
    closePopups();
    menu.hidden = !open;
    btn.setAttribute("aria-expanded", String(open));
  });
  wrap.append(btn, menu);
  return wrap;
}
function closePopups() {
  document.querySelectorAll(".overflow-menu, .reaction-picker").forEach((m) => (m.hidden = true));
  document.querySelectorAll('[aria-expanded="true"].overflow-btn, [aria-expanded="true"].add-reaction').forEach((b) => b.setAttribute("aria-expanded", "false"));
}
document.addEventListener("click", (e) => {
  if (!e.target.closest(".overflow, .reaction-add-wrap")) closePopups();
});

async function dispatchAction(action, ctx) {
  const body = { user: state.user, action };
  if (ctx.where === "message") {
    body.channel = ctx.channel;
    body.message_ts = ctx.message_ts;
    if (ctx.thread_ts) body.thread_ts = ctx.thread_ts;
    if (ctx.ephemeral) body.ephemeral = true;
  } else {
    body.view_id = ctx.view_id;
    if (ctx.where === "modal" && ctx.channel) body.channel = ctx.channel;
  }
  await post("/action", body, "操作");
}

function confirmDialog(c) {
  return new Promise((resolve) => {
    const done = (v) => {
      overlay.remove();
      resolve(v);
    };
    const overlay = h(
      "div",
      { class: "modal-overlay confirm-overlay", "data-testid": "confirm" },
      h(
        "div",
        { class: "modal small", role: "alertdialog", "aria-modal": "true", "aria-label": plainText(c.title) || "确认" },
        h("div", { class: "modal-head" }, h("h2", {}, plainText(c.title) || "确认")),
        h("div", { class: "modal-body" }, textEl(c.text)),
        h(
          "div",
          { class: "modal-foot" },
          h("button", { type: "button", class: "btn", "data-testid": "confirm-cancel", onclick: () => done(false) }, plainText(c.deny) || "取消"),
          h("button", { type: "button", class: `btn ${c.style === "danger" ? "danger" : "primary"}`, "data-testid": "confirm-ok", onclick: () => done(true) }, plainText(c.confirm) || "确定"),
        ),
      ),
    );
    document.body.append(overlay);
    overlay.querySelector('[data-testid="confirm-ok"]').focus();
  });
}

// ---------------------------------------------------------------- input blocks (modals)

function renderInputBlock(b, ctx, index) {
  const bid = b.block_id ?? `input_${index}`;
  const el = b.element || {};
  const aid = el.action_id ?? bid;
  const id = `in-${bid}`;
  const testid = `input-${bid}`;
  let control;
  switch (el.type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const common = {
        id,
        "data-testid": testid,
        class: "in-text",
        placeholder: plainText(el.placeholder) || "",
        maxlength: el.max_length,
        "aria-describedby": `err-${bid}`,
      };
      if (el.multiline) control = h("textarea", { ...common, rows: 4 }, el.initial_value ?? "");
      else {
        const type = { email_text_input: "email", url_text_input: "url", number_input: "number" }[el.type] || "text";
        control = h("input", { ...common, type, value: el.initial_value ?? "", step: el.type === "number_input" ? (el.is_decimal_allowed ? "any" : "1") : undefined });
      }
      break;
    }
    case "static_select":
    case "external_select":
      control = h("select", { id, "data-testid": testid, class: "in-select" });
      fillSelect(control, el, el.initial_option?.value);
      break;
    case "users_select":
      control = h("select", { id, "data-testid": testid, class: "in-select" });
      userOptions(control, el, el.initial_user);
      break;
    case "conversations_select":
    case "channels_select":
      control = h("select", { id, "data-testid": testid, class: "in-select" });
      control.append(h("option", { value: "" }, plainText(el.placeholder) || "选择频道"));
      for (const c of state.channels) control.append(h("option", { value: c.id, selected: c.id === (el.initial_conversation || el.initial_channel) }, channelLabel(c)));
      break;
    case "multi_static_select":
      control = h("select", { id, "data-testid": testid, class: "in-select", multiple: true });
      for (const o of optionsOf(el)) control.append(h("option", { value: o.value, selected: (el.initial_options || []).some((x) => x.value === o.value) }, optionLabel(o)));
      break;
    case "multi_users_select":
      control = h("select", { id, "data-testid": testid, class: "in-select", multiple: true });
      for (const u of state.users) control.append(h("option", { value: u.id, selected: (el.initial_users || []).includes(u.id) }, u.real_name || u.name));
      break;
    case "datepicker":
      control = h("input", { id, type: "date", "data-testid": testid, class: "in-date", value: el.initial_date || "" });
      break;
    case "timepicker":
      control = h("input", { id, type: "time", "data-testid": testid, class: "in-date", value: el.initial_time || "" });
      break;
    case "checkboxes":
    case "radio_buttons":
      control = choiceGroup(el, testid, `${ctx.view_id}-${bid}`);
      break;
    default:
      control = unsupported(el.type ?? "（无元素）");
  }
  const labelFor = control.matches?.("input, select, textarea") ? id : undefined;
  const labelTag = labelFor ? "label" : "div";
  const wrap = h(
    "div",
    { class: "block b-input", "data-block-id": bid, "data-block-type": "input", "data-action-id": aid, "data-element-type": el.type },
    h(labelTag, { class: "in-label", for: labelFor, id: `lbl-${bid}` }, plainText(b.label), b.optional ? h("span", { class: "optional" }, "（选填）") : null),
    control,
    b.hint ? h("div", { class: "in-hint" }, plainText(b.hint)) : null,
    h("div", { class: "in-error", id: `err-${bid}`, "data-testid": `error-${bid}`, role: "alert", hidden: true }),
  );
  if (!labelFor && control.setAttribute) control.setAttribute("aria-labelledby", `lbl-${bid}`);
  return wrap;
}

/** view.state.values from the rendered modal. */
function collectValues(root, view) {
  const values = {};
  const blocks = view.blocks || [];
  const byId = new Map();
  blocks.forEach((b, i) => byId.set(b.type === "input" ? b.block_id ?? `input_${i}` : b.block_id, b));
  for (const wrap of root.querySelectorAll('.b-input[data-block-id]')) {
    const bid = wrap.dataset.blockId;
    const b = byId.get(bid);
    if (!b) continue;
    const el = b.element || {};
    const aid = el.action_id ?? bid;
    const ctl = wrap.querySelector(`[data-testid="input-${CSS.escape(bid)}"]`);
    let v = { type: el.type };
    switch (el.type) {
      case "plain_text_input":
      case "email_text_input":
      case "url_text_input":
      case "number_input":
        v.value = ctl.value === "" ? null : ctl.value;
        break;
      case "static_select":
      case "external_select": {
        const o = optionsOf(el).find((x) => x.value === ctl.value);
        v.selected_option = o ?? null;
        break;
      }
      case "users_select":
        v.selected_user = ctl.value || null;
        break;
      case "conversations_select":
        v.selected_conversation = ctl.value || null;
        break;
      case "channels_select":
        v.selected_channel = ctl.value || null;
        break;
      case "multi_static_select": {
        const vals = [...ctl.selectedOptions].map((o) => o.value);
        v.selected_options = optionsOf(el).filter((o) => vals.includes(o.value));
        break;
      }
      case "multi_users_select":
        v.selected_users = [...ctl.selectedOptions].map((o) => o.value);
        break;
      case "datepicker":
        v.selected_date = ctl.value || null;
        break;
      case "timepicker":
        v.selected_time = ctl.value || null;
        break;
      case "checkboxes":
        v.selected_options = readChoice(ctl, el);
        break;
      case "radio_buttons":
        v.selected_option = readChoice(ctl, el)[0] ?? null;
        break;
      default:
        continue;
    }
    values[bid] = { [aid]: v };
  }
  return values;
}

function isEmptyValue(v) {
  if (!v) return true;
  if ("value" in v) return v.value === null || String(v.value).trim() === "";
  if ("selected_option" in v) return !v.selected_option;
  if ("selected_date" in v) return !v.selected_date;
  if ("selected_time" in v) return !v.selected_time;
  if ("selected_user" in v) return !v.selected_user;
  if ("selected_conversation" in v) return !v.selected_conversation;
  if ("selected_channel" in v) return !v.selected_channel;
  if ("selected_options" in v) return !v.selected_options.length;
  if ("selected_users" in v) return !v.selected_users.length;
  return false;
}

// ---------------------------------------------------------------- messages

function renderMessage(m, ctx) {
  const isBot = !!m.bot_id || (!m.user && !!m.username);
  const name = isBot ? m.username || "招商调度" : userName(m.user) || m.username || "未知用户";
  const ms = tsToMs(m.ts);
  const mctx = { where: "message", channel: ctx.channel, message_ts: m.ts, thread_ts: m.thread_ts, ephemeral: !!m.ephemeral };
  const el = h("article", {
    class: `message${m.ephemeral ? " ephemeral" : ""}${isBot ? " bot" : ""}`,
    "data-testid": ctx.testid || `message-${m.ts}`,
    "data-ts": m.ts,
  });
  const avatar = h("div", { class: `avatar${isBot ? " bot" : ""}`, style: `background:${isBot ? "#4a154b" : colorFor(m.user || name)}`, "aria-hidden": "true" }, isBot ? "招" : initial(name));
  const head = h(
    "div",
    { class: "msg-head" },
    h("span", { class: "msg-name" }, name),
    isBot ? h("span", { class: "app-badge" }, "应用") : null,
    h("time", { class: "msg-time", datetime: Number.isFinite(ms) ? new Date(ms).toISOString() : undefined, title: fmtFull(ms) }, fmtTime(ms)),
  );
  const body = h("div", { class: "msg-body" }, head);
  if (m.ephemeral) body.append(h("div", { class: "eph-label", "data-testid": "ephemeral-label" }, "仅你可见 / Only visible to you"));
  if (m.blocks?.length) body.append(renderBlocks(m.blocks, mctx));
  else if (m.text) body.append(h("div", { class: "msg-text" }, h("span", { html: mrkdwn(m.text) })));
  if (m.attachments?.length)
    for (const a of m.attachments)
      body.append(
        h(
          "div",
          { class: "attachment", style: `border-left-color:${/^#?[0-9a-f]{3,6}$/i.test(a.color || "") ? (a.color.startsWith("#") ? a.color : `#${a.color}`) : "#ddd"}` },
          a.title ? h("div", { class: "att-title" }, a.title) : null,
          a.blocks?.length ? renderBlocks(a.blocks, mctx) : a.text || a.fallback ? h("div", { html: mrkdwn(a.text || a.fallback) }) : null,
        ),
      );
  if (m.files?.length) body.append(h("div", { class: "files" }, m.files.map(renderFile)));
  body.append(renderReactions(m, ctx.channel));
  if (m.reply_count > 0 && !ctx.inThread)
    body.append(
      h(
        "button",
        { type: "button", class: "thread-link", "data-testid": "thread-link", onclick: () => openThread(ctx.channel, m.thread_ts || m.ts) },
        h("span", { class: "tl-count" }, `${m.reply_count} 条回复`),
        m.latest_reply ? h("span", { class: "tl-last" }, `最后回复 ${fmtTime(tsToMs(m.latest_reply))}`) : h("span", { class: "tl-last" }, "查看线程 View thread"),
      ),
    );
  el.append(avatar, body);
  return el;
}

function fileKind(f) {
  const n = (f.name || "").toLowerCase();
  if (/sheet|excel/.test(f.mimetype || "") || /\.xlsx?$|\.csv$/.test(n)) return "Excel 表格";
  if (/pdf/.test(f.mimetype || "")) return "PDF";
  if (/word/.test(f.mimetype || "") || /\.docx?$/.test(n)) return "Word 文档";
  return f.mimetype || "文件";
}
function fileExt(f) {
  const m = /\.([a-z0-9]{1,5})$/i.exec(f.name || "");
  return (m ? m[1] : "file").toUpperCase();
}
function fileUrl(f) {
  return safeUrl(f.url || f.url_private || `${API}/files/${encodeURIComponent(f.id)}`);
}
function renderFile(f) {
  const url = fileUrl(f);
  if ((f.mimetype || "").startsWith("image/")) {
    const img = h("img", { src: url, alt: f.title || f.name || "图片", loading: "lazy" });
    img.addEventListener("load", onMediaLoad);
    return h("figure", { class: "file-image", "data-testid": `file-${f.id}` }, h("a", { href: url, target: "_blank", rel: "noopener" }, img), h("figcaption", {}, f.title || f.name));
  }
  return h(
    "a",
    { class: "file-card", href: url, download: f.name || true, "data-testid": `file-${f.id}` },
    h("span", { class: `file-icon${/Excel/.test(fileKind(f)) ? " xls" : ""}`, "aria-hidden": "true" }, fileExt(f)),
    h("span", { class: "file-meta" }, h("span", { class: "file-name" }, f.title || f.name), h("span", { class: "file-kind" }, `${fileKind(f)} · 下载 Download`)),
  );
}

function renderReactions(m, channel) {
  const row = h("div", { class: "reactions" });
  for (const r of m.reactions || []) {
    const mine = (r.users || []).includes(state.user);
    const count = r.count ?? (r.users || []).length;
    row.append(
      h(
        "button",
        {
          type: "button",
          class: `reaction${mine ? " mine" : ""}`,
          "data-testid": `reaction-${r.name}`,
          "aria-pressed": String(mine),
          title: (r.users || []).map(userName).join("、") + ` 回应了 :${r.name}:`,
          onclick: () => post("/reaction", { user: state.user, channel, ts: m.ts, name: r.name, add: !mine }, "回应"),
        },
        h("span", { class: "r-emoji" }, EMOJI[r.name] ?? `:${r.name}:`),
        h("span", { class: "r-count" }, String(count)),
      ),
    );
  }
  if (m.ephemeral) return row; // Slack has no reactions on ephemeral messages
  const picker = h(
    "div",
    { class: "reaction-picker", role: "menu", hidden: true },
    REACTION_CHOICES.map(([name, ch]) =>
      h(
        "button",
        {
          type: "button",
          role: "menuitem",
          class: "pick",
          "data-testid": `add-reaction-${name}`,
          title: `:${name}:`,
          "aria-label": `:${name}:`,
          onclick: () => {
            closePopups();
            const mine = (m.reactions || []).find((r) => r.name === name)?.users?.includes(state.user);
            if (!mine) post("/reaction", { user: state.user, channel, ts: m.ts, name, add: true }, "回应");
          },
        },
        ch,
      ),
    ),
  );
  const add = h("button", { type: "button", class: "add-reaction", "data-testid": "add-reaction", "aria-haspopup": "menu", "aria-expanded": "false", title: "添加回应 Add reaction" }, "☺＋", h("span", { class: "ar-text" }, "添加回应"));
  add.addEventListener("click", (e) => {
    e.stopPropagation();
    const open = picker.hidden;
    closePopups();
    picker.hidden = !open;
    add.setAttribute("aria-expanded", String(open));
  });
  row.append(h("div", { class: "reaction-add-wrap" }, add, picker));
  return row;
}

function renderRefused(r) {
  const ms = tsToMs(r.at);
  return h(
    "article",
    { class: "message refused", "data-testid": "block-error", role: "alert" },
    h("div", { class: "avatar bot", style: "background:#4a154b", "aria-hidden": "true" }, "招"),
    h(
      "div",
      { class: "msg-body" },
      h("div", { class: "msg-head" }, h("span", { class: "msg-name" }, "招商调度"), h("span", { class: "app-badge" }, "应用"), h("time", { class: "msg-time", title: fmtFull(ms) }, fmtTime(ms))),
      h(
        "div",
        { class: "error-card" },
        h("div", { class: "err-title" }, `Slack 拒绝了这条消息：${r.error}`),
        h("div", { class: "err-method" }, `${r.method || "API 调用"} · ${Number.isFinite(ms) ? fmtFull(ms) : r.at ?? ""}`),
        r.details?.length ? h("ul", { class: "err-details" }, r.details.map((d) => h("li", {}, String(d)))) : null,
      ),
    ),
  );
}

// Keyed reconcile: only rebuild the rows whose data changed, so selects keep their state.
function reconcile(container, items) {
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

let stickToBottom = true;
function onMediaLoad() {
  if (stickToBottom) scrollToBottom();
}
function scrollToBottom() {
  const sc = $("message-scroll");
  sc.scrollTop = sc.scrollHeight;
}
$("message-scroll").addEventListener("scroll", () => {
  const sc = $("message-scroll");
  stickToBottom = sc.scrollHeight - sc.scrollTop - sc.clientHeight < 60;
});

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

// ---------------------------------------------------------------- thread

function openThread(channel, ts) {
  state.thread = { channel, ts, messages: [] };
  $("app").classList.add("thread-open");
  $("thread-panel").hidden = false;
  $("thread-list").replaceChildren(h("div", { class: "muted pad" }, "加载中…"));
  $("thread-sub").textContent = channelTitle(channel);
  refreshThread();
}
function closeThread() {
  state.thread = null;
  $("app").classList.remove("thread-open");
  $("thread-panel").hidden = true;
}
async function refreshThread() {
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
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  reconcile(list, items);
  if (atBottom) list.scrollTop = list.scrollHeight;
}

// ---------------------------------------------------------------- modal

function renderModal() {
  const root = $("modal-root");
  const view = state.modal;
  if (!view) {
    root.replaceChildren();
    state.modalSig = "";
    return;
  }
  const sig = JSON.stringify(view);
  if (sig === state.modalSig && root.firstChild) return;
  // Keep what the user typed if the same view is re-rendered (views.update keeps input state in Slack).
  const old = root.querySelector(".modal");
  const kept = old && old.dataset.viewId === view.id ? snapshotInputs(old) : null;
  state.modalSig = sig;
  const ctx = { where: "modal", view_id: view.id, channel: state.view?.kind === "channel" ? state.view.id : undefined };
  const form = h("form", { class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": "modal-title", "data-view-id": view.id, novalidate: true });
  form.append(
    h(
      "div",
      { class: "modal-head" },
      h("h2", { id: "modal-title" }, plainText(view.title) || "对话框"),
      h("button", { type: "button", class: "icon-btn", "aria-label": "关闭 Close", "data-testid": "modal-x", onclick: closeModal }, "✕"),
    ),
    h("div", { class: "modal-body" }, renderBlocks(view.blocks, ctx)),
    h(
      "div",
      { class: "modal-foot" },
      h("button", { type: "button", class: "btn", "data-testid": "modal-close", onclick: closeModal }, plainText(view.close) || "取消"),
      view.submit ? h("button", { type: "submit", class: "btn primary", "data-testid": "modal-submit" }, plainText(view.submit)) : null,
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitModal(form, view);
  });
  const overlay = h("div", { class: "modal-overlay", "data-testid": "modal" }, form);
  overlay.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeModal();
  });
  // Enter in a single-line input submits the form like Slack; keep Chinese IME composition safe.
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.isComposing || e.keyCode === 229)) e.preventDefault();
  });
  const hadFocus = root.contains(document.activeElement);
  root.replaceChildren(overlay);
  if (kept) restoreInputs(form, kept);
  showModalErrors(form, state.modalErrors);
  if (!hadFocus) form.querySelector("input:not([type=hidden]), textarea, select, button[type=submit]")?.focus({ preventScroll: true });
}
function snapshotInputs(form) {
  const snap = {};
  for (const c of form.querySelectorAll("[data-testid^='input-']")) {
    if (c.matches("select[multiple]")) snap[c.dataset.testid] = { multi: [...c.selectedOptions].map((o) => o.value) };
    else if (c.matches("input, select, textarea")) snap[c.dataset.testid] = { value: c.value };
    else snap[c.dataset.testid] = { checked: [...c.querySelectorAll("input:checked")].map((i) => i.value) };
  }
  return snap;
}
function restoreInputs(form, snap) {
  for (const [tid, s] of Object.entries(snap)) {
    const c = form.querySelector(`[data-testid="${CSS.escape(tid)}"]`);
    if (!c) continue;
    if (s.multi) [...c.options].forEach((o) => (o.selected = s.multi.includes(o.value)));
    else if ("value" in s) c.value = s.value;
    else c.querySelectorAll("input").forEach((i) => (i.checked = s.checked.includes(i.value)));
  }
}
function showModalErrors(form, errors) {
  for (const e of form.querySelectorAll(".in-error")) {
    e.hidden = true;
    e.textContent = "";
    e.closest(".b-input")?.classList.remove("has-error");
  }
  let first = null;
  for (const [bid, msg] of Object.entries(errors || {})) {
    const e = form.querySelector(`[data-testid="error-${CSS.escape(bid)}"]`);
    if (!e) {
      // An error for a block the form does not show: still show it, at the top.
      const body = form.querySelector(".modal-body");
      body.prepend(h("div", { class: "in-error orphan", "data-testid": `error-${bid}`, role: "alert" }, `${bid}：${msg}`));
      continue;
    }
    e.textContent = msg;
    e.hidden = false;
    e.closest(".b-input")?.classList.add("has-error");
    first ??= e;
  }
  first?.closest(".b-input")?.scrollIntoView({ block: "nearest" });
}
async function submitModal(form, view) {
  const values = collectValues(form, view);
  // Slack checks required inputs (and min_length) in the client before the app sees anything.
  const local = {};
  (view.blocks || []).forEach((b, i) => {
    if (b.type !== "input") return;
    const bid = b.block_id ?? `input_${i}`;
    const v = values[bid]?.[b.element?.action_id ?? bid];
    if (!b.optional && isEmptyValue(v)) local[bid] = "请填写此必填项 / Please complete this required field.";
    else if (b.element?.min_length && v?.value && [...v.value].length < b.element.min_length) local[bid] = `至少填写 ${b.element.min_length} 个字符`;
  });
  form.querySelectorAll(".in-error.orphan").forEach((e) => e.remove());
  if (Object.keys(local).length) {
    state.modalErrors = local;
    showModalErrors(form, local);
    return;
  }
  const btn = form.querySelector('[data-testid="modal-submit"]');
  if (btn) btn.disabled = true;
  try {
    const r = await api("/view/submit", { user: state.user, view_id: view.id, values });
    if (r && r.errors && Object.keys(r.errors).length) {
      state.modalErrors = r.errors;
      showModalErrors(form, r.errors);
    } else if (r && r.closed === false) {
      state.modalErrors = {};
      showModalErrors(form, {});
    } else {
      state.modalErrors = {};
      if (state.modal?.id === view.id) {
        state.modal = null;
        renderModal();
      }
    }
  } catch (e) {
    toast(`提交失败：${e.message}`);
  } finally {
    if (btn && btn.isConnected) btn.disabled = false;
    scheduleRefresh();
  }
}
async function closeModal() {
  const view = state.modal;
  if (!view) return;
  state.modal = null;
  state.modalErrors = {};
  renderModal();
  await post("/view/close", { user: state.user, view_id: view.id }, "关闭对话框");
}

// ---------------------------------------------------------------- home

async function openHome() {
  selectView({ kind: "home" });
  await post("/home/open", { user: state.user }, "打开主页");
  await refreshHome();
  setTimeout(refreshHome, 300);
}
async function refreshHome() {
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
function renderHome() {
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

// ---------------------------------------------------------------- jobs panel

const STATUS_LABEL = { posted: "已发送 posted", skipped: "跳过 skipped", held: "暂缓 held", failed: "失败 failed", done: "已完成 done" };

function renderJobs() {
  const list = $("job-list");
  const sig = JSON.stringify(state.jobs);
  if (list.dataset.sig !== sig) {
    list.dataset.sig = sig;
    list.replaceChildren(
      ...state.jobs.map((j) => {
        const tid = `travel-${j.job}`;
        const inp = h("input", { type: "datetime-local", id: tid, "data-testid": tid, class: "travel-input" });
        inp.addEventListener("input", () => (inp.dataset.dirty = "1"));
        const form = h(
          "form",
          { class: "travel" },
          h("label", { for: tid }, "在此时间运行（时间旅行）"),
          h("div", { class: "travel-row" }, inp, h("button", { type: "submit", class: "btn", "data-testid": `travel-run-${j.job}` }, "运行")),
        );
        form.addEventListener("submit", (e) => {
          e.preventDefault();
          const at = fromLocalInput(inp.value);
          if (!at) return toast("请选择时间");
          runJobs({ job: j.job, at });
        });
        return h(
          "li",
          { class: `job${j.enabled === false ? " disabled" : ""}`, "data-testid": `job-${j.job}` },
          h(
            "div",
            { class: "job-head" },
            h("div", {}, h("div", { class: "job-label" }, j.label || j.job), h("div", { class: "job-meta" }, h("code", {}, j.job), j.time ? ` · ${j.time}` : "", j.enabled === false ? " · 已停用" : "")),
            h("button", { type: "button", class: "btn primary small", "data-testid": `run-${j.job}`, onclick: () => runJobs({ job: j.job }) }, "立即运行"),
          ),
          form,
        );
      }),
    );
    if (!state.jobs.length) list.append(h("li", { class: "muted" }, "没有任务"));
  }
  syncTravelInputs();
}
/** Travel inputs show the sandbox clock until someone edits them. */
function syncTravelInputs() {
  const nowMs = Date.parse(state.now);
  if (Number.isFinite(nowMs))
    for (const inp of document.querySelectorAll(".travel-input")) if ((!inp.value || !inp.dataset.dirty) && document.activeElement !== inp) inp.value = toLocalInput(nowMs);
}
function renderClock() {
  const ms = Date.parse(state.now);
  const text = Number.isFinite(ms) ? fmtFull(ms) : "—";
  $("clock").textContent = text;
  $("sidebar-clock").textContent = text;
  syncTravelInputs();
}
let jobsBusy = false;
async function runJobs(body) {
  if (jobsBusy) return;
  jobsBusy = true;
  const out = $("job-outcomes");
  out.replaceChildren(h("p", { class: "muted" }, "运行中…"));
  document.querySelectorAll("#jobs-panel button").forEach((b) => (b.disabled = true));
  try {
    const r = await api("/jobs/run", body);
    if (r.now) state.now = r.now;
    state.outcomes = { request: body, ...r };
    renderOutcomes();
    renderClock();
  } catch (e) {
    out.replaceChildren(h("p", { class: "err-text" }, `运行失败：${e.message}`));
  } finally {
    jobsBusy = false;
    document.querySelectorAll("#jobs-panel button").forEach((b) => (b.disabled = false));
    scheduleRefresh();
  }
}
function renderOutcomes() {
  const o = state.outcomes;
  const out = $("job-outcomes");
  if (!o) return;
  const nowMs = Date.parse(o.now);
  const label = (job) => state.jobs.find((j) => j.job === job)?.label || job;
  out.replaceChildren(
    h("p", { class: "muted" }, `${o.request?.job ? `运行 ${label(o.request.job)}` : "运行所有到期任务"} · 沙盒时间 ${Number.isFinite(nowMs) ? fmtFull(nowMs) : o.now ?? ""}`),
    o.outcomes?.length
      ? h(
          "ul",
          { class: "outcome-list" },
          o.outcomes.map((x) =>
            h(
              "li",
              { class: `outcome st-${x.status}`, "data-testid": `outcome-${x.job}`, "data-status": x.status },
              h("div", { class: "oc-head" }, h("span", { class: "oc-job" }, label(x.job)), h("span", { class: `status status-${x.status}` }, STATUS_LABEL[x.status] || x.status), x.late ? h("span", { class: "late", "data-testid": "late" }, "补发") : null),
              h("div", { class: "oc-meta" }, h("code", {}, x.job), x.period ? ` · 周期 ${x.period}` : ""),
              x.detail ? h("div", { class: "oc-detail" }, typeof x.detail === "string" ? x.detail : JSON.stringify(x.detail)) : null,
            ),
          ),
        )
      : h("p", { class: "muted" }, "没有到期的任务 / Nothing due."),
  );
}
$("run-due-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const v = $("run-due-at").value;
  const body = {};
  if (v) {
    const at = fromLocalInput(v);
    if (!at) return toast("时间格式不对");
    body.at = at;
  }
  runJobs(body);
});

function setJobsOpen(open) {
  const app = $("app");
  if (open && state.thread) closeThread();
  app.classList.toggle("jobs-open", open);
  $("jobs-toggle").setAttribute("aria-expanded", String(open));
  syncBackdrop();
}
$("jobs-toggle").addEventListener("click", () => {
  const app = $("app");
  const open = !app.classList.contains("jobs-open") || app.classList.contains("thread-open");
  setJobsOpen(open);
});
$("jobs-close").addEventListener("click", () => setJobsOpen(false));

// ---------------------------------------------------------------- sidebar, navigation

function renderSidebar() {
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
  const item = (c) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: `nav-item${state.view?.kind === "channel" && state.view.id === c.id ? " active" : ""}${state.unread.has(c.id) ? " unread" : ""}${c.is_im && c.user !== state.user ? " other" : ""}`,
          "data-testid": `channel-${c.id}`,
          title: channelLabel(c),
          "aria-current": state.view?.kind === "channel" && state.view.id === c.id ? "page" : undefined,
          onclick: () => selectView({ kind: "channel", id: c.id }),
        },
        h("span", { class: "nav-icon", "aria-hidden": "true" }, c.is_im ? "●" : "#"),
        h("span", { class: "nav-label" }, channelLabel(c)),
        state.unread.has(c.id) ? h("span", { class: "dot", "aria-label": "有新消息" }) : null,
      ),
    );
  $("channel-list").replaceChildren(...state.channels.filter((c) => !c.is_im).map(item));
  const ims = state.channels.filter((c) => c.is_im).sort((a, b) => (b.user === state.user) - (a.user === state.user));
  $("dm-list").replaceChildren(...ims.map(item));
  if (!ims.length) $("dm-list").append(h("li", { class: "muted small-pad" }, "暂无私信"));
}

function renderHeader() {
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

function selectView(v, { push = true } = {}) {
  const same = state.view && state.view.kind === v.kind && state.view.id === v.id;
  state.view = v;
  if (!same) {
    state.gen++;
    state.messages = [];
    state.refused = [];
    state.home = null;
    state.homeSig = "";
    $("message-list").replaceChildren();
    closeThread();
  }
  if (v.kind === "channel") state.unread.delete(v.id);
  if (push) {
    const hash = v.kind === "home" ? "#home" : `#${v.id}`;
    if (location.hash !== hash) history.replaceState(null, "", `${location.pathname}?${q({ user: state.user })}${hash}`);
  }
  closeDrawer();
  renderSidebar();
  renderHeader();
  if (v.kind === "channel") {
    stickToBottom = true;
    refreshMessages(true);
  } else renderHome();
}

function openDrawer() {
  $("app").classList.add("drawer-open");
  syncBackdrop();
}
function closeDrawer() {
  $("app").classList.remove("drawer-open");
  syncBackdrop();
}
function syncBackdrop() {
  const app = $("app");
  const narrow = window.innerWidth < 760;
  $("backdrop").hidden = !(narrow && (app.classList.contains("drawer-open") || app.classList.contains("jobs-open")));
}
document.querySelector(".menu-toggle").addEventListener("click", openDrawer);
document.querySelector(".sidebar-close").addEventListener("click", closeDrawer);
$("backdrop").addEventListener("click", () => {
  closeDrawer();
  if (window.innerWidth < 760) setJobsOpen(false);
});
$("home-entry").addEventListener("click", openHome);
$("thread-close").addEventListener("click", closeThread);
$("user-switcher").addEventListener("change", (e) => switchUser(e.target.value));
document.addEventListener("click", (e) => {
  const a = e.target.closest("a.channel-link[data-channel]");
  if (a && channelById(a.dataset.channel)) {
    e.preventDefault();
    selectView({ kind: "channel", id: a.dataset.channel });
  }
});

function switchUser(id) {
  if (!id || id === state.user) return;
  state.user = id;
  localStorage.setItem("sandbox.user", id);
  state.gen++;
  state.modal = null;
  state.modalErrors = {};
  renderModal();
  state.messages = [];
  state.refused = [];
  state.homeSig = "";
  $("message-list").replaceChildren();
  closeThread();
  const v = state.view;
  history.replaceState(null, "", `${location.pathname}?${q({ user: id })}${location.hash}`);
  if (v?.kind === "home") openHome();
  refreshAll();
}

// ---------------------------------------------------------------- composer

function autoGrow(ta) {
  ta.style.height = "auto";
  ta.style.height = `${Math.min(ta.scrollHeight, 200)}px`;
}
function isCommand(text) {
  return /^\/project(?=[\s\u3000]|$)/.test(text);
}
async function sendComposer() {
  const ta = $("composer");
  const text = ta.value.trim();
  const errBox = $("composer-error");
  if (!text || state.view?.kind !== "channel") return;
  errBox.hidden = true;
  const channel = state.view.id;
  if (isCommand(text)) {
    state.history = [...state.history.filter((x) => x !== text), text].slice(-50);
    localStorage.setItem("sandbox.history", JSON.stringify(state.history));
  }
  state.historyPos = -1;
  ta.value = "";
  autoGrow(ta);
  try {
    if (isCommand(text)) {
      const args = text.replace(/^\/project[\s\u3000]*/, "").trim();
      const r = await api("/command", { user: state.user, channel, command: "/project", text: args });
      if (r && r.ok === false) showComposerError(`命令失败：${r.error || "未知错误"}`, text);
    } else {
      await api("/message", { user: state.user, channel, text });
    }
  } catch (e) {
    showComposerError(`${isCommand(text) ? "命令" : "消息"}发送失败：${e.message}`, text);
  }
  stickToBottom = true;
  scheduleRefresh();
}
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
$("composer-form").addEventListener("submit", (e) => {
  e.preventDefault();
  sendComposer();
});
$("composer").addEventListener("input", (e) => {
  autoGrow(e.target);
  $("composer-error").hidden = true;
});
$("composer").addEventListener("keydown", (e) => {
  const ta = e.target;
  if (e.isComposing || e.keyCode === 229) return; // Chinese IME: Enter picks a candidate
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
});

$("thread-form").addEventListener("submit", (e) => {
  e.preventDefault();
  sendThreadReply();
});
$("thread-composer").addEventListener("keydown", (e) => {
  if (e.isComposing || e.keyCode === 229) return;
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    sendThreadReply();
  }
});
$("thread-composer").addEventListener("input", (e) => autoGrow(e.target));
async function sendThreadReply() {
  const t = state.thread;
  const ta = $("thread-composer");
  const text = ta.value.trim();
  if (!t || !text) return;
  ta.value = "";
  autoGrow(ta);
  if (isCommand(text)) {
    const r = await post("/command", { user: state.user, channel: t.channel, command: "/project", text: text.replace(/^\/project[\s\u3000]*/, "").trim() }, "命令");
    if (r && r.ok === false) toast(`命令失败：${r.error || "未知错误"}`);
  } else await post("/message", { user: state.user, channel: t.channel, text, thread_ts: t.ts }, "回复");
}

// ---------------------------------------------------------------- refresh & live updates

async function refreshState() {
  const s = await api("/state");
  state.workspace = s.workspace || state.workspace;
  state.users = s.users || [];
  state.channels = s.channels || [];
  state.summaryChannel = s.summaryChannel ?? null;
  state.now = s.now ?? state.now;
  state.jobs = s.jobs || [];
  if (s.timeZone) state.timeZone = s.timeZone;
  if (!state.user || !userById(state.user)) state.user = s.defaultUser || state.users[0]?.id || "";
  renderSidebar();
  renderHeader();
  renderJobs();
  renderClock();
  return s;
}
async function refreshMessages(force = false) {
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
async function refreshModal() {
  const gen = state.gen;
  try {
    const r = await api(`/modal?${q({ user: state.user })}`);
    if (gen !== state.gen) return;
    const v = r.view || null;
    if (v?.id !== state.modal?.id) state.modalErrors = {};
    state.modal = v;
    renderModal();
  } catch {
    /* a failed modal poll is not worth a toast */
  }
}

let refreshing = false;
let again = false;
async function refreshAll() {
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
function scheduleRefresh(delay = 100) {
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
function connectEvents() {
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

window.addEventListener("resize", syncBackdrop);
window.addEventListener("hashchange", () => {
  const h = location.hash.slice(1);
  if (h === "home") openHome();
  else if (h && channelById(h) && !(state.view?.kind === "channel" && state.view.id === h)) selectView({ kind: "channel", id: h });
});

// ---------------------------------------------------------------- boot

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
  const hash = location.hash.slice(1);
  if (hash === "home") openHome();
  else selectView({ kind: "channel", id: channelById(hash) ? hash : channelById(state.summaryChannel) ? state.summaryChannel : state.channels[0]?.id });
  refreshModal();
  connectEvents();
}
boot();
