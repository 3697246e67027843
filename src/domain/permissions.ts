import type { Group, Project } from "./types.ts";

// SPEC: only members of a project's group, its responsible users and admins
// may change it; everyone in the workspace may read.

export interface EditDecision {
  allowed: boolean;
  /** Who may, for the refusal message. */
  who: string;
}

export function canEditProject(userId: string, project: Pick<Project, "responsibleUserIds" | "groupId">, group: Pick<Group, "name" | "memberUserIds"> | null, admins: readonly string[]): EditDecision {
  const allowed = admins.includes(userId) || project.responsibleUserIds.includes(userId) || (group?.memberUserIds.includes(userId) ?? false);
  const parts = [
    group ? `“${group.name}”工作组成员` : null,
    project.responsibleUserIds.length ? `责任人 ${project.responsibleUserIds.map((u) => `<@${u}>`).join("、")}` : null,
    "管理员",
  ].filter(Boolean);
  return { allowed, who: parts.join("、") };
}

/** Creating a project in a group needs membership of that group (or admin). */
export function canCreateInGroup(userId: string, group: Pick<Group, "memberUserIds"> | null, admins: readonly string[]): boolean {
  return admins.includes(userId) || (group?.memberUserIds.includes(userId) ?? false);
}
