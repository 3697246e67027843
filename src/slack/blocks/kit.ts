// Small Block Kit constructors that keep every text inside Slack's limits
// (so a long project name or reason can never make Slack refuse a message).

export type Block = Record<string, unknown>;

export const LIMITS = { sectionText: 3000, field: 2000, header: 150, button: 75, contextElements: 10, fields: 10, blocksMessage: 50, blocksView: 100, optionText: 75 } as const;

export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

export const plain = (text: string, max: number = LIMITS.sectionText) => ({ type: "plain_text", text: clip(text || " ", max), emoji: true });
export const mrkdwn = (text: string, max: number = LIMITS.sectionText) => ({ type: "mrkdwn", text: clip(text || " ", max) });

export const header = (text: string): Block => ({ type: "header", text: plain(text, LIMITS.header) });
export const divider = (): Block => ({ type: "divider" });
export const section = (text: string, accessory?: Block): Block => ({ type: "section", text: mrkdwn(text), ...(accessory ? { accessory } : {}) });
export const fields = (items: string[]): Block => ({ type: "section", fields: items.slice(0, LIMITS.fields).map((t) => mrkdwn(t, LIMITS.field)) });
export const context = (items: string[]): Block => ({ type: "context", elements: items.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t)) });

export function button(text: string, actionId: string, value: string, style?: "primary" | "danger"): Block {
  return { type: "button", text: plain(text, LIMITS.button), action_id: actionId, value: clip(value, 2000), ...(style ? { style } : {}) };
}

export const actions = (elements: Block[], blockId?: string): Block => ({ type: "actions", elements: elements.slice(0, 25), ...(blockId ? { block_id: blockId } : {}) });

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Splits lines into sections that each fit the section-text limit, never cutting a line silently. */
export function sectionsOf(lines: string[]): Block[] {
  const out: Block[] = [];
  let buf = "";
  for (const raw of lines) {
    const line = clip(raw, LIMITS.sectionText);
    if (buf && buf.length + 1 + line.length > LIMITS.sectionText) {
      out.push(section(buf));
      buf = "";
    }
    buf = buf ? `${buf}\n${line}` : line;
  }
  if (buf) out.push(section(buf));
  return out;
}
