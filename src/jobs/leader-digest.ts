import { dayRangeInProse, TERMS } from "../domain/glossary.ts";
import { parseWeek, weekRange } from "../domain/periods.ts";
import { buildLeaders } from "../services/leaders-service.ts";
import { leaderDigestMessages } from "../slack/blocks/leader-digest-blocks.ts";
import { context } from "../slack/blocks/kit.ts";
import { loadUpdatedProjectIds } from "../store/snapshot.ts";
import { lateNotice, type JobContext } from "./job-context.ts";
import type { JobPlan, Post } from "./post-plan.ts";

// 领导包联周报: on the first working day of the week, a direct message to each
// 包联领导 in Slack about last week: their projects' lights, the 签约未开工
// ones, overdue 督办 and what changed. A leader with nothing to report (all
// green, nothing waiting, nothing changed) is not disturbed. One post per
// leader, keyed by their id, so a retry resumes where it stopped.

export async function planLeaderDigest(ctx: JobContext): Promise<JobPlan> {
  const week = parseWeek(ctx.due.period)!;
  const { start, end } = weekRange(week);
  const report = await buildLeaders(ctx.db, { now: ctx.now, asOf: end }, ctx.rules);
  const changed = await loadUpdatedProjectIds(ctx.db, start, end, ctx.rules.timeZone);
  const notice = lateNotice(ctx);
  const posts: Post[] = [];
  for (const leader of report.leaders) {
    if (!leader.slackId) continue;
    const changedProjects = leader.projects.filter((p) => changed.has(p.projectId));
    const attention = leader.projects.filter((p) => p.light === "RED" || p.light === "YELLOW" || p.unstarted);
    if (!attention.length && !leader.overdueSupervision.length && !changedProjects.length) continue;
    const messages = leaderDigestMessages(leader, { weekLabel: ctx.due.period, range: dayRangeInProse(start, end), asOf: end, changed: changedProjects });
    if (notice) messages[0] = [context([notice]), ...messages[0]!];
    posts.push({ key: `leader:${leader.slackId}`, channel: leader.slackId, recipient: `${TERMS.leader} ${leader.leader}`, text: `${TERMS.leader}周报 ${ctx.due.period}：${leader.leader}`, messages });
  }
  return { posts, ...(posts.length ? {} : { skipped: "没有需要报告的包联领导" }) };
}
