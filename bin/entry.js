// Runs an entry module of src/ ("cli/main", "main"): the compiled copy in
// dist/ when it is newer than every source file (built by `npm install` or
// `npm run build`), otherwise the TypeScript source through tsx, so an
// edited checkout never runs stale code.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function distIsFresh() {
  try {
    return statSync(join(ROOT, "dist", ".built")).mtimeMs >= newestSource(join(ROOT, "src"));
  } catch {
    return false;
  }
}

export async function runEntry(name) {
  if (process.env.DISPATCH_FROM_SOURCE !== "1" && distIsFresh()) return import(`../dist/${name}.js`);
  const { register } = await import("tsx/esm/api");
  register();
  return import(`../src/${name}.ts`);
}
