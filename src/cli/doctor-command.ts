import type { Command } from "commander";

// `dispatch doctor`: one line per check, ✅ or ❌ with what to do; exit 0 when
// all pass, 1 otherwise (so deployment scripts can stop on it).

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description("检查配置、数据库、Slack 令牌与权限、机器人能否在汇总频道和各工作组频道发送 / check the bot can work in this workspace")
    .action(async () => {
      // Loaded here: the checks bring the Slack client and the proxy agent, which no other command needs.
      const { formatCheck, runDoctor } = await import("../doctor/checks.ts");
      const checks = await runDoctor(process.env);
      for (const c of checks) process.stdout.write(`${formatCheck(c)}\n`);
      const failed = checks.filter((c) => !c.ok).length;
      process.stdout.write(failed === 0 ? "\n全部检查通过。\n" : `\n${failed} 项未通过，请按 → 后的提示处理后再运行 dispatch doctor。\n`);
      process.exitCode = failed === 0 ? 0 : 1;
    });
}
