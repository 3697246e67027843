import { describe, expect, it } from "vitest";
import { canAnswerPing, canCreateInGroup, canEditProject } from "../../src/domain/permissions.ts";
import { refsAsMentions, refsAsNames } from "../../src/domain/person-ref.ts";

const group = { name: "新材料产业招商组", memberUserIds: ["U_MEMBER"] };
const project = { groupId: 1, responsibleUserIds: ["U_OWNER"] };

describe("canEditProject", () => {
  it.each([
    ["U_MEMBER", true],
    ["U_OWNER", true],
    ["U_ADMIN", true],
    ["U_STRANGER", false],
  ])("%s → %s", (user, allowed) => {
    expect(canEditProject(user, project, group, ["U_ADMIN"]).allowed).toBe(allowed);
  });

  it("a project with no group: only its responsible users and admins", () => {
    const loose = { groupId: null, responsibleUserIds: ["U_OWNER"] };
    expect(["U_OWNER", "U_ADMIN", "U_MEMBER"].map((u) => canEditProject(u, loose, null, ["U_ADMIN"]).allowed)).toEqual([true, true, false]);
  });

  it("the group's 组长 may, though not listed as a member", () => {
    expect(canEditProject("U_LEAD", project, { ...group, leaderSlackId: "U_LEAD" }, []).allowed).toBe(true);
    expect(canEditProject("U_LEAD", project, group, []).allowed).toBe(false);
  });

  it("says who may change the project: mentions in mrkdwn, names in plain text", () => {
    const who = (p: { groupId: number | null; responsibleUserIds: string[] }, g: Parameters<typeof canEditProject>[2]) => canEditProject("U_X", p, g, []).who;
    expect(refsAsMentions(who(project, { ...group, leaderSlackId: "U_LEAD" }))).toBe("“新材料产业招商组”工作组成员及组长 <@U_LEAD>、责任人 <@U_OWNER>、管理员");
    expect(refsAsNames(who(project, group), { U_OWNER: "李福刚" })).toBe("“新材料产业招商组”工作组成员、责任人 李福刚、管理员");
    expect(who({ groupId: null, responsibleUserIds: [] }, null)).toBe("管理员");
    expect(refsAsMentions(who({ groupId: null, responsibleUserIds: ["U_A", "U_B"] }, null))).toBe("责任人 <@U_A>、<@U_B>、管理员");
  });
});

describe("canCreateInGroup", () => {
  it.each([
    ["U_MEMBER", group, true],
    ["U_ADMIN", group, true],
    ["U_STRANGER", group, false],
    ["U_STRANGER", null, false],
    ["U_ADMIN", null, true],
  ] as const)("%s in %j → %s", (user, g, allowed) => {
    expect(canCreateInGroup(user, g, ["U_ADMIN"])).toBe(allowed);
  });
});

describe("canAnswerPing", () => {
  const g = { ...group, leaderSlackId: "U_LEAD" };
  it.each([
    ["U_MEMBER", true],
    ["U_LEAD", true],
    ["U_OWNER", true],
    ["U_ADMIN", true],
    ["U_STRANGER", false],
  ])("%s → %s", (user, allowed) => {
    expect(canAnswerPing(user, [project], g, ["U_ADMIN"])).toBe(allowed);
  });
});
