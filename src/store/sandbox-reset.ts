import type { Db } from "./client.ts";

/**
 * Forgets every scheduled post and ping the store remembers as sent. Only the
 * sandbox calls this, at start: its Slack workspace lives in memory, so after
 * a restart the channels are empty and the posts must be due again.
 */
export async function forgetPosts(db: Db): Promise<void> {
  await db.$transaction([db.overduePing.deleteMany({}), db.jobRun.deleteMany({})]);
}
