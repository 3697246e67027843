import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PDFParse } from "pdf-parse";

// The Word documents (纪要, 议程) as a reader sees them: rendered by
// LibreOffice (.ci/run installs it) to a PDF, whose text the tests read.

export function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Renders `dir/name.docx` to `dir/name.pdf` and gives the PDF's text without whitespace. */
export async function docxAsPdfText(dir: string, docx: string): Promise<string> {
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--convert-to", "pdf", "--outdir", dir, join(dir, docx)], { stdio: "ignore", timeout: 120_000 });
  const parser = new PDFParse({ data: readFileSync(join(dir, `${basename(docx, ".docx")}.pdf`)) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, "");
  } finally {
    await parser.destroy();
  }
}
