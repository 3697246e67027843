import { writeFileSync } from "node:fs";
import type ExcelJS from "exceljs";

// Where CLI output goes: stdout, or a file with a confirmation on stderr so
// that `--format json > x.json` stays clean.

export async function writeOutput(content: string | ExcelJS.Workbook, out: string | undefined): Promise<void> {
  if (typeof content === "string") {
    if (!out) {
      process.stdout.write(content.endsWith("\n") ? content : `${content}\n`);
      return;
    }
    writeFileSync(out, content);
  } else {
    if (!out) throw new UsageError("xlsx 格式需要用 --out 指定文件，例如 --out 周调度.xlsx");
    await content.xlsx.writeFile(out);
  }
  process.stderr.write(`已写入 ${out}\n`);
}

/** A mistake in how the command was written: exit code 2 and a message saying how to write it. */
export class UsageError extends Error {}
