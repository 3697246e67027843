// Cold starts of `dispatch` and the idle memory of the bot (the sandbox: bot,
// Slack stand-in and page on the demo district), each in fresh processes.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const DISPATCH = join(ROOT, "bin", "dispatch.js");
const env = (dir: string) => ({ ...process.env, DATABASE_URL: `file:${join(dir, "demo.db")}`, DISPATCH_NOW: "2026-11-23T09:00:00+08:00", SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "", SLACK_SIGNING_SECRET: "" });

/** The sandbox starts only with no Slack setting at all, and keeps to its own store (never DATABASE_URL). */
function sandboxEnv(dir: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("SLACK_") && k !== "DATABASE_URL"));
  return { ...clean, SANDBOX_DATABASE_URL: `file:${join(dir, "sandbox.db")}`, PORT: "0", LOG_LEVEL: "silent" };
}

function timed(args: string[], e: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { env: e, stdio: ["ignore", "ignore", "ignore"] });
  return (performance.now() - t0) / 1000;
}

/** Seconds per run of each command, alternated in rounds. */
export function cliColdStarts(runs: number): { help: number[]; weekly: number[]; node: number[] } {
  const dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
  execFileSync(process.execPath, [DISPATCH, "demo"], { env: env(dir), stdio: "ignore" });
  const out = { help: [] as number[], weekly: [] as number[], node: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.node.push(timed(["-e", "0"], env(dir)));
    out.help.push(timed([DISPATCH, "--help"], env(dir)));
    out.weekly.push(timed([DISPATCH, "report", "weekly"], env(dir)));
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** Resident memory of the sandbox a few seconds after it is ready, in MB. */
export async function idleRssMb(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "bench-idle-"));
  const child = spawn(process.execPath, [join(ROOT, "bin", "start.js")], { env: sandboxEnv(dir), stdio: ["ignore", "pipe", "ignore"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("Sandbox ready") && resolve());
    child.once("exit", (code) => reject(new Error(`sandbox exited ${code}`)));
  });
  await new Promise((r) => setTimeout(r, 5_000));
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(dir, { recursive: true, force: true });
  return rss;
}
