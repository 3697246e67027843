import { readFileSync } from "node:fs";
import { ZodError } from "zod";
import { UsageError } from "./output.ts";

/**
 * `dispatch settings set` and `dispatch jobs configure`: read a JSON file,
 * save it (the save validates), print the result; a bad file or value is a
 * usage error that says what to fix.
 */
export async function saveJsonFile<T>(file: string, example: string, save: (value: unknown) => Promise<T>): Promise<void> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`无法读取 ${file}：${(e as Error).message}。文件内容应为 JSON，例如 ${example}`);
  }
  try {
    process.stdout.write(`${JSON.stringify(await save(value), null, 2)}\n`);
  } catch (e) {
    if (e instanceof ZodError) throw new UsageError(`设置有误：${e.issues.map((i) => `${i.path.join(".")}：${i.message}`).join("；")}`);
    throw e;
  }
}
