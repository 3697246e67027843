import { BLOCKER_KIND_LABELS, BLOCKER_KINDS, blockerUnit, projectBlockers, type BlockerKind } from "./blockers.ts";
import { decisionStatus, DECISION_STATUS_LABELS, type DecisionStatus } from "./decision-status.ts";
import { againstPace, chineseNumeral, dayInProse, overdueBy, TERMS } from "./glossary.ts";
import { assessHealth } from "./health.ts";
import { daysBetween } from "./periods.ts";
import type { Rules } from "./rules.ts";
import { signedNotStarted } from "./unstarted.ts";
import type { LocalDate, Project, SupervisionItem } from "./types.ts";

// 会前议程 of one 调度会, built from plain data: (一) earlier decisions and
// how far each got, (二) red projects one by one with their blockers grouped
// by kind, (三) 签约未开工 over the rules' days, (四) overdue 督办, (五) groups
// behind 序时进度. Every item is numbered and, where it is about a project,
// names it, so a decision can be recorded against it from the agenda.

export type AgendaSectionKey = "followUp" | "red" | "unstarted" | "supervision" | "pace";

export interface AgendaBlocker {
  kind: BlockerKind;
  label: string;
  unit: string;
  text: string;
}

export interface AgendaItem {
  /** Number within its section, from 1. */
  no: number;
  projectId: number | null;
  title: string;
  lines: string[];
  blockers: AgendaBlocker[];
  /** Section (一) only: the decision reported on and where it stands. */
  decisionId?: number;
  status?: DecisionStatus;
  /** Suggested 责任单位 for a decision made on this item (the first blocker's department). */
  suggestedUnit?: string;
  /** 责任单位 and 时限 of the item, as the agenda document's table shows them. */
  unit?: string;
  deadline?: LocalDate;
}

export interface AgendaSection {
  key: AgendaSectionKey;
  title: string;
  items: AgendaItem[];
  /** Section (二): the red projects' blockers by kind, each with its department. */
  byKind?: Array<{ kind: BlockerKind; label: string; unit: string; projectIds: number[] }>;
}

export interface Agenda {
  kind: "agenda";
  meeting: {
    id: number | null;
    date: LocalDate;
    time: string;
    title: string;
    place: string;
    host: string;
    /** 参会单位, and which meeting of its title this is in the year (第X次), when known. */
    attendees?: string[];
    ordinal?: number | null;
  };
  asOf: LocalDate;
  counts: { done: number; inProgress: number; overdue: number };
  sections: AgendaSection[];
}

/** An earlier meeting's decision as the agenda reports it. */
export interface AgendaDecision {
  id: number;
  meetingDate: LocalDate;
  projectId: number | null;
  projectName: string | null;
  matter: string;
  unit: string;
  owner: string;
  deadline: LocalDate;
  /** Day its 督办 item (or the decision itself) was closed. */
  closedOn: LocalDate | null;
}

export interface AgendaInput {
  meeting: Agenda["meeting"];
  asOf: LocalDate;
  rules: Rules;
  /** Decisions of earlier meetings; those already done before `previousMeeting` are left out. */
  decisions: AgendaDecision[];
  previousMeeting: LocalDate | null;
  projects: Project[];
  supervision: SupervisionItem[];
  lastUpdateOn: Map<number, LocalDate>;
  /** Each group's 协议资金 completion (null: no target) and the year's elapsed share. */
  groupPace: Array<{ name: string; completion: number | null; share: number }>;
}

const projectTitle = (p: Project) => `#${p.id} ${p.name}${p.investor ? `（${p.investor}）` : ""}`;

function blockersOf(p: Project, rules: Rules): AgendaBlocker[] {
  return projectBlockers(p, rules).map((b) => ({ kind: b.kind, label: BLOCKER_KIND_LABELS[b.kind], unit: b.unit, text: b.text }));
}

/** The departments of an item's blockers, each once. */
const unitsOf = (bs: AgendaBlocker[]) => (bs.length ? [...new Set(bs.map((b) => b.unit))].join("、") : undefined);

const blockerLine = (b: AgendaBlocker) => `${b.label}（${b.unit}）：${b.text}`;

function numbered(items: Omit<AgendaItem, "no">[]): AgendaItem[] {
  return items.map((item, i) => ({ no: i + 1, ...item }));
}

function followUp(input: AgendaInput): AgendaSection {
  const { asOf, previousMeeting } = input;
  const listed = input.decisions
    .filter((d) => d.meetingDate < input.meeting.date)
    .filter((d) => !(d.closedOn !== null && previousMeeting !== null && d.closedOn < previousMeeting))
    .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.id - b.id);
  const items = listed.map((d) => {
    const status = decisionStatus(d, asOf);
    const late = daysBetween(d.deadline, asOf);
    const where = status === "DONE" ? `已于${dayInProse(d.closedOn!)}销号` : status === "OVERDUE" ? overdueBy(late) : `时限${dayInProse(d.deadline)}`;
    return {
      projectId: d.projectId,
      title: `${d.projectId !== null ? `#${d.projectId} ${d.projectName ?? ""}：` : `${TERMS.generalTask}：`}${d.matter}`,
      lines: [`${dayInProse(d.meetingDate)}会议决定；${TERMS.responsibleUnit}：${d.unit}；${TERMS.responsiblePerson}：${d.owner}；${TERMS.timeLimit}：${dayInProse(d.deadline)}`, `${DECISION_STATUS_LABELS[status]}（${where}）`],
      blockers: [],
      decisionId: d.id,
      status,
      unit: d.unit,
      deadline: d.deadline,
    };
  });
  return { key: "followUp", title: TERMS.followUp, items: numbered(items) };
}

function redProjects(input: AgendaInput): AgendaSection {
  const { asOf, rules } = input;
  const red = input.projects
    .map((p) => ({ p, health: assessHealth(p, { asOf, lastUpdateOn: input.lastUpdateOn.get(p.id) ?? null, supervision: input.supervision.filter((s) => s.projectId === p.id) }, rules) }))
    .filter((r) => r.health.light === "RED")
    .map((r) => ({ ...r, blockers: blockersOf(r.p, rules) }));
  // Grouped by the kind of the first blocker, in the kinds' order, so one department's problems are discussed together.
  const kindRank = (bs: AgendaBlocker[]) => (bs.length ? BLOCKER_KINDS.indexOf(bs[0].kind) : BLOCKER_KINDS.length);
  red.sort((a, b) => kindRank(a.blockers) - kindRank(b.blockers) || a.p.id - b.p.id);
  const byKind = BLOCKER_KINDS.map((kind) => ({
    kind,
    label: BLOCKER_KIND_LABELS[kind],
    unit: blockerUnit(kind, rules),
    projectIds: red.filter((r) => r.blockers.some((b) => b.kind === kind)).map((r) => r.p.id),
  })).filter((g) => g.projectIds.length > 0);
  const items = red.map(({ p, health, blockers }) => {
    const tried: string[] = [];
    if (p.nextStep.trim()) tried.push(`下一步：${p.nextStep.trim()}${p.nextStepDue ? `（${dayInProse(p.nextStepDue)}前）` : ""}`);
    for (const s of input.supervision) if (s.projectId === p.id && (s.closedOn === null || s.closedOn > asOf)) tried.push(`已挂牌${TERMS.supervision}：${s.issue}（期限${dayInProse(s.deadline)}）`);
    return {
      projectId: p.id,
      title: projectTitle(p),
      lines: [
        ...health.reasons.filter((r) => r.level === "RED").map((r) => r.text),
        ...(blockers.length ? blockers.map((b) => `${TERMS.blocker}：${blockerLine(b)}`) : ["要素制约：未填报"]),
        ...tried,
        ...(p.leaderName ? [`${TERMS.leader}：${p.leaderName}`] : []),
      ],
      blockers,
      suggestedUnit: blockers[0]?.unit,
      unit: unitsOf(blockers),
      deadline: p.nextStepDue ?? undefined,
    };
  });
  return { key: "red", title: TERMS.redProjects, items: numbered(items), byKind };
}

function unstarted(input: AgendaInput): AgendaSection {
  const over = input.rules.meeting.unstartedDays;
  const items = signedNotStarted(input.projects, input.asOf, over).map(({ project: p, since, days }) => {
    const blockers = blockersOf(p, input.rules);
    return {
      projectId: p.id,
      title: projectTitle(p),
      lines: [`${dayInProse(since, true)}签约，${TERMS.unstarted}已${days}天`, ...blockers.map((b) => `${TERMS.blocker}：${blockerLine(b)}`)],
      blockers,
      suggestedUnit: blockers[0]?.unit,
      unit: unitsOf(blockers),
      deadline: p.nextStepDue ?? undefined,
    };
  });
  return { key: "unstarted", title: `${TERMS.unstartedOverLimit}（超过${over}天）`, items: numbered(items) };
}

function overdueSupervision(input: AgendaInput): AgendaSection {
  const { asOf } = input;
  const names = new Map(input.projects.map((p) => [p.id, p]));
  const items = input.supervision
    .filter((s) => (s.closedOn === null || s.closedOn > asOf) && s.openedOn <= asOf && daysBetween(s.deadline, asOf) > 0 && names.has(s.projectId))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id - b.id)
    .map((s) => ({
      projectId: s.projectId,
      title: `${projectTitle(names.get(s.projectId)!)}：${s.issue}`,
      lines: [`${TERMS.supervision}期限${dayInProse(s.deadline)}，${overdueBy(daysBetween(s.deadline, asOf))}；负责人：${s.owner}`],
      blockers: [],
      deadline: s.deadline,
    }));
  return { key: "supervision", title: TERMS.overdueSupervision, items: numbered(items) };
}

function behindPace(input: AgendaInput): AgendaSection {
  // The same tolerance as the lights and rankings (rules.pace), in shares rather than points.
  const tolerance = input.rules.pace.tolerancePoints / 100;
  const items = input.groupPace
    .filter((g) => g.completion !== null && g.completion < g.share - tolerance)
    .sort((a, b) => a.completion! - a.share - (b.completion! - b.share))
    .map((g) => ({
      projectId: null,
      title: g.name,
      lines: [`${TERMS.agreed}完成${Math.round(g.completion! * 1000) / 10}%，${againstPace((g.completion! - g.share) * 100)}`],
      blockers: [],
    }));
  return { key: "pace", title: TERMS.behindPaceGroups, items: numbered(items) };
}

export function buildAgenda(input: AgendaInput): Agenda {
  const sections = [followUp(input), redProjects(input), unstarted(input), overdueSupervision(input), behindPace(input)].map((s, i) => ({
    ...s,
    title: `（${chineseNumeral(i + 1)}）${s.title}`,
  }));
  const statuses = sections[0].items.map((i) => i.status);
  return {
    kind: "agenda",
    meeting: input.meeting,
    asOf: input.asOf,
    counts: {
      done: statuses.filter((s) => s === "DONE").length,
      inProgress: statuses.filter((s) => s === "IN_PROGRESS").length,
      overdue: statuses.filter((s) => s === "OVERDUE").length,
    },
    sections,
  };
}
