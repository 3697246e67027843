import type { FundEntry, Project, SupervisionItem } from "../../src/domain/types.ts";

// Small factories with overrides, so each table row states only what matters.

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 1,
    name: "测试项目",
    investor: "测试公司",
    industryChain: "新能源",
    groupId: 1,
    leadUnitId: 10,
    coUnitIds: [],
    landingUnitId: null,
    origin: "OUTSIDE_CITY",
    sector: "INDUSTRY",
    agreedWan: 10_000,
    outputWan: 0,
    stage: "SIGNED",
    stageDates: { SIGNED: "2026-03-01" },
    dropReason: null,
    leaderName: "张区长",
    leaderSlackId: null,
    responsibleUserIds: [],
    nextStep: "",
    nextStepDue: null,
    blockers: "",
    version: 1,
    ...overrides,
  };
}

export function fund(overrides: Partial<FundEntry> = {}): FundEntry {
  return { id: 1, projectId: 1, date: "2026-04-01", amountWan: 1000, note: "", ...overrides };
}

export function supervision(overrides: Partial<SupervisionItem> = {}): SupervisionItem {
  return {
    id: 1,
    projectId: 1,
    issue: "用地指标",
    owner: "李科长",
    deadline: "2026-06-30",
    openedOn: "2026-06-01",
    closedOn: null,
    closedBy: null,
    ...overrides,
  };
}
