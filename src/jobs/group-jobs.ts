import { workdaysOverdue } from "../domain/supervision.ts";
import { supervisionEscalationBlocks, type EscalatedItem } from "../slack/blocks/supervision-escalation.ts";
import { readSetting } from "../store/settings.ts";
import { isWorkday } from "../domain/calendar.ts";
import { assessHealth } from "../domain/health.ts";
import type { SupervisionItem } from "../domain/types.ts";
import { addDays, parseWeek, weekRange } from "../domain/periods.ts";
import { reportContext } from "../reports/report-context.ts";
import { fridayReminderBlocks, pingMessages, type PingItem } from "../slack/blocks/ping-blocks.ts";
import { mutedUsers, recentPings, recordPing } from "../store/pings.ts";
import { listGroups } from "../store/directory.ts";
import { loadOpenSupervision, loadStalledProjects } from "../store/report-rows.ts";
import { loadSnapshot, loadUpdatedProjectIds } from "../store/snapshot.ts";
import { lateNotice, type JobContext } from "./job-context.ts";
import type { JobPlan, Post } from "./post-plan.ts";
import { context } from "../slack/blocks/kit.ts";

// Posts in each group's own channel: the daily overdue ping (one message per
// group, not one per project) and the Friday reminder.

const OVERDUE = new Set(["NEXT_STEP_OVERDUE", "SUPERVISION_OVERDUE"]);

/** True when the group's last `n` pings were on consecutive working days up to yesterday's and nobody answered any. */
async function silentFor(ctx: JobContext, groupId: number, n: number): Promise<boolean> {
  const pings = (await recentPings(ctx.db, groupId, n + 1)).filter((p) => p.day < ctx.due.period).slice(0, n);
  if (pings.length < n || pings.some((p) => p.acknowledgedAt !== null)) return false;
  // Each ping must be on the working day just before the next one (no gap in the silence).
  let expect = ctx.due.period;
  for (const p of pings) {
    let prev = expect;
    do prev = addDays(prev, -1);
    while (!isWorkday(prev));
    if (p.day !== prev) return false;
    expect = p.day;
  }
  return true;
}

export async function planOverduePings(ctx: JobContext): Promise<JobPlan> {
  const day = ctx.due.period;
  // Only projects that are red or yellow that day can be overdue: the store reads just those.
  const candidates = await loadStalledProjects(ctx.db, day, ctx.rules);
  const supervision = new Map<number, SupervisionItem[]>();
  for (const s of await loadOpenSupervision(ctx.db, day, ctx.rules)) supervision.set(s.projectId, [...(supervision.get(s.projectId) ?? []), s]);
  const muted = await mutedUsers(ctx.db, day);
  const supervisors = ((await readSetting(ctx.db, "supervisors")) as string[] | undefined) ?? [];
  const posts: Post[] = [];
  for (const group of await listGroups(ctx.db)) {
    if (!group.channelId) continue;
    const items: PingItem[] = [];
    for (const { project: p, lastUpdateOn } of candidates) {
      if (p.groupId !== group.id) continue;
      const health = assessHealth(p, { asOf: day, lastUpdateOn, supervision: supervision.get(p.id) ?? [] }, ctx.rules);
      const reasons = health.reasons.filter((r) => OVERDUE.has(r.code));
      if (!reasons.length) continue;
      // A mute silences the person's mention; the overdue project is still listed.
      const mention = p.responsibleUserIds.filter((u) => !muted.has(u));
      items.push({ project: p, reasons: reasons.map((r) => r.text), mention, muted: p.responsibleUserIds.length - mention.length });
    }
    // 督办 overdue for the rules' working days: name the 包联领导 and the 督办员 in the same message.
    const escalated: EscalatedItem[] = [];
    for (const { project: p } of candidates) {
      if (p.groupId !== group.id) continue;
      for (const s of supervision.get(p.id) ?? []) {
        const workdays = workdaysOverdue(s.deadline, day);
        if (workdays >= ctx.rules.supervision.escalateAfterWorkdays) escalated.push({ item: s, project: p, workdays });
      }
    }
    if (!items.length) continue;
    const escalate = group.leaderSlackId && (await silentFor(ctx, group.id, ctx.config.escalateAfterWorkdays)) ? group.leaderSlackId : null;
    const messages = pingMessages(group.name, day, items, escalate, ctx.config.escalateAfterWorkdays);
    const notice = lateNotice(ctx);
    if (notice) messages[0] = [context([notice]), ...messages[0]];
    const escalation = supervisionEscalationBlocks(escalated, supervisors, ctx.rules.supervision.escalateAfterWorkdays);
    if (escalation.length) messages[0]!.length + escalation.length <= 50 ? messages[0]!.push(...escalation) : messages.push(escalation);
    const channelId = group.channelId;
    posts.push({
      key: `group:${group.id}`,
      channel: channelId,
      text: `逾期提醒 ${group.name} ${day}：${items.length} 个项目`,
      messages,
      onPosted: (ts) => recordPing(ctx.db, { groupId: group.id, day, channelId, messageTs: ts, projectIds: items.map((i) => i.project.id), escalated: escalate !== null, at: ctx.now }),
    });
  }
  return { posts, ...(posts.length ? {} : { skipped: "今天没有逾期项目" }) };
}

export async function planFridayReminder(ctx: JobContext): Promise<JobPlan> {
  const week = parseWeek(ctx.due.period)!;
  const { start } = weekRange(week);
  const today = ctx.due.dueDay;
  const snapshot = await loadSnapshot(ctx.db, today, ctx.rules);
  const rc = reportContext(snapshot);
  const updated = await loadUpdatedProjectIds(ctx.db, start, today, ctx.rules.timeZone);
  const muted = await mutedUsers(ctx.db, today);
  const posts: Post[] = [];
  for (const group of snapshot.groups) {
    if (!group.channelId) continue;
    const items = snapshot.projects
      .filter((p) => p.groupId === group.id && rc.healthOf(p).light !== null && !updated.has(p.id))
      .map((project) => {
        const mention = project.responsibleUserIds.filter((u) => !muted.has(u));
        return { project, mention, muted: project.responsibleUserIds.length - mention.length };
      });
    if (!items.length) continue;
    posts.push({ key: `group:${group.id}`, channel: group.channelId, text: `本周进展提醒 ${group.name}`, messages: fridayReminderBlocks(group.name, ctx.due.period, items) });
  }
  return { posts, ...(posts.length ? {} : { skipped: "本周所有项目都已更新" }) };
}
