// Block Kit blocks → DOM, for messages, modals and App Home.
import { API } from "./api.js";
import { h, safeUrl } from "./dom.js";
import { renderElement } from "./elements.js";
import { emojiFor } from "./emoji.js";
import { renderInputBlock } from "./inputs.js";
import { onMediaLoad } from "./message-list.js";
import { plainText, textEl } from "./mrkdwn.js";
import { channelById, channelLabel, state, userName } from "./state.js";

/**
 * ctx: { where: "message" | "modal" | "home", channel?, message_ts?, thread_ts?, view_id?, ephemeral? }
 */
export function renderBlocks(blocks, ctx) {
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

export function unsupported(type) {
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

export function imageSrc(e) {
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
          return e.unicode ? String.fromCodePoint(...e.unicode.split("-").map((x) => parseInt(x, 16))) : emojiFor(e.name);
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
