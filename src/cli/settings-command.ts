import type { Command } from "commander";
import type { Db } from "../store/client.ts";
import { loadRules, saveRulesOverride } from "../store/settings.ts";
import { saveJsonFile } from "./json-settings.ts";

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
    .action((file: string) => saveJsonFile(file, `{"health":{"redNoUpdateDays":21}}`, (v) => withDb((db) => saveRulesOverride(db, v))));
}
