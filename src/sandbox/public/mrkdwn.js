// Slack mrkdwn and Block Kit text objects → safe HTML.
import { escapeHtml, h, safeUrl } from "./dom.js";
import { emojiText } from "./emoji.js";
import { channelById, channelLabel, state, userById, userName } from "./state.js";

/** Slack escapes exactly these three in message text. */
function decodeSlack(s) {
  return String(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function splitOnce(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
}

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

/** Slack mrkdwn → safe HTML. */
export function mrkdwn(src) {
  // Code and links are rendered first and parked in slots, so the formatting passes cannot touch them.
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

/** A text object (or bare mrkdwn string) as a span. */
export function textEl(t) {
  if (!t) return h("span");
  if (typeof t === "string") return h("span", { html: mrkdwn(t) });
  if (t.type === "mrkdwn") return h("span", { class: "mrkdwn", html: t.verbatim ? escapeHtml(decodeSlack(t.text)).replace(/\n/g, "<br>") : mrkdwn(t.text) });
  return h("span", { class: "plain", text: t.emoji === false ? t.text ?? "" : emojiText(t.text ?? "") });
}

/** The text of a text object (or string), with :emoji: shown. */
export const plainText = (t) => emojiText(typeof t === "string" ? t : t?.text ?? "");
