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
    super("该操作已处理过，未重复记录。"); // the key is internal: logged, never shown
  }
}

export class NotFoundError extends Error {}

/** Prisma's unique-constraint violation, whichever provider raised it. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
