import type { Project } from "../domain/types.ts";
import { AlreadyAppliedError, NotFoundError, VersionConflictError } from "../store/errors.ts";

// What a use case answers: done, or refused with a Chinese message saying why
// and how to do it right. Slack listeners and the CLI only render these.

export type Refusal =
  /** `field`: the form field the refusal is about, when it is not the one the form would name. */
  | { ok: false; kind: "invalid" | "forbidden" | "not_found"; error: string; field?: string }
  | { ok: false; kind: "conflict"; error: string; current: Project }
  | { ok: false; kind: "duplicate"; error: string };

export type Result<T> = { ok: true; value: T } | Refusal;

/**
 * A use case run with `checkOnly` stops here, just before writing: every check
 * passed (a form is refused inline, before Slack closes it, on this answer).
 */
export const CHECKED = { ok: true, value: undefined as never } as const;

export const ALREADY_DONE: Refusal = { ok: false, kind: "duplicate", error: "该操作已处理过，未重复记录。" };

export const done = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = (kind: "invalid" | "forbidden" | "not_found", error: string): Refusal => ({ ok: false, kind, error });

/** Turns the store's expected failures into refusals; anything else is a real error and is rethrown. */
export async function guard<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof VersionConflictError) return { ok: false, kind: "conflict", error: e.message, current: e.current };
    if (e instanceof AlreadyAppliedError) return { ok: false, kind: "duplicate", error: e.message };
    if (e instanceof NotFoundError) return refuse("not_found", e.message);
    throw e;
  }
}
