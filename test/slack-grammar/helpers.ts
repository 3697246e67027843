import { expect } from "vitest";
import { parseProjectCommand, type ParseResult, type ProjectCommand } from "../../src/slack-grammar/index.ts";

/** Monday 2026-11-23: every test reads dates against this day. */
export const TODAY = "2026-11-23";

export function parse(text: string): ParseResult {
  return parseProjectCommand(text, TODAY);
}

/** The structured command, failing the test with the refusal text when refused. */
export function accepted(text: string): ProjectCommand {
  const r = parse(text);
  if (!r.ok) expect.fail(`expected ${JSON.stringify(text)} to parse, got: ${r.error}`);
  const { ok: _ok, ...command } = r;
  return command as ProjectCommand;
}

export function refused(text: string): string {
  const r = parse(text);
  if (r.ok) expect.fail(`expected ${JSON.stringify(text)} to be refused, got: ${JSON.stringify(r)}`);
  return r.error;
}
