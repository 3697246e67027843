import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";

// The real `dispatch` binary in a child process, as a person runs it.

export const DISPATCH_BIN = resolve(import.meta.dirname, "../../bin/dispatch.js");
const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `dispatch <args>` with these settings added to the environment; a non-zero exit is a result, not a throw. */
export async function runDispatch(args: string[], env: Record<string, string>): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [DISPATCH_BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as CliRun;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
