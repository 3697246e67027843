import { personRef } from "./person-ref.ts";
import type { Group, Project } from "./types.ts";

// SPEC: only members of a project's group (its 组长 included), its responsible
// users and admins may change it; everyone in the workspace may read. People
// are named with personRef: a mention in Slack, a name in plain text.

export interface EditDecision {
  allowed: boolean;
  /** Who may, for the refusal message. */
  who: string;
}

type GroupView = Pick<Group, "name" | "memberUserIds"> & Partial<Pick<Group, "leaderSlackId">>;

/** Members of the group and its 组长. */
export function isInGroup(userId: string, group: GroupView | null): boolean {
  return !!group && (group.memberUserIds.includes(userId) || group.leaderSlackId === userId);
}

export function canEditProject(userId: string, project: Pick<Project, "responsibleUserIds" | "groupId">, group: GroupView | null, admins: readonly string[]): EditDecision {
  const allowed = admins.includes(userId) || project.responsibleUserIds.includes(userId) || isInGroup(userId, group);
  const parts = [
    group ? `“${group.name}”工作组成员${group.leaderSlackId ? `及组长 ${personRef(group.leaderSlackId)}` : ""}` : null,
    project.responsibleUserIds.length ? `责任人 ${project.responsibleUserIds.map(personRef).join("、")}` : null,
    "管理员",
  ].filter(Boolean);
  return { allowed, who: parts.join("、") };
}

/** Creating a project in a group, or moving one into it, needs membership of that group (or admin). */
export function canCreateInGroup(userId: string, group: GroupView | null, admins: readonly string[]): boolean {
  return admins.includes(userId) || isInGroup(userId, group);
}

/**
 * Who may answer an overdue ping (已处理, ✅): the same people who may change
 * one of its projects. Anyone else's answer would stop the escalation to the
 * 组长 without anyone responsible having seen it.
 */
export function canAnswerPing(userId: string, projects: Array<Pick<Project, "responsibleUserIds" | "groupId">>, group: GroupView | null, admins: readonly string[]): boolean {
  return admins.includes(userId) || isInGroup(userId, group) || projects.some((p) => p.responsibleUserIds.includes(userId));
}
