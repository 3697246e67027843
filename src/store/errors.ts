import type { Project } from "../domain/types.ts";

/** Someone else saved the project since it was read: nothing was written. */
export class VersionConflictError extends Error {
  constructor(public readonly current: Project) {
    super(`项目 #${current.id} 刚被他人修改（当前版本 ${current.version}），本次修改未保存。请查看最新内容后重试。`);
  }
}

/** The request (Slack retry, double click, re-run) was already applied once: nothing was written again. */
export class AlreadyAppliedError extends Error {
  constructor(public readonly key: string, public readonly result: string) {
    // The key is internal (it names the team, the user, the delivery): never shown.
    super("该操作已处理过，未重复记录。");
  }
}

export class NotFoundError extends Error {}

/** Prisma's unique-constraint violation, whichever provider raised it. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** A wait on the store that was given up on (the store answered too slowly or not at all). */
export class StoreTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`store did not answer ${what} within ${ms} ms`);
  }
}

/** Resolves as `work` does, or fails with StoreTimeoutError after `ms` (the work itself carries on). */
export function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new StoreTimeoutError(what, ms)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// What drivers and Prisma say when the database is down, unreachable, locked
// or too slow (as opposed to a refused or mistaken query).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_READONLY", "57P01", "57P03", "55P03", "57014"]);
const UNAVAILABLE_TEXT =
  /Can't reach database|Operation has timed out|timed out|timeout exceeded|Connection terminated|connection (is )?closed|Server has closed the connection|database is locked|unable to open database|ECONNREFUSED|ECONNRESET|ETIMEDOUT|Transaction API error|lock timeout|canceling statement/i;

/** Whether an error means "the store is not available now" (retry later), not "this request is wrong". */
export function isStoreUnavailable(e: unknown): boolean {
  for (let err = e as { code?: unknown; message?: unknown; cause?: unknown; errorCode?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (err instanceof StoreTimeoutError) return true;
    for (const c of [err.code, err.errorCode, (err as { originalCode?: unknown }).originalCode]) if (typeof c === "string" && (UNAVAILABLE_CODES.has(c) || UNAVAILABLE_CODES.has(c.split("_").slice(0, 2).join("_")))) return true;
    if (typeof err.message === "string" && UNAVAILABLE_TEXT.test(err.message)) return true;
    if (typeof err !== "object") break;
  }
  return false;
}
