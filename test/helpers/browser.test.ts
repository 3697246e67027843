import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "../../scripts/find-chromium.mjs";
import { browserPlan } from "./browser.ts";

// The browser tests and .ci/run must find Chromium the same way, and a CI run
// without it must fail rather than skip.

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "find-chromium-"));
const fake = join(dir, "chromium-browser");
writeFileSync(fake, "#!/bin/sh\n");
chmodSync(fake, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `.ci/run`'s lookup prints for an environment (null when it exits 1). */
function ciLookup(env: Record<string, string>): string | null {
  try {
    return execFileSync(process.execPath, [join(ROOT, "scripts/find-chromium.mjs")], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    return null;
  }
}

describe("finding Chromium", () => {
  const cases: Record<string, string>[] = [{ PATH: dir }, { PATH: "/nonexistent" }, { PATH: dir, CHROMIUM_PATH: join(dir, "missing") }, { PATH: "/nonexistent", CHROMIUM_PATH: fake }];

  it("looks on PATH, or only at CHROMIUM_PATH when it is set", () => {
    expect(cases.map((env) => findChromium(env))).toEqual([fake, null, null, fake]);
  });

  it("gives .ci/run the same answer as the tests", () => {
    expect(cases.map((env) => ciLookup(env))).toEqual(cases.map((env) => findChromium(env)));
    expect(readFileSync(join(ROOT, ".ci/run"), "utf8")).toMatch(/node scripts\/find-chromium\.mjs/);
  });

  it("fails the browser tests under CI when it is missing, skips them elsewhere", () => {
    expect(browserPlan(null, { CI: "true" })).toBe("fail");
    expect(browserPlan(null, { CI: "1" })).toBe("fail");
    expect(browserPlan(null, {})).toBe("skip");
    expect(browserPlan(null, { CI: "false" })).toBe("skip");
    expect(browserPlan(fake, { CI: "true" })).toBe("run");
  });
});
