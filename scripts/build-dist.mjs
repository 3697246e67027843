// Compiles src/ to plain JavaScript in dist/ (same layout), run by `npm
// install` and `npm run build`. The bot and `dispatch` run from dist/ when it
// is newer than every source file (bin/entry.js checks), which starts faster
// and uses less memory than compiling TypeScript on the fly; otherwise they
// fall back to the sources through tsx, so an edited checkout still runs.
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const SRC = join(ROOT, "src");
const DIST = join(ROOT, "dist");

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const all = files(SRC);
rmSync(DIST, { recursive: true, force: true });
await build({
  entryPoints: all.filter((f) => f.endsWith(".ts")),
  outdir: DIST,
  outbase: SRC,
  bundle: false,
  format: "esm",
  platform: "node",
  target: "node20.19",
  logLevel: "warning",
});
// Relative imports name the .ts files (allowImportingTsExtensions): point them at the .js output.
const RELATIVE_TS = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.ts(["'])/g;
for (const f of files(DIST)) if (f.endsWith(".js")) writeFileSync(f, readFileSync(f, "utf8").replace(RELATIVE_TS, "$1$2.js$3"));
// Everything else (the sandbox page, the worker bootstrap) as it is.
for (const f of all.filter((f) => !f.endsWith(".ts"))) {
  const to = join(DIST, relative(SRC, f));
  mkdirSync(join(to, ".."), { recursive: true });
  cpSync(f, to);
}
writeFileSync(join(DIST, ".built"), new Date().toISOString());
