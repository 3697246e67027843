import { describe, expect, it } from "vitest";
import { HELP_TEXT, helpFor, SUBCOMMAND_INFO, SUBCOMMANDS } from "../../src/slack-grammar/index.ts";
import { parse } from "./helpers.ts";

/** Example command lines of a help text (bulleted or indented), without trailing notes like （打开表单）. */
function commandLines(text: string): string[] {
  return [...text.matchAll(/^[•\s]+\/project ([^\n（）]*)/gm)].map((m) => m[1]!.trim());
}

describe("help", () => {
  it("HELP_TEXT is the overview: every subcommand, Chinese and English, with its example", () => {
    expect(HELP_TEXT).toBe(helpFor());
    expect(HELP_TEXT).toBe(helpFor(null));
    for (const name of SUBCOMMANDS) {
      const info = SUBCOMMAND_INFO[name];
      expect(HELP_TEXT).toContain(`${info.zh} ${info.en}`);
      expect(HELP_TEXT).toContain(info.example);
    }
    expect(HELP_TEXT).toContain("/project 帮助 更新");
  });

  it.each([null, ...SUBCOMMANDS])("help for %s stays under 2,500 characters", (topic) => {
    expect(helpFor(topic).length).toBeLessThan(2500);
  });

  it.each(SUBCOMMANDS)("help for %s shows its usage, example and (if any) its keys", (topic) => {
    const text = helpFor(topic);
    expect(text).toContain(`/project ${SUBCOMMAND_INFO[topic].zh}`);
    expect(text).toContain("例如");
    if (topic === "update") for (const key of ["阶段（stage）", "到位日期（funds_date/date）", "责任人（owner/users）"]) expect(text).toContain(key);
  });

  it("every full example in every help text parses", () => {
    const lines = [null, ...SUBCOMMANDS].flatMap((t) => commandLines(helpFor(t)));
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      const r = parse(line);
      expect(r, `${line} → ${r.ok ? "" : r.error}`).toMatchObject({ ok: true });
    }
  });

  it("every subcommand's example (shown in its refusals) parses", () => {
    for (const name of SUBCOMMANDS) {
      const r = parse(SUBCOMMAND_INFO[name].example.replace(/^\/project /, ""));
      expect(r).toMatchObject({ ok: true, command: name });
    }
  });
});
