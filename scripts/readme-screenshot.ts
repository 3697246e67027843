// Regenerates the README's picture (docs/sandbox-weekly-summary.png): the
// demo district's weekly 调度 summary in the sandbox, in Chromium at 1280×800,
// as of the demo's day. Run: node --import tsx scripts/readme-screenshot.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { createLogger } from "../src/log.ts";
import { startSandbox } from "../src/sandbox/start-sandbox.ts";
import { findChromium } from "./find-chromium.mjs";

const OUT = resolve(import.meta.dirname, "../docs/sandbox-weekly-summary.png");
const dir = mkdtempSync(join(tmpdir(), "readme-shot-"));
const sandbox = await startSandbox({ port: 0, databaseUrl: `file:${join(dir, "sandbox.db")}`, logger: createLogger("silent"), now: new Date("2026-11-23T01:00:00Z") });
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await page.goto(`${sandbox.url}?user=U0DEMO01#C0SUMMARY`);
  await page.getByTestId("jobs-toggle").click();
  await page.getByTestId("run-weekly_summary").click();
  await page.getByTestId("outcome-weekly_summary").waitFor();
  await page.getByTestId("channel-C0SUMMARY").click();
  const summary = page.locator('[data-testid^="message-"]', { hasText: "招商引资工作周调度" }).first();
  await summary.waitFor();
  await summary.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: OUT });
  process.stdout.write(`${OUT}\n`);
} finally {
  await browser.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
