import { describe, expect, it } from "vitest";
import { canCreateInGroup, canEditProject } from "../../src/domain/permissions.ts";

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

  it("says who may change the project", () => {
    expect(canEditProject("U_X", project, group, []).who).toBe("“新材料产业招商组”工作组成员、责任人 <@U_OWNER>、管理员");
    expect(canEditProject("U_X", { groupId: null, responsibleUserIds: [] }, null, []).who).toBe("管理员");
    expect(canEditProject("U_X", { groupId: null, responsibleUserIds: ["U_A", "U_B"] }, null, []).who).toBe("责任人 <@U_A>、<@U_B>、管理员");
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
