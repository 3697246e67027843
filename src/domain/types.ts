// Plain domain objects shared by every layer. No Prisma, no Slack: the store
// maps its rows onto these, and the rules in this folder only ever see these.

/** A calendar day in the district time zone, 'YYYY-MM-DD'. */
export type LocalDate = string;

import type { BlockerKind } from "./blockers.ts";

export const STAGES = ["LEAD", "NEGOTIATING", "SIGNED", "REGISTERED", "STARTED", "PRODUCING", "AT_CAPACITY"] as const;
export type ActiveStage = (typeof STAGES)[number];
export type Stage = ActiveStage | "DROPPED";

export const ORIGINS = ["OUTSIDE_CITY", "IN_CITY_OUTSIDE_DISTRICT", "IN_DISTRICT"] as const;
export type Origin = (typeof ORIGINS)[number];

export const SECTORS = ["INDUSTRY", "SERVICE"] as const;
export type Sector = (typeof SECTORS)[number];

/** Ordered from largest; NONE = below the 一般 threshold, not counted toward targets. */
export const PROJECT_CLASSES = ["MAJOR", "LARGE", "KEY", "GENERAL", "NONE"] as const;
export type ProjectClass = (typeof PROJECT_CLASSES)[number];

export type HealthLight = "RED" | "YELLOW" | "GREEN";

export type UnitKind = "PARK" | "DEPARTMENT";

/** Date each stage was reached; a skipped stage stays undefined. */
export type StageDates = Partial<Record<Stage, LocalDate>>;

export interface Project {
  id: number;
  name: string;
  investor: string;
  industryChain: string;
  groupId: number | null;
  leadUnitId: number | null;
  coUnitIds: number[];
  landingUnitId: number | null;
  origin: Origin;
  sector: Sector;
  agreedWan: number;
  outputWan: number;
  stage: Stage;
  stageDates: StageDates;
  dropReason: string | null;
  leaderName: string;
  /** 包联领导's Slack id, when the leader is in Slack (one leader per project). */
  leaderSlackId: string | null;
  responsibleUserIds: string[];
  nextStep: string;
  nextStepDue: LocalDate | null;
  blockers: string;
  /** 要素制约 kind of the blockers; null or absent: not classified (see blockers.ts projectBlockers). */
  blockerKind?: BlockerKind | null;
  /** Department to remove the blockers, overriding the rules' one for the kind. */
  blockerUnit?: string | null;
  /** 拿地: a dated milestone of the 开工拿地 node, not a stage (开工率 counts 开工 only); null or absent when not yet. */
  landAcquiredOn?: LocalDate | null;
  /** 未来订单: the producing project this one is follow-on investment of, and of what kind; null or absent otherwise. */
  followOnOf?: number | null;
  followOnKind?: FollowOnKind | null;
  version: number;
}

/** 未来订单 kinds (seed 000): 增资扩产, 二期, 以商引商. */
export const FOLLOW_ON_KINDS = ["EXPANSION", "PHASE_TWO", "REFERRAL"] as const;
export type FollowOnKind = (typeof FOLLOW_ON_KINDS)[number];

export interface FundEntry {
  id: number;
  projectId: number;
  date: LocalDate;
  amountWan: number;
  note: string;
}

export interface SupervisionItem {
  id: number;
  projectId: number;
  issue: string;
  owner: string;
  deadline: LocalDate;
  /** Day it was listed (挂牌) and, once closed (销号), the day it was closed. */
  openedOn: LocalDate;
  closedOn: LocalDate | null;
  closedBy: string | null;
}

export interface Group {
  id: number;
  name: string;
  leaderName: string;
  leaderSlackId: string | null;
  commissioners: string;
  focus: string;
  channelId: string | null;
  memberUserIds: string[];
}

export interface Unit {
  id: number;
  name: string;
  kind: UnitKind;
}

/**
 * Annual target of one unit or one group (at most one of the two ids is set);
 * with neither, the district's own target (its goal is set on its own, not
 * the sum of the units', whose tables overlap).
 */
export interface Target {
  year: number;
  unitId: number | null;
  groupId: number | null;
  majorCount: number;
  largeCount: number;
  keyCount: number;
  agreedWan: number;
  arrivedWan: number;
  /** Sub-target "其中：非工业" of 协议资金 (seed 003's park table); null or absent when none is set. */
  nonIndustryAgreedWan?: number | null;
}

/** One changed field of one project, as recorded in the append-only history. */
export interface UpdateRecord {
  projectId: number;
  batch: string;
  at: Date;
  author: string;
  source: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}
