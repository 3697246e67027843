import type { BlockerKind } from "../domain/blockers.ts";
import type { FollowOnKind, HealthLight, LocalDate, Origin, Sector, Stage } from "../domain/types.ts";

// What `/project ...` means once parsed. The parser only reads text: names
// (projects, groups, units) stay text here and are resolved against the store
// by the caller, which also decides permissions and writes.

export const SUBCOMMANDS = ["new", "update", "show", "list", "funds", "followOn", "supervise", "feedback", "request", "close", "return", "extend", "stalled", "unstarted", "rank", "digest", "decide", "adjourn", "help"] as const;
export type SubcommandName = (typeof SUBCOMMANDS)[number];

/** `#12` → by id; anything else → part of the project name, matched elsewhere. */
export type ProjectRef = { kind: "id"; id: number } | { kind: "name"; text: string };

/** A Slack member (from a mention) or a plain name for people outside Slack (督办 owners). */
export type PersonRef = { kind: "user"; userId: string } | { kind: "name"; text: string };

/** Project fields a user can set when creating or updating; absent = not given. */
export interface ProjectFields {
  name?: string;
  investor?: string;
  industryChain?: string;
  /** 工作组 name as typed. */
  group?: string;
  leadUnit?: string;
  coUnits?: string[];
  landingUnit?: string;
  origin?: Origin;
  sector?: Sector;
  agreedWan?: number;
  outputWan?: number;
  stage?: Stage;
  /** 包联领导 name. */
  leader?: string;
  /** Slack user ids from mentions. */
  responsibleUserIds?: string[];
  nextStep?: string;
  /** Due date of the next step; null = cleared (`截止=无`, update only). */
  due?: LocalDate | null;
  blockers?: string;
  /** 要素制约 kind (BLOCKER_KINDS); null = cleared (`堵点类型=无`, update only). */
  blockerKind?: BlockerKind | null;
  /** Department to remove the blockers instead of the rules' one; "" = cleared. */
  blockerUnit?: string;
  /** Free-text progress (进展), recorded in the history. */
  progress?: string;
}

export interface ProjectChanges extends ProjectFields {
  /** Why the stage moves back or to 终止 (the caller checks "backwards" against the stored stage). */
  reason?: string;
  /** Day the new stage was reached (default: today, decided by the caller). */
  stageDate?: LocalDate;
  /** `确认=是`: a stage jump over several stages is meant (the caller decides whether one needs it). */
  confirmJump?: boolean;
  /** A new 到位 entry recorded together with the update. */
  fundsWan?: number;
  /** Day of that entry; given only together with fundsWan (caller defaults to today). */
  fundsDate?: LocalDate;
  /** 拿地 milestone day (`拿地=11-20` or `阶段=拿地`); null clears it. The stage does not move. */
  landOn?: LocalDate | null;
}

/** `/project 未来订单 #5 类型=增资扩产 名称="…" 协议资金=5亿`: follow-on investment of a producing project, as a new project. */
export interface FollowOnCommand {
  command: "followOn";
  parent: ProjectRef;
  kind: FollowOnKind;
  /** The new project's fields; those not given are taken from the parent by the caller. */
  fields: ProjectFields;
}

/** Fields a new project cannot be created without; a missing one opens the form. */
export const REQUIRED_NEW_FIELDS = ["name", "investor", "origin", "sector"] as const;
export type RequiredNewField = (typeof REQUIRED_NEW_FIELDS)[number];

export interface NewCommand {
  command: "new";
  fields: ProjectFields;
  /** Required fields not given yet; the form opens prefilled when any is missing. */
  missing: RequiredNewField[];
  needsForm: boolean;
}

export type UpdateCommand =
  | { command: "update"; needsForm: false; project: ProjectRef; changes: ProjectChanges }
  | { command: "update"; needsForm: true; project: ProjectRef | null; changes: ProjectChanges };

export interface ShowCommand {
  command: "show";
  project: ProjectRef;
}

export interface ListCommand {
  command: "list";
  filters: { group?: string; stage?: Stage; light?: HealthLight; mine: boolean };
}

export type FundsCommand =
  | { command: "funds"; needsForm: false; project: ProjectRef; amountWan: number; date: LocalDate; note?: string }
  | { command: "funds"; needsForm: true; project: ProjectRef | null; amountWan?: number; date: LocalDate; note?: string };

export type SuperviseCommand =
  | { command: "supervise"; needsForm: false; project: ProjectRef; issue: string; owner?: PersonRef; deadline?: LocalDate }
  | { command: "supervise"; needsForm: true; project: ProjectRef | null; issue?: string; owner?: PersonRef; deadline?: LocalDate };

/** 销号 names either the supervision item (`督办12`) or the project whose open item is closed (`#7`). */
export type CloseTarget = { kind: "supervision"; id: number } | { kind: "project"; project: ProjectRef };

export interface CloseCommand {
  command: "close";
  target: CloseTarget;
  note?: string;
}

/** A further step on one 督办 item: 反馈 (text), 申请销号 (说明), 退回 (理由), 延期 (期限 + 理由). */
export interface SupervisionStepCommand {
  command: "feedback" | "request" | "return" | "extend";
  itemId: number;
  note: string;
  deadline?: LocalDate;
}

export interface UnstartedCommand {
  command: "unstarted";
  group?: string;
}

export interface StalledCommand {
  command: "stalled";
  group?: string;
}

export interface RankCommand {
  command: "rank";
  by: "group" | "unit";
}

export interface DigestCommand {
  command: "digest";
}

/** `/project 决定 [#N] 事项=… 责任单位=… 责任人=@… 期限=…`: a decision of the open 调度会 (without #N: a general task for a unit). */
export interface DecideCommand {
  command: "decide";
  project: ProjectRef | null;
  matter: string;
  unit: string;
  owner: PersonRef;
  deadline: LocalDate;
}

/** `/project 散会`: closes the open 调度会; its 纪要 is posted. */
export interface AdjournCommand {
  command: "adjourn";
}

export interface HelpCommand {
  command: "help";
  topic: SubcommandName | null;
}

export type ProjectCommand =
  | NewCommand
  | UpdateCommand
  | ShowCommand
  | ListCommand
  | FundsCommand
  | FollowOnCommand
  | SuperviseCommand
  | CloseCommand
  | SupervisionStepCommand
  | UnstartedCommand
  | StalledCommand
  | RankCommand
  | DigestCommand
  | DecideCommand
  | AdjournCommand
  | HelpCommand;

export type ParseError = { ok: false; error: string };

/** Never thrown: every user mistake comes back as `{ ok: false, error }` in Chinese. */
export type ParseResult = ({ ok: true } & ProjectCommand) | ParseError;
