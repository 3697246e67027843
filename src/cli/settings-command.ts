import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { ZodError } from "zod";
import type { Db } from "../store/client.ts";
import { loadRules, saveRulesOverride } from "../store/settings.ts";
import { UsageError } from "./output.ts";

export function registerSettings(program: Command, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>) {
  const settings = program.command("settings").description("阈值与权重设置 / thresholds and weights (SPEC.md defaults)");
  settings
    .command("show")
    .description("打印当前生效的全部设置（JSON）")
    .action(async () => {
      const rules = await withDb(loadRules);
      process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    });
  settings
    .command("set")
    .description("用 JSON 文件覆盖部分设置，例如 {\"originWeights\":{\"IN_DISTRICT\":0.1}}")
    .argument("<file.json>")
    .action(async (file: string) => {
      let override: unknown;
      try {
        override = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new UsageError(`无法读取 ${file}：${(e as Error).message}。文件内容应为 JSON，例如 {"health":{"redNoUpdateDays":21}}`);
      }
      try {
        const rules = await withDb((db) => saveRulesOverride(db, override));
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      } catch (e) {
        if (e instanceof ZodError) throw new UsageError(`设置有误：${e.issues.map((i) => `${i.path.join(".")}：${i.message}`).join("；")}`);
        throw e;
      }
    });
}
