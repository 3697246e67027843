import { createHash } from "node:crypto";
import type { BlockerKind } from "../domain/blockers.ts";
import type { FollowOnKind, Origin, Project, Sector, Stage, StageDates } from "../domain/types.ts";

// The one mapping between a Project row (plus its link tables) and the domain
// Project, and the string codec of history values, so the store, the history
// and the as-of replay cannot drift apart.

/** Stage → column holding the date it was reached. */
export const STAGE_DATE_COLUMNS = {
  LEAD: "leadAt",
  NEGOTIATING: "negotiatingAt",
  SIGNED: "signedAt",
  REGISTERED: "registeredAt",
  STARTED: "startedAt",
  PRODUCING: "producingAt",
  AT_CAPACITY: "atCapacityAt",
  DROPPED: "droppedAt",
} as const satisfies Record<Stage, string>;

/** Every field the history records, with how its value is written as text. */
export const HISTORY_FIELDS = {
  name: "text",
  investor: "text",
  industryChain: "text",
  groupId: "int",
  leadUnitId: "int",
  landingUnitId: "int",
  coUnitIds: "intList",
  responsibleUserIds: "textList",
  origin: "text",
  sector: "text",
  agreedWan: "int",
  outputWan: "int",
  stage: "text",
  leadAt: "text",
  negotiatingAt: "text",
  signedAt: "text",
  registeredAt: "text",
  startedAt: "text",
  producingAt: "text",
  atCapacityAt: "text",
  droppedAt: "text",
  landAt: "text",
  followOnOfId: "int",
  followOnKind: "text",
  dropReason: "text",
  leaderName: "text",
  leaderSlackId: "text",
  nextStep: "text",
  nextStepDue: "text",
  blockers: "text",
  blockerKind: "text",
  blockerUnit: "text",
} as const;

export type HistoryField = keyof typeof HISTORY_FIELDS;
export type FieldValue = string | number | number[] | string[] | null;

/** A project as a flat record of history fields (the shape the history replays onto). */
export type FlatProject = { id: number; version: number } & { [K in HistoryField]: FieldValue };

export function encodeValue(field: HistoryField, value: FieldValue): string | null {
  if (value === null || value === undefined) return null;
  const kind = HISTORY_FIELDS[field];
  return kind === "intList" || kind === "textList" ? JSON.stringify(value) : String(value);
}

export function decodeValue(field: HistoryField, text: string | null): FieldValue {
  if (text === null) return null;
  const kind = HISTORY_FIELDS[field];
  if (kind === "int") return Number(text);
  if (kind === "intList" || kind === "textList") return JSON.parse(text);
  return text;
}

export function isHistoryField(field: string): field is HistoryField {
  return Object.hasOwn(HISTORY_FIELDS, field);
}

interface ProjectRowWithLinks {
  id: number;
  version: number;
  coUnits: { unitId: number }[];
  responsibles: { slackUserId: string }[];
  [column: string]: unknown;
}

export function flatten(row: ProjectRowWithLinks): FlatProject {
  const flat: Record<string, unknown> = { id: row.id, version: row.version };
  for (const field of Object.keys(HISTORY_FIELDS) as HistoryField[]) flat[field] = row[field] ?? null;
  flat.coUnitIds = row.coUnits.map((c) => c.unitId).sort((a, b) => a - b);
  flat.responsibleUserIds = row.responsibles.map((r) => r.slackUserId).sort();
  return flat as FlatProject;
}

export function toDomain(f: FlatProject): Project {
  const stageDates: StageDates = {};
  for (const [stage, column] of Object.entries(STAGE_DATE_COLUMNS)) {
    const d = f[column as HistoryField];
    if (typeof d === "string") stageDates[stage as Stage] = d;
  }
  return {
    id: f.id,
    name: f.name as string,
    investor: (f.investor as string) ?? "",
    industryChain: (f.industryChain as string) ?? "",
    groupId: f.groupId as number | null,
    leadUnitId: f.leadUnitId as number | null,
    coUnitIds: (f.coUnitIds as number[]) ?? [],
    landingUnitId: f.landingUnitId as number | null,
    origin: f.origin as Origin,
    sector: f.sector as Sector,
    agreedWan: (f.agreedWan as number) ?? 0,
    outputWan: (f.outputWan as number) ?? 0,
    stage: f.stage as Stage,
    stageDates,
    dropReason: f.dropReason as string | null,
    leaderName: (f.leaderName as string) ?? "",
    leaderSlackId: (f.leaderSlackId as string | null) ?? null,
    responsibleUserIds: (f.responsibleUserIds as string[]) ?? [],
    nextStep: (f.nextStep as string) ?? "",
    nextStepDue: f.nextStepDue as string | null,
    blockers: (f.blockers as string) ?? "",
    blockerKind: (f.blockerKind as BlockerKind | null) ?? null,
    blockerUnit: (f.blockerUnit as string | null) ?? null,
    landAcquiredOn: (f.landAt as string | null) ?? null,
    followOnOf: (f.followOnOfId as number | null) ?? null,
    followOnKind: (f.followOnKind as FollowOnKind | null) ?? null,
    version: f.version,
  };
}

/** The flat fields of a domain project (inverse of toDomain). */
export function fromDomain(p: Omit<Project, "id" | "version">): Record<HistoryField, FieldValue> {
  const out: Record<string, FieldValue> = {
    name: p.name,
    investor: p.investor,
    industryChain: p.industryChain,
    groupId: p.groupId,
    leadUnitId: p.leadUnitId,
    landingUnitId: p.landingUnitId,
    coUnitIds: [...p.coUnitIds].sort((a, b) => a - b),
    responsibleUserIds: [...p.responsibleUserIds].sort(),
    origin: p.origin,
    sector: p.sector,
    agreedWan: p.agreedWan,
    outputWan: p.outputWan,
    stage: p.stage,
    dropReason: p.dropReason,
    leaderName: p.leaderName,
    leaderSlackId: p.leaderSlackId,
    nextStep: p.nextStep,
    nextStepDue: p.nextStepDue,
    blockers: p.blockers,
    blockerKind: p.blockerKind ?? null,
    blockerUnit: p.blockerUnit ?? null,
    landAt: p.landAcquiredOn ?? null,
    followOnOfId: p.followOnOf ?? null,
    followOnKind: p.followOnKind ?? null,
  };
  for (const [stage, column] of Object.entries(STAGE_DATE_COLUMNS)) out[column] = p.stageDates[stage as Stage] ?? null;
  return out as Record<HistoryField, FieldValue>;
}

/** A field's value as compared: an empty 终止原因 stored as "" or null counts as the same. */
export function comparable(field: HistoryField, value: FieldValue | undefined): FieldValue {
  return field === "dropReason" && value === "" ? null : (value ?? null);
}

/**
 * A digest of a project's fields as compared: equal digests, equal projects.
 * An import keeps this per stored project instead of the whole project
 * (200,000 of them held beside the file's rows put it over its memory target).
 */
export function fingerprint(fields: Record<HistoryField, FieldValue>): string {
  const values = (Object.keys(HISTORY_FIELDS) as HistoryField[]).map((f) => comparable(f, fields[f]));
  return createHash("sha1").update(JSON.stringify(values)).digest("base64");
}
