import { afterAll, afterEach } from "vitest";
import type { RecordedCall, SlackStandin } from "../../src/slack-standin/index.ts";

// The Block Kit guard: after every test, each call the Slack stand-in refused
// (invalid Block Kit, a missing argument, an expired trigger_id, a used-up
// response_url, ...) fails that test, unless the test declared it with
// expectRefusal(). Real Slack would have refused the same call and the user
// would have seen nothing, so a test that passes over a refusal is wrong.
//
// The hooks are registered when this module is loaded, i.e. by every test
// file that imports a harness (vitest loads modules afresh per test file), so
// no test file has to remember them. The guard listens to the stand-in's
// calls as they happen: clear() and reset() do not hide anything from it.

export interface RefusalGuard {
  /**
   * This test expects the stand-in to refuse exactly `times` calls to `method`
   * with `error` (e.g. an injected 500, a refused form). Checked after the test.
   */
  expectRefusal(method: string, error: string, times?: number): void;
}

interface Guard {
  check(testFailed: boolean): Promise<string[]>;
}

const active = new Set<Guard>();

/**
 * Watches `standin`'s calls. `settle` resolves once the bot has
 * finished the work it accepted (answers it sends after acknowledging), so
 * late calls are checked against the test that caused them. After `retire()`
 * (the harness closed) the guard checks once more, then leaves.
 */
export function guardStandin(standin: SlackStandin, settle: () => Promise<void> = async () => {}): RefusalGuard & { retire(): void } {
  let retired = false;
  let refused: RecordedCall[] = [];
  let expected: Array<{ method: string; error: string; times: number }> = [];
  const unsubscribe = standin.on("call", (call) => {
    if (!call.ok) refused.push(call);
  });
  const guard: Guard = {
    async check(testFailed) {
      await settle();
      const problems: string[] = [];
      const left = [...refused];
      for (const e of expected) {
        const matching = left.filter((c) => c.method === e.method && c.error === e.error);
        // A test that already failed (a timeout, say) may not have reached the call it expected to be refused.
        if (matching.length !== e.times && !(testFailed && matching.length < e.times)) problems.push(`expected ${e.times} refusal(s) of ${e.method} with ${e.error}, the stand-in refused ${matching.length}`);
        for (const c of matching) left.splice(left.indexOf(c), 1);
      }
      for (const c of left) problems.push(`the stand-in refused ${describe(c)}`);
      refused = [];
      expected = [];
      if (retired) active.delete(guard);
      return problems;
    },
  };
  active.add(guard);
  return {
    expectRefusal(method, error, times = 1) {
      expected.push({ method, error, times });
    },
    retire() {
      retired = true;
      unsubscribe();
    },
  };
}

function describe(c: RecordedCall): string {
  const messages = (c.response?.response_metadata as { messages?: string[] } | undefined)?.messages ?? [];
  return `${c.method} (HTTP ${c.status}): ${c.error}${messages.length ? `\n    ${messages.join("\n    ")}` : ""}`;
}

/** What the hooks run after each test; exported for the guard's own test. */
export async function checkGuards(testFailed = false): Promise<void> {
  const problems = (await Promise.all([...active].map((g) => g.check(testFailed)))).flat();
  if (problems.length) throw new Error(`The Slack stand-in refused calls this test did not declare (see expectRefusal()):\n  ${problems.join("\n  ")}`);
}

afterEach((ctx) => checkGuards(ctx.task.result?.state === "fail"));
// Calls made after the last test, e.g. while the harness stopped in afterAll.
afterAll(() => checkGuards());
