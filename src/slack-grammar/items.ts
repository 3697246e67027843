import { fold, shown } from "./text.ts";
import { isQuoted, SEPARATORS, wordText, type Word } from "./tokenize.ts";

// Turns words into free words and key=value fields. `=`/`＝` always makes a
// field (so a mistyped key is reported, not silently read as a name); `:`/`：`
// only when what precedes it is a known key, because names and notes contain
// colons (10:30, 一期：厂房). Phone typing puts spaces around `=`, so
// `阶段 = 签约`, `阶段= 签约` and `阶段 =签约` are one field too.

export type Item =
  | { kind: "free"; text: string; quoted: boolean; raw: string }
  | { kind: "field"; key: string; value: string; quoted: boolean; raw: string };

export type Items = { ok: true; items: Item[] } | { ok: false; problem: string };

const EQUALS = "=＝";

interface Split {
  key: string;
  separator: string;
  value: string;
  quoted: boolean;
}

/** Key, separator and value when the word's first unquoted part holds a separator. */
function splitField(word: Word): Split | null {
  const first = word.segments[0];
  if (!first || first.quoted) return null;
  const at = [...first.text].findIndex((ch) => SEPARATORS.includes(ch));
  if (at < 0) return null;
  const chars = [...first.text];
  const rest = word.segments.slice(1);
  return {
    key: chars.slice(0, at).join(""),
    separator: chars[at]!,
    value: chars.slice(at + 1).join("") + rest.map((s) => s.text).join(""),
    quoted: rest.some((s) => s.quoted),
  };
}

/** Whether a word will be read as a field (so it is not swallowed as the value of the field before it). */
function looksLikeField(word: Word, isKey: (folded: string) => boolean): boolean {
  const s = splitField(word);
  return s !== null && (EQUALS.includes(s.separator) || isKey(fold(s.key)));
}

export function toItems(words: Word[], isKey: (folded: string) => boolean): Items {
  const items: Item[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const split = splitField(word);
    const bareKey = !isQuoted(word) && split === null && isKey(fold(wordText(word)));
    const next = words[i + 1];
    const nextSplit = next ? splitField(next) : null;

    let field: { key: string; value: string; quoted: boolean; raw: string } | null = null;
    if (bareKey && next && nextSplit && nextSplit.key === "") {
      // `阶段 =签约` or `阶段 = 签约`
      field = { key: wordText(word), value: nextSplit.value, quoted: nextSplit.quoted, raw: `${word.raw} ${next.raw}` };
      i++;
    } else if (split && split.key === "") {
      return { ok: false, problem: `“${shown(word.raw)}”的等号前缺少字段名：请写成 字段=值，中间不要有空格，例如 阶段=签约` };
    } else if (split && (EQUALS.includes(split.separator) || isKey(fold(split.key)))) {
      field = { key: split.key, value: split.value, quoted: split.quoted, raw: word.raw };
    }

    if (!field) {
      items.push({ kind: "free", text: wordText(word), quoted: isQuoted(word), raw: word.raw });
      continue;
    }
    // `阶段= 签约`: the value is the next word, unless that word is a field of its own.
    const after = words[i + 1];
    if (field.value === "" && !field.quoted && after && !looksLikeField(after, isKey)) {
      field = { ...field, value: wordText(after), quoted: isQuoted(after), raw: `${field.raw} ${after.raw}` };
      i++;
    }
    items.push({ kind: "field", ...field });
  }
  return { ok: true, items };
}
