import { describe, expect, it } from "vitest";
import { HELP_TEXT, helpFor, SUBCOMMAND_INFO, SUBCOMMANDS } from "../../src/slack-grammar/index.ts";
import { parse } from "./helpers.ts";

/** Example command lines of a help text (bulleted or indented), without trailing notes like （打开表单）. */
function commandLines(text: string): string[] {
  return [...text.matchAll(/^[•\s]+\/project ([^\n（）]*)/gm)].map((m) => m[1]!.trim());
}

describe("help", () => {
  it("HELP_TEXT is the overview: every subcommand, Chinese and English, in README's order, with its example", () => {
    // The subcommand lines as README and SPEC name them, written out here rather than read from SUBCOMMAND_INFO.
    const named = [...HELP_TEXT.matchAll(/^• (\S+) ([a-z]+)：/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(named).toEqual(["新建 new", "更新 update", "查看 show", "列表 list", "到位 funds", "未来订单 followon", "督办 supervise", "反馈 feedback", "申请销号 request", "销号 close", "退回 return", "延期 extend", "滞后 stalled", "未开工 unstarted", "排名 rank", "调度 digest", "决定 decide", "散会 adjourn", "帮助 help"]);
    expect(HELP_TEXT.split("\n")[0]).toBe("*/project 用法*（子命令中文、英文均可）");
    expect(HELP_TEXT).toContain("• 更新 update：更新项目进展、阶段、下一步等\n   /project 更新 #12 阶段=签约 进展=\"已完成土地摘牌\" 截止=12-15");
    expect(HELP_TEXT).toContain("• 金额：3000万、2.5亿、1,200万元；不写单位按万元");
    expect(HELP_TEXT.split("\n").at(-1)).toBe("某个子命令的详细用法：/project 帮助 更新");
    // Every example shown in the overview is the one the subcommand's refusals show.
    expect(commandLines(HELP_TEXT).slice(0, SUBCOMMANDS.length)).toEqual(SUBCOMMANDS.map((n) => SUBCOMMAND_INFO[n].example.replace(/^\/project /, "")));
  });

  it("no topic and an empty topic both give the overview, not a subcommand's help", () => {
    expect(helpFor(null)).toBe(HELP_TEXT);
    expect(helpFor()).toBe(HELP_TEXT);
    expect(helpFor("update")).not.toBe(HELP_TEXT);
    expect(helpFor("update").split("\n")[0]).toBe("*/project 更新（update）*：更新项目进展、阶段、下一步等");
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
