import type { LocalDate } from "../domain/types.ts";
import { absorbMentions, applyFields, describeKeys, FIELD_TABLES, findField, type Applied, type FieldItem } from "./fields.ts";
import type { Item } from "./items.ts";
import { SUBCOMMAND_INFO } from "./subcommands.ts";
import { cleanValue, fold, refusal, shown } from "./text.ts";
import type { ParseError, ProjectRef, SubcommandName } from "./types.ts";
import { parseIdRef } from "./values.ts";

// The shape every subcommand shares: leading free words (the project, or
// positional values), then key=value fields. Free words after the first field
// are almost always a value with an unquoted space, so they are refused with
// the quoting advice instead of being guessed.

export type FreeItem = Extract<Item, { kind: "free" }>;

export interface Parts {
  command: SubcommandName;
  zh: string;
  example: string;
  today: LocalDate;
  lead: FreeItem[];
  fields: FieldItem[];
  /** Free words that came after a field. */
  trailing: FreeItem[];
  problems: string[];
  /** Said once after the problems (e.g. the list of valid keys). */
  hints: string[];
}

export function splitParts(items: Item[], command: SubcommandName, today: LocalDate): Parts {
  const table = FIELD_TABLES[command];
  const info = SUBCOMMAND_INFO[command];
  const parts: Parts = { command, zh: info.zh, example: info.example, today, lead: [], fields: [], trailing: [], problems: [], hints: [] };
  for (const item of absorbMentions(items, table)) {
    if (item.kind === "field") parts.fields.push(item);
    else if (parts.fields.length) parts.trailing.push(item);
    else parts.lead.push(item);
  }
  return parts;
}

/** The refusal for everything collected in `parts`. */
export function refuseParts(parts: Parts): ParseError {
  return { ok: false, error: refusal(parts.problems, parts.example, parts.hints) };
}

export function readFields(parts: Parts): Applied {
  const applied = applyFields(parts.fields, FIELD_TABLES[parts.command], parts.command, parts.zh, parts.today);
  parts.problems.push(...applied.problems);
  if (applied.unknownKeys) parts.hints.push(`“${parts.zh}”可用的字段：${describeKeys(FIELD_TABLES[parts.command])}`);
  return applied;
}

/** Why a free word cannot be used where it stands, with the fix. */
export function strayProblem(parts: Parts, word: FreeItem): string {
  const table = FIELD_TABLES[parts.command];
  const def = !word.quoted ? findField(table, word.text) : undefined;
  if (def) return `“${shown(word.text)}”后面缺少等号：请写成 ${def.example}`;
  if (!word.quoted && word.text.normalize("NFKC").startsWith("#")) {
    return `一次只能操作一个项目，“${shown(word.text)}”是多余的：请分开发送，例如 ${parts.example}`;
  }
  const last = parts.fields[parts.fields.length - 1];
  const lastDef = last && findField(table, last.key);
  const textKey = FREE_TEXT_FIELD[parts.command];
  let hint: string;
  if (lastDef) hint = `如果它是“${lastDef.key}”的一部分，请用引号把整个值括起来，例如 ${lastDef.key}="${shown(`${last!.value} ${word.text}`, 24)}"`;
  else if (textKey) hint = `要记录文字，请写成 ${textKey}="${shown(word.text, 24)}"`;
  else if (table.length) hint = `“${parts.zh}”只认这些字段：${describeKeys(table)}`;
  else hint = `“${parts.zh}”后面不需要其他内容`;
  return `多出的文字“${shown(word.text)}”：${hint}`;
}

/** Where loose words most likely belonged, for the hint. */
const FREE_TEXT_FIELD: Partial<Record<SubcommandName, string>> = { new: "进展", update: "进展", supervise: "事项", funds: "说明", close: "说明" };

/** A word that is a key of this subcommand written without `=` (阶段 签约). */
export function isBareKey(parts: Parts, w: FreeItem): boolean {
  return !w.quoted && findField(FIELD_TABLES[parts.command], w.text) !== undefined;
}

export function refuseStray(parts: Parts, words: FreeItem[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (isBareKey(parts, w) && next && !isBareKey(parts, next)) {
      // `阶段 签约`: show the pair joined, the way it should have been written.
      const key = findField(FIELD_TABLES[parts.command], w.text)!.key;
      const value = next.quoted || /\s/.test(next.text) ? `"${shown(next.text)}"` : shown(next.text);
      parts.problems.push(`“${shown(`${w.text} ${next.text}`)}”中间缺少等号：请写成 ${key}=${value}`);
      i++;
    } else parts.problems.push(strayProblem(parts, w));
  }
}

/**
 * The project named by the leading words: `#12` (also `＃１２` or `# 12`), or
 * else the words themselves as part of the name. `stopAt` ends the name early
 * (到位: the amount that follows it). Returns the words left over.
 */
export function readProjectRef(parts: Parts, words: FreeItem[], stopAt?: (w: FreeItem) => boolean): { ref: ProjectRef | null; rest: FreeItem[] } {
  const first = words[0];
  if (!first) return { ref: null, rest: [] };
  if (!first.quoted) {
    // `# 12` typed with a space.
    const second = words[1];
    const joined = fold(first.text) === "#" && second && !second.quoted ? `#${second.text}` : null;
    const r = parseIdRef(joined ?? first.text);
    if (r) {
      if (!r.ok) {
        parts.problems.push(r.problem);
        return { ref: null, rest: words.slice(joined ? 2 : 1) };
      }
      return { ref: r.value, rest: words.slice(joined ? 2 : 1) };
    }
  }
  const name: FreeItem[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    // A key without `=` ends the name; the caller reports it with its value.
    if (stopAt?.(w) || isBareKey(parts, w)) break;
    name.push(w);
  }
  const text = cleanValue(name.map((w) => w.text).join(" ")).replace(/\s+/g, " ");
  if (!text) return { ref: null, rest: words.slice(i) };
  if (Array.from(text).length > 100) {
    parts.problems.push(`项目名称“${shown(text)}”太长：写出名称中的几个字即可，或用编号，例如 #12`);
    return { ref: null, rest: words.slice(i) };
  }
  return { ref: { kind: "name", text }, rest: words.slice(i) };
}

/** A `#12` among the trailing words counts as the project when none came first (`更新 阶段=签约 #12`). */
export function takeTrailingId(parts: Parts): ProjectRef | null {
  const at = parts.trailing.findIndex((w) => !w.quoted && w.text.normalize("NFKC").startsWith("#"));
  if (at < 0) return null;
  const r = parseIdRef(parts.trailing[at]!.text);
  if (!r?.ok) return null;
  parts.trailing.splice(at, 1);
  return r.value;
}
