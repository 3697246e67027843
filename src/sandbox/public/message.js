// One message as Slack shows it (author, blocks or text, attachments, files, reactions, thread link),
// and the card for a call Slack refused.
import { API } from "./api.js";
import { renderBlocks } from "./blocks.js";
import { h, safeUrl } from "./dom.js";
import { onMediaLoad } from "./message-list.js";
import { mrkdwn } from "./mrkdwn.js";
import { renderReactions } from "./reactions.js";
import { userName } from "./state.js";
import { openThread } from "./thread.js";
import { fmtFull, fmtTime, tsToMs } from "./time.js";

const AVATAR_COLORS = ["#2f6f4f", "#7a4b9e", "#b8552b", "#1d6fa5", "#9a3b5a", "#4a6a1f", "#805a16", "#1f6f74"];

function initial(name) {
  const s = String(name || "?").trim();
  return ([...s][0] || "?").toUpperCase();
}
/** A stable colour per person, so the same author always looks the same. */
function colorFor(key) {
  let n = 0;
  for (const ch of String(key)) n = (n * 31 + ch.codePointAt(0)) >>> 0;
  return AVATAR_COLORS[n % AVATAR_COLORS.length];
}

function avatar(isBot, name, key) {
  return h("div", { class: `avatar${isBot ? " bot" : ""}`, style: `background:${isBot ? "#4a154b" : colorFor(key)}`, "aria-hidden": "true" }, isBot ? "招" : initial(name));
}
function msgHead(name, isBot, ms, datetime) {
  return h(
    "div",
    { class: "msg-head" },
    h("span", { class: "msg-name" }, name),
    isBot ? h("span", { class: "app-badge" }, "应用") : null,
    h("time", { class: "msg-time", datetime, title: fmtFull(ms) }, fmtTime(ms)),
  );
}

/** ctx: { channel, inThread?, testid? } */
export function renderMessage(m, ctx) {
  const isBot = !!m.bot_id || (!m.user && !!m.username);
  const name = isBot ? m.username || "招商调度" : userName(m.user) || m.username || "未知用户";
  const ms = tsToMs(m.ts);
  const mctx = { where: "message", channel: ctx.channel, message_ts: m.ts, thread_ts: m.thread_ts, ephemeral: !!m.ephemeral };
  const el = h("article", {
    class: `message${m.ephemeral ? " ephemeral" : ""}${isBot ? " bot" : ""}`,
    "data-testid": ctx.testid || `message-${m.ts}`,
    "data-ts": m.ts,
  });
  const body = h("div", { class: "msg-body" }, msgHead(name, isBot, ms, Number.isFinite(ms) ? new Date(ms).toISOString() : undefined));
  if (m.ephemeral) body.append(h("div", { class: "eph-label", "data-testid": "ephemeral-label" }, "仅你可见 / Only visible to you"));
  if (m.blocks?.length) body.append(renderBlocks(m.blocks, mctx));
  else if (m.text) body.append(h("div", { class: "msg-text" }, h("span", { html: mrkdwn(m.text) })));
  for (const a of m.attachments || [])
    body.append(
      h(
        "div",
        { class: "attachment", style: `border-left-color:${attachmentColor(a.color)}` },
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
  el.append(avatar(isBot, name, m.user || name), body);
  return el;
}

/** Only hex colours; Slack's named ones ("good", "danger") show grey here. */
function attachmentColor(c) {
  if (!/^#?[0-9a-f]{3,6}$/i.test(c || "")) return "#ddd";
  return c.startsWith("#") ? c : `#${c}`;
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
function renderFile(f) {
  const url = safeUrl(f.url || f.url_private || `${API}/files/${encodeURIComponent(f.id)}`);
  if ((f.mimetype || "").startsWith("image/")) {
    const img = h("img", { src: url, alt: f.title || f.name || "图片", loading: "lazy" });
    img.addEventListener("load", onMediaLoad);
    return h("figure", { class: "file-image", "data-testid": `file-${f.id}` }, h("a", { href: url, target: "_blank", rel: "noopener" }, img), h("figcaption", {}, f.title || f.name));
  }
  const kind = fileKind(f);
  return h(
    "a",
    { class: "file-card", href: url, download: f.name || true, "data-testid": `file-${f.id}` },
    h("span", { class: `file-icon${/Excel/.test(kind) ? " xls" : ""}`, "aria-hidden": "true" }, fileExt(f)),
    h("span", { class: "file-meta" }, h("span", { class: "file-name" }, f.title || f.name), h("span", { class: "file-kind" }, `${kind} · 下载 Download`)),
  );
}

/** A Web API call Slack answered with an error: shown in the channel so it is not missed. */
export function renderRefused(r) {
  const ms = tsToMs(r.at);
  return h(
    "article",
    { class: "message refused", "data-testid": "block-error", role: "alert" },
    avatar(true),
    h(
      "div",
      { class: "msg-body" },
      msgHead("招商调度", true, ms),
      h(
        "div",
        { class: "error-card" },
        h("div", { class: "err-title" }, `Slack 拒绝了这条消息：${r.error}`),
        h("div", { class: "err-method" }, `${r.method || "API 调用"} · ${fmtFull(ms) || (r.at ?? "")}`),
        r.details?.length ? h("ul", { class: "err-details" }, r.details.map((d) => h("li", {}, String(d)))) : null,
      ),
    ),
  );
}
