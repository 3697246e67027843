import type { LocalDate } from "../domain/types.ts";
import { parseAdjourn, parseClose, parseDecide, parseDigest, parseFunds, parseHelp, parseList, parseRank, parseStalled, parseSupervise, parseSupervisionStep, parseUnstarted } from "./commands-other.ts";
import { parseFollowOn, parseNew, parseShow, parseUpdate } from "./commands-project.ts";
import { isKnownKey } from "./fields.ts";
import { toItems } from "./items.ts";
import { splitParts, type Parts } from "./parts.ts";
import { resolveSubcommand, SUBCOMMAND_INFO, unknownSubcommand } from "./subcommands.ts";
import { cleanInput, MAX_INPUT_CHARS, refusal } from "./text.ts";
import { isQuoted, tokenize, wordText } from "./tokenize.ts";
import type { ParseResult, SubcommandName } from "./types.ts";
import { parseIdRef } from "./values.ts";

// Entry point: the text after `/project`, as Slack sends it, and the
// district's today. Pure: no Slack, no store, no clock. Never throws for any
// input; every mistake comes back as { ok: false, error } in Chinese.

const PARSERS: Record<SubcommandName, (parts: Parts) => ParseResult> = {
  new: parseNew,
  update: parseUpdate,
  show: parseShow,
  list: parseList,
  funds: parseFunds,
  followOn: parseFollowOn,
  supervise: parseSupervise,
  close: parseClose,
  feedback: parseSupervisionStep,
  request: parseSupervisionStep,
  return: parseSupervisionStep,
  extend: parseSupervisionStep,
  unstarted: parseUnstarted,
  stalled: parseStalled,
  rank: parseRank,
  digest: parseDigest,
  decide: parseDecide,
  adjourn: parseAdjourn,
  help: parseHelp,
};

export function parseProjectCommand(text: string, today: LocalDate): ParseResult {
  try {
    return parse(typeof text === "string" ? text : "", today);
  } catch {
    // A bug here must not surface as a stack trace in Slack; the user can still act.
    return { ok: false, error: `这条命令没能处理，请检查写法后重试；如仍不行请联系管理员。\n例如：${SUBCOMMAND_INFO.update.example}\n全部用法请发送 /project 帮助` };
  }
}

function parse(text: string, today: LocalDate): ParseResult {
  if (text.length > MAX_INPUT_CHARS) {
    return {
      ok: false,
      error: `内容太长（超过 ${MAX_INPUT_CHARS} 字）：请精简，或分几次更新；也可以只写项目编号打开表单填写。\n例如：/project 更新 #12`,
    };
  }
  const tokens = tokenize(cleanInput(text));
  if (!tokens.ok) {
    const sub = resolveSubcommand(text.trim().split(/[\s\u3000]+/)[0] ?? "");
    return { ok: false, error: refusal([tokens.problem], SUBCOMMAND_INFO[sub ?? "update"].example) };
  }
  const [first, ...rest] = tokens.words;
  if (!first) return { ok: true, command: "help", topic: null };

  const word = wordText(first);
  const sub = isQuoted(first) ? null : resolveSubcommand(word);
  if (!sub) {
    // `/project #12` alone is taken as 查看 #12: nothing else could be meant.
    const id = rest.length === 0 ? parseIdRef(word) : null;
    if (id?.ok) return { ok: true, command: "show", project: id.value };
    return { ok: false, error: unknownSubcommand(word, text) };
  }

  const items = toItems(rest, isKnownKey);
  if (!items.ok) return { ok: false, error: refusal([items.problem], SUBCOMMAND_INFO[sub].example) };
  return PARSERS[sub](splitParts(items.items, sub, today));
}
