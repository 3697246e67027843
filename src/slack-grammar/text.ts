import { withoutRefMarkers } from "../domain/person-ref.ts";
// Small text helpers shared by the grammar. Free text (names, progress) is
// kept as typed: NFKC would turn Chinese ，：（） into ASCII, so it is applied
// only to what is matched against fixed words (keys, subcommands, numbers).

/** Slack slash commands refuse to be longer than this in practice; longer text is refused, not parsed. */
export const MAX_INPUT_CHARS = 4000;

/** Zero-width characters phone keyboards insert; ZWJ (U+200D) is kept because emoji sequences need it. */
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;

/** Input as the tokenizer sees it: invisible characters dropped, line breaks and odd spaces made plain spaces. */
export function cleanInput(text: string): string {
  return text.replace(INVISIBLE, "").replace(/[\s\u3000]/g, " ");
}

/** Loose form for comparing against fixed words: NFKC, no spaces, lower case, no `_`/`-` (funds_date = fundsdate). */
export function fold(text: string): string {
  return text.normalize("NFKC").replace(/[\s_\-]+/g, "").toLowerCase();
}

/** Slack escapes &, < and > in command text; stored text should hold the characters themselves. */
export function decodeSlackEntities(text: string): string {
  return withoutRefMarkers(text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
}

/** Trimmed free text, counting the full-width space as space. */
export function cleanValue(text: string): string {
  return decodeSlackEntities(text).replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

/**
 * User text quoted back in a message, cut to `max` characters (by code point,
 * so an emoji is never split) so that hostile input cannot blow up a reply.
 */
export function shown(text: string, max = 20): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max).join("")}…`;
}

/** Levenshtein distance by code point; inputs are short words (keys, subcommands). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** One refusal: the problems found, any general hints, then one concrete example of the right way. */
export function refusal(problems: string[], example: string, hints: string[] = []): string {
  const MAX_LISTED = 6;
  const listed = problems.slice(0, MAX_LISTED);
  const more = problems.length > MAX_LISTED ? `\n（另有 ${problems.length - MAX_LISTED} 处问题，请先改正以上几处）` : "";
  const body = listed.length === 1 ? listed[0]! : `没有执行，有 ${problems.length} 处需要改正：\n${listed.map((p) => `• ${p}`).join("\n")}`;
  const extra = hints.length ? `\n${[...new Set(hints)].join("\n")}` : "";
  return `${body}${more}${extra}\n例如：${example}`;
}
