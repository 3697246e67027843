import { describe, expect, it } from "vitest";
import { validateBlocks, validateMessage, validateView, type Surface } from "../../src/slack-standin/block-kit-limits.ts";

const s = (n: number, ch = "a") => ch.repeat(n);
const plain = (text: string) => ({ type: "plain_text", text });
const md = (text: string) => ({ type: "mrkdwn", text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`选项${i}`, `v${i}`));
const button = (over: Record<string, unknown> = {}) => ({ type: "button", text: plain("确认"), action_id: "ok", ...over });
const actions = (...elements: unknown[]) => ({ type: "actions", elements });
const selectBlock = (select: Record<string, unknown>) => ({
  type: "section",
  text: md("选择"),
  accessory: { type: "static_select", action_id: "pick", options: options(1), ...select },
});
const modal = (over: Record<string, unknown> = {}) => ({ type: "modal", title: plain("招商调度"), blocks: [], ...over });

interface BlockBoundary {
  limit: string;
  surface: Surface;
  max: number;
  build: (n: number) => unknown[];
  error: string;
}

// Each limit exactly at the maximum passes; one over fails with exactly one error.
const blockBoundaries: BlockBoundary[] = [
  { limit: "blocks in a message", surface: "message", max: 50, build: (n) => Array(n).fill({ type: "divider" }), error: "must be less than 51 items [json-pointer:/blocks]" },
  { limit: "blocks in a modal", surface: "modal", max: 100, build: (n) => Array(n).fill({ type: "divider" }), error: "must be less than 101 items [json-pointer:/blocks]" },
  { limit: "blocks in a home tab", surface: "home", max: 100, build: (n) => Array(n).fill({ type: "divider" }), error: "must be less than 101 items [json-pointer:/blocks]" },
  { limit: "section text", surface: "message", max: 3000, build: (n) => [{ type: "section", text: md(s(n)) }], error: "must be less than 3001 characters [json-pointer:/blocks/0/text/text]" },
  { limit: "section field count", surface: "message", max: 10, build: (n) => [{ type: "section", fields: Array(n).fill(md("项目")) }], error: "must be less than 11 items [json-pointer:/blocks/0/fields]" },
  { limit: "section field text", surface: "message", max: 2000, build: (n) => [{ type: "section", fields: [md("a"), plain(s(n))] }], error: "must be less than 2001 characters [json-pointer:/blocks/0/fields/1/text]" },
  { limit: "header text", surface: "message", max: 150, build: (n) => [{ type: "header", text: plain(s(n)) }], error: "must be less than 151 characters [json-pointer:/blocks/0/text/text]" },
  { limit: "header text in CJK characters", surface: "message", max: 150, build: (n) => [{ type: "header", text: plain(s(n, "招")) }], error: "must be less than 151 characters [json-pointer:/blocks/0/text/text]" },
  { limit: "button text", surface: "message", max: 75, build: (n) => [actions(button({ text: plain(s(n)) }))], error: "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]" },
  { limit: "button value", surface: "message", max: 2000, build: (n) => [actions(button({ value: s(n) }))], error: "must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]" },
  { limit: "action_id", surface: "message", max: 255, build: (n) => [actions(button({ action_id: s(n) }))], error: "must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]" },
  { limit: "static_select options", surface: "message", max: 100, build: (n) => [selectBlock({ options: options(n) })], error: "must be less than 101 items [json-pointer:/blocks/0/accessory/options]" },
  { limit: "option text", surface: "message", max: 75, build: (n) => [selectBlock({ options: [option(s(n), "v")] })], error: "must be less than 76 characters [json-pointer:/blocks/0/accessory/options/0/text/text]" },
  { limit: "option value", surface: "message", max: 150, build: (n) => [selectBlock({ options: [option("t", s(n))] })], error: "must be less than 151 characters [json-pointer:/blocks/0/accessory/options/0/value]" },
  { limit: "overflow options", surface: "message", max: 5, build: (n) => [actions({ type: "overflow", action_id: "more", options: options(n) })], error: "must be less than 6 items [json-pointer:/blocks/0/elements/0/options]" },
  { limit: "checkbox options", surface: "modal", max: 10, build: (n) => [actions({ type: "checkboxes", action_id: "c", options: options(n) })], error: "must be less than 11 items [json-pointer:/blocks/0/elements/0/options]" },
  { limit: "actions elements", surface: "message", max: 25, build: (n) => [actions(...Array.from({ length: n }, (_, i) => button({ action_id: `b${i}` })))], error: "must be less than 26 items [json-pointer:/blocks/0/elements]" },
  { limit: "context elements", surface: "message", max: 10, build: (n) => [{ type: "context", elements: Array(n).fill(md("注")) }], error: "must be less than 11 items [json-pointer:/blocks/0/elements]" },
  { limit: "block_id", surface: "message", max: 255, build: (n) => [{ type: "divider", block_id: s(n) }], error: "must be less than 256 characters [json-pointer:/blocks/0/block_id]" },
];

describe("validateBlocks limits at their boundary", () => {
  it.each(blockBoundaries)("$limit: $max passes", ({ surface, max, build }) => {
    expect(validateBlocks(build(max), surface)).toEqual([]);
  });
  it.each(blockBoundaries)("$limit: $max + 1 fails", ({ surface, max, build, error }) => {
    expect(validateBlocks(build(max + 1), surface)).toEqual([error]);
  });
});

interface Structural {
  name: string;
  blocks: unknown;
  surface?: Surface;
  errors: string[];
}

const structural: Structural[] = [
  { name: "blocks not an array", blocks: { type: "divider" }, errors: ["must be an array [json-pointer:/blocks]"] },
  { name: "block not an object", blocks: ["divider"], errors: ["must be an object [json-pointer:/blocks/0]"] },
  { name: "unknown block type", blocks: [{ type: "video" }], errors: ["unsupported block type: video [json-pointer:/blocks/0/type]"] },
  { name: "missing block type", blocks: [{}], errors: ["unsupported block type: undefined [json-pointer:/blocks/0/type]"] },
  { name: "unknown element type", blocks: [actions({ type: "workflow_button", action_id: "w" })], errors: ["unsupported element type: workflow_button [json-pointer:/blocks/0/elements/0/type]"] },
  { name: "header in mrkdwn", blocks: [{ type: "header", text: md("标题") }], errors: ["must be plain_text [json-pointer:/blocks/0/text/type]"] },
  { name: "header without text", blocks: [{ type: "header" }], errors: ["missing required field: text [json-pointer:/blocks/0]"] },
  { name: "bad text type", blocks: [{ type: "section", text: { type: "markdown", text: "x" } }], errors: ["must be one of: plain_text, mrkdwn [json-pointer:/blocks/0/text/type]"] },
  { name: "empty text", blocks: [{ type: "section", text: md("") }], errors: ["must be more than 0 characters [json-pointer:/blocks/0/text/text]"] },
  { name: "text not a string", blocks: [{ type: "section", text: { type: "mrkdwn", text: 5 } }], errors: ["must be a string [json-pointer:/blocks/0/text/text]"] },
  { name: "section without text or fields", blocks: [{ type: "section" }], errors: ["must provide text or fields [json-pointer:/blocks/0]"] },
  { name: "section with empty fields", blocks: [{ type: "section", text: md("x"), fields: [] }], errors: ["must provide at least 1 item [json-pointer:/blocks/0/fields]"] },
  { name: "image block without alt_text", blocks: [{ type: "image", image_url: "https://example.com/a.png" }], errors: ["missing required field: alt_text [json-pointer:/blocks/0]"] },
  { name: "image block without image_url", blocks: [{ type: "image", alt_text: "图" }], errors: ["missing required field: image_url [json-pointer:/blocks/0]"] },
  { name: "input block in a message", blocks: [{ type: "input", label: plain("金额"), element: { type: "plain_text_input", action_id: "amount" } }], errors: ["input blocks are only allowed in modals and home tabs [json-pointer:/blocks/0/type]"] },
  { name: "input block without label and element", surface: "modal", blocks: [{ type: "input" }], errors: ["missing required field: label [json-pointer:/blocks/0]", "missing required field: element [json-pointer:/blocks/0]"] },
  { name: "input label in mrkdwn", surface: "modal", blocks: [{ type: "input", label: md("金额"), element: { type: "plain_text_input" } }], errors: ["must be plain_text [json-pointer:/blocks/0/label/type]"] },
  { name: "button in an input block", surface: "modal", blocks: [{ type: "input", label: plain("x"), element: button() }], errors: ["button is not allowed in an input block [json-pointer:/blocks/0/element/type]"] },
  { name: "image element in actions", blocks: [actions({ type: "image", image_url: "https://e.com/a.png", alt_text: "a" })], errors: ["image is not allowed in an actions block [json-pointer:/blocks/0/elements/0/type]"] },
  { name: "plain_text_input as accessory", blocks: [{ type: "section", text: md("x"), accessory: { type: "plain_text_input" } }], errors: ["plain_text_input is not allowed in a section accessory [json-pointer:/blocks/0/accessory/type]"] },
  { name: "button in context", blocks: [{ type: "context", elements: [button()] }], errors: ["unsupported context element type: button [json-pointer:/blocks/0/elements/0/type]"] },
  { name: "empty actions", blocks: [actions()], errors: ["must provide at least 1 item [json-pointer:/blocks/0/elements]"] },
  { name: "button text in mrkdwn", blocks: [actions(button({ text: md("*确认*") }))], errors: ["must be plain_text [json-pointer:/blocks/0/elements/0/text/type]"] },
  { name: "button without text", blocks: [actions({ type: "button", action_id: "x" })], errors: ["missing required field: text [json-pointer:/blocks/0/elements/0]"] },
  { name: "button style", blocks: [actions(button({ style: "warning" }))], errors: ["must be one of: primary, danger [json-pointer:/blocks/0/elements/0/style]"] },
  { name: "duplicate action_id across blocks", blocks: [actions(button()), actions(button())], errors: ["duplicate action_id: ok [json-pointer:/blocks/1/elements/0/action_id]"] },
  { name: "duplicate block_id", blocks: [{ type: "divider", block_id: "d" }, { type: "divider", block_id: "d" }], errors: ["duplicate block_id: d [json-pointer:/blocks/1/block_id]"] },
  { name: "select without options", blocks: [selectBlock({ options: undefined })], errors: ["missing required field: options [json-pointer:/blocks/0/accessory]"] },
  { name: "option without value", blocks: [selectBlock({ options: [{ text: plain("x") }] })], errors: ["missing required field: value [json-pointer:/blocks/0/accessory/options/0]"] },
  { name: "select option text in mrkdwn", blocks: [selectBlock({ options: [{ text: md("x"), value: "x" }] })], errors: ["must be plain_text [json-pointer:/blocks/0/accessory/options/0/text/type]"] },
  { name: "option group option text", blocks: [selectBlock({ options: undefined, option_groups: [{ label: plain("组"), options: [option(s(76), "v")] }] })], errors: ["must be less than 76 characters [json-pointer:/blocks/0/accessory/option_groups/0/options/0/text/text]"] },
  { name: "datepicker date format", blocks: [actions({ type: "datepicker", action_id: "d", initial_date: "2025/11/23" })], errors: ["must be in the format YYYY-MM-DD [json-pointer:/blocks/0/elements/0/initial_date]"] },
  { name: "several errors at once", blocks: [{ type: "header", text: plain(s(151)) }, { type: "nope" }], errors: ["must be less than 151 characters [json-pointer:/blocks/0/text/text]", "unsupported block type: nope [json-pointer:/blocks/1/type]"] },
];

describe("validateBlocks structure", () => {
  it.each(structural)("$name", ({ blocks, surface, errors }) => {
    expect(validateBlocks(blocks, surface ?? "message")).toEqual(errors);
  });

  it("accepts a realistic dispatch message using every block and element type", () => {
    const blocks = [
      { type: "header", text: plain("本周招商调度") },
      { type: "section", block_id: "summary", text: md("*签约* 3 个项目"), fields: [md("*金额*\n12.5 亿元"), md("*到位*\n4.1 亿元")] },
      { type: "divider" },
      { type: "context", elements: [md("涪陵区 · 第 47 周"), { type: "image", image_url: "https://example.com/i.png", alt_text: "图标" }] },
      { type: "image", image_url: "https://example.com/chart.png", alt_text: "进度图", title: plain("进度") },
      {
        type: "actions",
        elements: [
          button({ action_id: "approve", style: "primary", value: "p-1" }),
          { type: "static_select", action_id: "stage", placeholder: plain("阶段"), options: options(3) },
          { type: "overflow", action_id: "more", options: options(2) },
          { type: "datepicker", action_id: "due", initial_date: "2025-11-23" },
          { type: "users_select", action_id: "owner" },
          { type: "multi_users_select", action_id: "helpers" },
          { type: "conversations_select", action_id: "where" },
          { type: "checkboxes", action_id: "flags", options: [{ text: md("*重点*"), value: "key" }] },
          { type: "radio_buttons", action_id: "kind", options: options(2) },
        ],
      },
      { type: "section", text: md("负责人"), accessory: { type: "image", image_url: "https://example.com/u.png", alt_text: "头像" } },
      { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "anything" }] }] },
    ];
    expect(validateBlocks(blocks, "message")).toEqual([]);
  });
});

interface ViewBoundary {
  limit: string;
  max: number;
  build: (n: number) => Record<string, unknown>;
  error: string;
}

const viewBoundaries: ViewBoundary[] = [
  { limit: "title", max: 24, build: (n) => modal({ title: plain(s(n, "招")) }), error: "must be less than 25 characters [json-pointer:/view/title/text]" },
  { limit: "submit", max: 24, build: (n) => modal({ submit: plain(s(n)) }), error: "must be less than 25 characters [json-pointer:/view/submit/text]" },
  { limit: "close", max: 24, build: (n) => modal({ close: plain(s(n)) }), error: "must be less than 25 characters [json-pointer:/view/close/text]" },
  { limit: "private_metadata", max: 3000, build: (n) => modal({ private_metadata: s(n) }), error: "must be less than 3001 characters [json-pointer:/view/private_metadata]" },
  { limit: "callback_id", max: 255, build: (n) => modal({ callback_id: s(n) }), error: "must be less than 256 characters [json-pointer:/view/callback_id]" },
  { limit: "blocks", max: 100, build: (n) => modal({ blocks: Array(n).fill({ type: "divider" }) }), error: "must be less than 101 items [json-pointer:/view/blocks]" },
];

describe("validateView", () => {
  it.each(viewBoundaries)("modal $limit: $max passes", ({ max, build }) => {
    expect(validateView(build(max), "modal")).toEqual([]);
  });
  it.each(viewBoundaries)("modal $limit: $max + 1 fails", ({ max, build, error }) => {
    expect(validateView(build(max + 1), "modal")).toEqual([error]);
  });

  const input = { type: "input", block_id: "amt", label: plain("金额"), element: { type: "plain_text_input", action_id: "v" } };
  it.each([
    { name: "not an object", view: "modal", errors: ["must be an object [json-pointer:/view]"] },
    { name: "missing title", view: { type: "modal", blocks: [] }, errors: ["missing required field: title [json-pointer:/view]"] },
    { name: "title in mrkdwn", view: modal({ title: md("x") }), errors: ["must be plain_text [json-pointer:/view/title/type]"] },
    { name: "missing blocks", view: { type: "modal", title: plain("x") }, errors: ["missing required field: blocks [json-pointer:/view]"] },
    { name: "wrong type", view: { type: "home", title: plain("x"), blocks: [] }, errors: ["must be modal [json-pointer:/view/type]"] },
    { name: "input without submit", view: modal({ blocks: [input] }), errors: ["must provide a submit property when using input blocks [json-pointer:/view]"] },
    { name: "input with submit", view: modal({ blocks: [input], submit: plain("提交") }), errors: [] },
    { name: "block errors under /view/blocks", view: modal({ blocks: [{ type: "header", text: md("x") }] }), errors: ["must be plain_text [json-pointer:/view/blocks/0/text/type]"] },
  ])("modal: $name", ({ view, errors }) => {
    expect(validateView(view, "modal")).toEqual(errors);
  });

  it("home tabs need no title and take 100 blocks and inputs", () => {
    expect(validateView({ type: "home", blocks: [...Array(99).fill({ type: "divider" }), input] }, "home")).toEqual([]);
    expect(validateView({ type: "modal", title: plain("x"), blocks: [] }, "home")).toEqual(["must be home [json-pointer:/view/type]"]);
  });
});

describe("validateMessage", () => {
  it("warns, without an error, when text passes 40,000 characters", () => {
    expect(validateMessage({ text: s(40_000) })).toEqual({ errors: [], warnings: [] });
    const over = validateMessage({ text: s(40_001) });
    expect(over.errors).toEqual([]);
    expect(over.warnings).toEqual(["text is 40001 characters; Slack truncates it to 40000 [json-pointer:/text]"]);
  });

  it("reports block errors and leaves absent blocks alone", () => {
    expect(validateMessage({ text: "hi" })).toEqual({ errors: [], warnings: [] });
    expect(validateMessage({ blocks: Array(51).fill({ type: "divider" }) }).errors).toEqual(["must be less than 51 items [json-pointer:/blocks]"]);
  });
});
