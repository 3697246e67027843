import { describe, expect, it } from "vitest";
import type { ProjectCardData } from "../../src/services/project-card.ts";
import { projectCardBlocks } from "../../src/slack/blocks/project-card.ts";
import type { Project } from "../../src/domain/types.ts";
import { project } from "../domain/factories.ts";

// The card's lifecycle lines, from plain data (the builder is pure): 拿地 on
// the ladder just before 开工 once dated, and the 未来订单 links both ways.

function card(p: Partial<Project>, followOn: ProjectCardData["followOn"] = { parent: null, children: [] }): ProjectCardData {
  return {
    project: project({ id: 5, name: "年产5万吨锂电材料项目", ...p }),
    asOf: "2026-11-23", timeZone: "Asia/Shanghai", reminder: null, groupName: "新材料产业招商组", leadUnitName: "白涛园区", coUnitNames: [], landingUnitName: "白涛园区",
    projectClass: "KEY", health: { light: "GREEN", reasons: [] }, arrivedWan: 0, weighted: { agreedWan: 10_000, arrivedWan: 0, perUnit: [] },
    openSupervision: [], supervisionItems: [], recentUpdates: [], followOn,
  };
}

const texts = (d: ProjectCardData) => JSON.stringify(projectCardBlocks(d));
const ladder = (d: ProjectCardData) => (projectCardBlocks(d).find((b) => JSON.stringify(b).includes("→")) as { text: { text: string } }).text.text;

describe("the project card's lifecycle lines", () => {
  it.each<[string, Partial<Project>, string]>([
    ["signed, no land", { stage: "SIGNED", stageDates: { SIGNED: "2026-03-01" } }, "~线索~ → ~洽谈~ → *【签约 3月1日】* → ~注册~ → ~开工~ → ~投产~ → ~达产~"],
    ["signed with land: 拿地 shows although 开工 is still ahead", { stage: "SIGNED", stageDates: { SIGNED: "2026-03-01" }, landAcquiredOn: "2026-05-20" }, "~线索~ → ~洽谈~ → *【签约 3月1日】* → ~注册~ → 拿地 5月20日 → ~开工~ → ~投产~ → ~达产~"],
    ["started with land of last year", { stage: "STARTED", stageDates: { SIGNED: "2025-09-01", STARTED: "2026-02-01" }, landAcquiredOn: "2025-12-20" }, "~线索~ → ~洽谈~ → 签约 2025年9月1日 → ~注册~ → 拿地 2025年12月20日 → *【开工 2月1日】* → ~投产~ → ~达产~"],
  ])("%s", (_case, p, expected) => {
    expect(ladder(card(p))).toBe(expected);
  });

  it("a follow-on names its parent; a parent lists its follow-ons with kind and amount", () => {
    const child = card({ id: 201, name: "锂电材料扩产项目", stage: "LEAD", stageDates: { LEAD: "2026-11-01" }, followOnOf: 5, followOnKind: "EXPANSION" }, { parent: { id: 5, name: "年产5万吨锂电材料项目" }, children: [] });
    expect(texts(child)).toContain("未来订单：源自 #5 年产5万吨锂电材料项目（增资扩产）");
    const parent = card({ stage: "PRODUCING", stageDates: { SIGNED: "2025-03-01", STARTED: "2025-07-01", PRODUCING: "2026-05-01" } }, {
      parent: null,
      children: [
        { id: 201, name: "锂电材料扩产项目", followOnKind: "EXPANSION", agreedWan: 50_000, stage: "LEAD" },
        { id: 202, name: "电解液<配套>项目", followOnKind: "REFERRAL", agreedWan: 3_000, stage: "NEGOTIATING" },
      ],
    });
    // Names are escaped for mrkdwn like every other text on the card.
    expect(texts(parent)).toContain("未来订单：#201 锂电材料扩产项目（增资扩产，5亿元）；#202 电解液&lt;配套&gt;项目（以商引商，3,000万元）");
  });

  it("a project with neither has no 未来订单 line", () => {
    expect(texts(card({ stage: "PRODUCING", stageDates: { PRODUCING: "2026-05-01" } }))).not.toContain("未来订单");
  });
});
