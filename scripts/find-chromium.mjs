#!/usr/bin/env node
// The one way this project finds Chromium for the browser tests, used by
// test/helpers/browser.ts and by .ci/run (`node scripts/find-chromium.mjs`
// prints the path, or exits 1), so CI cannot install one browser and test
// with another, or go green with none.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

const NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set (and only it: a wrong setting is not quietly replaced), else the first on PATH. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean))
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  return null;
}

/** Whether this run is CI (CI=true, as GitHub, GitLab and most runners set it). */
export function underCi(env = process.env) {
  return !!env.CI && !["0", "false"].includes(env.CI.toLowerCase());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findChromium();
  if (!found) {
    process.stderr.write("未找到 Chromium：请安装（Debian: apt-get install chromium）或设置 CHROMIUM_PATH。\n");
    process.exit(1);
  }
  process.stdout.write(`${found}\n`);
}
