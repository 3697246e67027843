import { shown } from "./text.ts";

// Splits command text into words on spaces (half- or full-width). A quote
// opens only at the start of a word or right after the first `=`/`：`, so a
// value can hold spaces (名称="锂电 二期") while quotes inside ordinary text
// (完成“三通一平”) stay part of the text. Inside quotes nothing is changed.

export interface Segment {
  text: string;
  quoted: boolean;
}

export interface Word {
  segments: Segment[];
  /** The word as typed, quotes included (for messages). */
  raw: string;
}

/**
 * Opening quote → its closer, then fallback closers tried only when the proper
 * one never comes (phones mix straight and curly quotes: "锂电 二期”), so that
 * "他说“好”" still keeps its inner Chinese quotes.
 */
const CLOSERS: Record<string, { close: string; fallback: string; nests: boolean }> = {
  '"': { close: '"', fallback: "”“＂", nests: false },
  "“": { close: "”", fallback: '"', nests: true },
  "”": { close: "”", fallback: '"', nests: false },
  "＂": { close: "＂", fallback: '"', nests: false },
  "「": { close: "」", fallback: "", nests: true },
  "『": { close: "』", fallback: "", nests: true },
  "‘": { close: "’", fallback: "‘", nests: true },
};

export const SEPARATORS = "=＝:：";

export type Tokens = { ok: true; words: Word[] } | { ok: false; problem: string };

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\u3000" || /\s/.test(ch);
}

/** Reads a quoted segment whose opener is at `start`; end is the index after the closer, or -1 when unclosed. */
function readQuoted(text: string, start: number): { text: string; end: number } {
  const opener = text[start]!;
  const { close, fallback, nests } = CLOSERS[opener]!;
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (nests && ch === opener) depth++;
    else if (ch === close && depth > 0) depth--;
    else if (ch === close) return { text: text.slice(start + 1, i), end: i + 1 };
  }
  for (let i = start + 1; i < text.length; i++) {
    if (fallback.includes(text[i]!)) return { text: text.slice(start + 1, i), end: i + 1 };
  }
  return { text: "", end: -1 };
}

export function tokenize(text: string): Tokens {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const segments: Segment[] = [];
    let literal = "";
    let sawSeparator = false;
    let quoteAllowed = true;
    while (i < text.length && !isSpace(text[i]!)) {
      const ch = text[i]!;
      if (quoteAllowed && CLOSERS[ch] !== undefined) {
        const q = readQuoted(text, i);
        if (q.end < 0) {
          const tail = text.slice(i);
          return {
            ok: false,
            problem: `引号没有配对：${ch}${shown(tail.slice(1))} 缺少结尾的引号。含空格的内容请用一对引号括起来，如 "锂电 二期"、“锂电 二期” 或 「锂电 二期」`,
          };
        }
        if (literal) segments.push({ text: literal, quoted: false });
        literal = "";
        segments.push({ text: q.text, quoted: true });
        i = q.end;
        quoteAllowed = false;
        continue;
      }
      literal += ch;
      i++;
      // A value may be quoted right after the first separator of the word (key="...").
      quoteAllowed = !sawSeparator && SEPARATORS.includes(ch) && segments.length === 0;
      if (SEPARATORS.includes(ch)) sawSeparator = true;
    }
    if (literal) segments.push({ text: literal, quoted: false });
    words.push({ segments, raw: text.slice(start, i) });
  }
  return { ok: true, words };
}

/** The word's text with quote marks removed. */
export function wordText(word: Word): string {
  return word.segments.map((s) => s.text).join("");
}

/** True when the word is entirely one quoted segment ("..."), i.e. never a key or a command word. */
export function isQuoted(word: Word): boolean {
  return word.segments.length === 1 && word.segments[0]!.quoted;
}
