import { chromium, type Browser } from "playwright-core";
import { describe, it } from "vitest";
import { findChromium, underCi } from "../../scripts/find-chromium.mjs";

// Debian's Chromium, driven by playwright-core (no browser download), found
// the same way .ci/run finds it (scripts/find-chromium.mjs). Without it the
// browser tests are skipped on a person's machine, with a note, and FAIL
// under CI: a green CI run means the browser was tested.

export const CHROMIUM = findChromium();

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error("Chromium not found");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export type BrowserPlan = "run" | "skip" | "fail";

/** What a browser test file does on this machine. */
export function browserPlan(chromiumPath: string | null, env: Record<string, string | undefined>): BrowserPlan {
  if (chromiumPath) return "run";
  return underCi(env) ? "fail" : "skip";
}

/** `describe` for tests that need Chromium: runs them, skips them (saying so), or fails under CI. */
export function describeInBrowser(name: string, body: () => void): void {
  const plan = browserPlan(CHROMIUM, process.env);
  if (plan === "run") return void describe(name, body);
  if (plan === "fail")
    return void describe(name, () =>
      it("needs Chromium under CI", () => {
        throw new Error("CI is set but Chromium was not found (scripts/find-chromium.mjs): install it (apt-get install chromium) or set CHROMIUM_PATH.");
      }),
    );
  process.stderr.write(`[${name}] skipped: Chromium not found (install it or set CHROMIUM_PATH; under CI this fails)\n`);
  describe.skip(name, body);
}
