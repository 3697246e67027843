import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_WAN } from "../../src/domain/money.ts";
import { isLocalDate } from "../../src/domain/periods.ts";
import { STAGES } from "../../src/domain/types.ts";
import {
  FIELD_TABLES,
  parseProjectCommand,
  SUBCOMMAND_INFO,
  SUBCOMMANDS,
  type ParseResult,
  type ProjectChanges,
  type ProjectRef,
} from "../../src/slack-grammar/index.ts";

// Whatever is typed, the parser returns: never throws, and either a command
// whose every value is well-formed, or a short Chinese refusal.

const TODAY = "2026-11-23";
const CJK = /[\u4e00-\u9fff]/;

/** Why an accepted command is malformed; null when it is fine. */
function malformed(r: Extract<ParseResult, { ok: true }>): string | null {
  const ref = (p: ProjectRef | null, nullable: boolean) => {
    if (p === null) return nullable ? null : "project missing";
    if (p.kind === "id") return Number.isInteger(p.id) && p.id >= 1 && p.id <= 2_147_483_647 ? null : `bad id ${p.id}`;
    return p.kind === "name" && p.text.trim() !== "" && p.text === p.text.trim() ? null : `bad name ${JSON.stringify(p)}`;
  };
  const date = (d: unknown) => (d === undefined || (typeof d === "string" && isLocalDate(d)) ? null : `bad date ${String(d)}`);
  const money = (w: unknown, positive = false) =>
    w === undefined || (typeof w === "number" && Number.isInteger(w) && w >= (positive ? 1 : 0) && w <= MAX_WAN) ? null : `bad money ${String(w)}`;
  const stage = (s: unknown) => (s === undefined || s === "DROPPED" || (STAGES as readonly unknown[]).includes(s) ? null : `bad stage ${String(s)}`);
  const fields = (c: ProjectChanges) =>
    [
      date(c.due === null ? undefined : c.due),
      date(c.stageDate),
      date(c.fundsDate),
      money(c.agreedWan),
      money(c.outputWan),
      money(c.fundsWan, true),
      stage(c.stage),
      c.fundsDate !== undefined && c.fundsDate > TODAY ? "funds date in the future" : null,
    ].find((x) => x !== null) ?? null;

  if (!(SUBCOMMANDS as readonly string[]).includes(r.command)) return `unknown command ${r.command}`;
  switch (r.command) {
    case "new":
      return fields(r.fields) ?? (r.needsForm === r.missing.length > 0 ? null : "needsForm disagrees with missing");
    case "update":
      if (!r.needsForm && Object.keys(r.changes).length === 0) return "update without changes but no form";
      return ref(r.project, r.needsForm) ?? fields(r.changes);
    case "show":
      return ref(r.project, false);
    case "funds":
      return ref(r.project, r.needsForm) ?? date(r.date) ?? money(r.amountWan, true) ?? (r.date > TODAY ? "funds in the future" : null);
    case "supervise":
      return ref(r.project, r.needsForm) ?? date(r.deadline) ?? (!r.needsForm && !r.issue.trim() ? "empty issue" : null);
    case "close":
      return r.target.kind === "project" ? ref(r.target.project, false) : Number.isInteger(r.target.id) && r.target.id >= 1 ? null : "bad item id";
    case "list":
      return typeof r.filters.mine === "boolean" ? stage(r.filters.stage) : "mine missing";
    case "rank":
      return r.by === "group" || r.by === "unit" ? null : "bad rank";
    case "help":
      return r.topic === null || (SUBCOMMANDS as readonly string[]).includes(r.topic) ? null : "bad topic";
    default:
      return null;
  }
}

function check(text: string): void {
  let r: ParseResult;
  try {
    r = parseProjectCommand(text, TODAY);
  } catch (e) {
    throw new Error(`threw on ${JSON.stringify(text.slice(0, 200))}: ${String(e)}`);
  }
  if (r.ok) {
    const why = malformed(r);
    if (why) throw new Error(`${why} for ${JSON.stringify(text.slice(0, 200))}: ${JSON.stringify(r).slice(0, 400)}`);
  } else {
    expect(typeof r.error).toBe("string");
    expect(r.error.trim().length).toBeGreaterThan(0);
    expect(r.error.length).toBeLessThan(2000);
    expect(r.error).toMatch(CJK);
    expect(Object.keys(r).sort()).toEqual(["error", "ok"]);
  }
}

// ---- arbitraries ----

const HOSTILE = [
  "",
  " ",
  "\u3000\u3000\u3000",
  "\t\n\r",
  `'; DROP TABLE "Project"; --`,
  `更新 #1 进展='; DROP TABLE "Project"; --`,
  `查看 '; DROP TABLE "Project"; --`,
  "更新 #1 名称=\"",
  "更新 #1 名称=“",
  "更新 #1 名称=「锂电",
  '"',
  "“”",
  "「」『』‘’",
  "=",
  "＝＝＝",
  "::::",
  "更新 =",
  "更新 #",
  "更新 ＃",
  "更新 #-1",
  "到位 #1 +",
  "到位 #1 +-5",
  "到位 #1 ++5万",
  "销号 督办",
  "<@>",
  "更新 #1 责任人=<@",
  "\u0000\u0001\u001f",
  "\uD800",
  "更新 #1 进展=\uDC00\uD800",
  "👨‍👩‍👧‍👦 🇨🇳 🏳️‍🌈",
  "更新 #1 进展=🎉🎉🎉 阶段=🚀",
  "\u200B\u200B\u200B",
  "\uFEFF更新 #1 阶段=签约",
  "更新\u00A0#1\u00A0阶段=签约",
  "ＵＰＤＡＴＥ ＃１ ＳＴＡＧＥ＝ＳＩＧＮＥＤ",
  "𠀀𠀁 #1",
  "#".repeat(3999),
  "“".repeat(3999),
  '"'.repeat(3999),
  `更新 #1 ${"a=b ".repeat(990)}`,
  `更新 #1 ${"阶段=签约 ".repeat(600)}`,
  `更新 ${"锂电 ".repeat(1300)}`,
  "更新 #1 截止=2026-02-29",
  "更新 #1 截止=+99999",
  "更新 #1 协议资金=99999999999999999999亿",
  "到位 #99999999999999999999 5万",
];

const spaces = fc.constantFrom(" ", "  ", "\u3000", " \u3000 ");
const subcommandWord = fc
  .constantFrom(...SUBCOMMANDS)
  .chain((n) => fc.constantFrom(SUBCOMMAND_INFO[n].zh, SUBCOMMAND_INFO[n].en, SUBCOMMAND_INFO[n].en.toUpperCase()));
const allKeys = [...new Set(Object.values(FIELD_TABLES).flatMap((t) => t.flatMap((d) => [d.key, ...d.aliases])))];
const separator = fc.constantFrom("=", "＝", ":", "：", " = ", "= ", " =");
const garbage = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.constantFrom("签约", "终止", "3000万", "+500万", "-5", "2.5", "12-15", "下周一", "+7", "无", "<@U123>", "<@U1|王>", "市外", "工业", "红", "#12", "督办12"),
);
const quoted = (v: string) => fc.constantFrom(`"${v}"`, `“${v}”`, `「${v}」`, `‘${v}’`, `"${v}`, `“${v}`, `${v}"`, `「${v}`);
const value = fc.oneof(garbage, garbage.chain(quoted));
const field = fc.tuple(fc.constantFrom(...allKeys), separator, value).map(([k, s, v]) => `${k}${s}${v}`);
const ref = fc.oneof(
  fc.integer({ min: -5, max: 3_000_000_000 }).map((n) => `#${n}`),
  fc.integer({ min: 0, max: 99 }).map((n) => `＃${String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`),
  garbage,
  garbage.chain(quoted),
);
const structured = fc
  .tuple(subcommandWord, fc.array(fc.oneof(ref, field, field, garbage), { maxLength: 8 }), fc.array(spaces, { minLength: 9, maxLength: 9 }))
  .map(([sub, parts, gaps]) => [sub, ...parts].map((p, i) => (i === 0 ? p : `${gaps[i - 1]}${p}`)).join(""));

describe("the parser never throws and always answers well-formed", () => {
  it.each(HOSTILE.map((t) => [t.length > 40 ? `${t.slice(0, 40)}… (${t.length} chars)` : t, t]))("hostile %j", (_label, text) => {
    check(text);
  });

  it("random strings of any unicode", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), check), { numRuns: 500 });
  });

  it("random text behind every subcommand", () => {
    fc.assert(
      fc.property(subcommandWord, spaces, fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 })), (s, gap, rest) =>
        check(`${s}${gap}${rest}`),
      ),
      { numRuns: 500 },
    );
  });

  it("valid keys with garbage values, quotes balanced or not, mixed widths", () => {
    fc.assert(fc.property(structured, check), { numRuns: 2000 });
  });

  it("10,000-character strings are refused quickly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 10_000, maxLength: 10_000 }), subcommandWord, (long, sub) => {
        check(long);
        check(`${sub} ${long}`);
        expect(parseProjectCommand(`${sub} ${long}`, TODAY)).toMatchObject({ ok: false });
      }),
      { numRuns: 20 },
    );
  });

  it("a full-width space anywhere reads like a half-width one", () => {
    fc.assert(
      fc.property(structured, (text) => {
        expect(parseProjectCommand(text.replace(/ /g, "\u3000"), TODAY)).toEqual(parseProjectCommand(text, TODAY));
      }),
      { numRuns: 500 },
    );
  });
});
