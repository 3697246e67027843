import { MEETING_TEXTS } from "../domain/glossary.ts";
import { TERMS } from "../domain/glossary.ts";
import type { LocalDate } from "../domain/types.ts";
import type { Db } from "../store/client.ts";
import { decisionsOf, type Meeting } from "../store/meetings.ts";
import { getProject } from "../store/projects.ts";

// What a 会议纪要 says, as plain data: the meeting, then one topic per
// project (in the order first decided on) and the general tasks last, each
// with its decisions in the order they were made.

export interface MinutesDecision {
  id: number;
  matter: string;
  unit: string;
  owner: string;
  deadline: LocalDate;
}

export interface Minutes {
  meeting: Meeting;
  topics: Array<{ projectId: number | null; title: string; decisions: MinutesDecision[] }>;
}

/** `<@U123>` becomes the person's name when `names` knows it, else the bare id. */
export function personText(owner: string, names: ReadonlyMap<string, string> = new Map()): string {
  return owner.replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => names.get(id) ?? id);
}

export async function loadMinutes(db: Db, meeting: Meeting, names: ReadonlyMap<string, string> = new Map()): Promise<Minutes> {
  const topics: Minutes["topics"] = [];
  const general: MinutesDecision[] = [];
  for (const d of await decisionsOf(db, meeting.id)) {
    const decision = { id: d.id, matter: d.matter, unit: d.unit, owner: personText(d.owner, names), deadline: d.deadline };
    if (d.projectId === null) {
      general.push(decision);
      continue;
    }
    let topic = topics.find((t) => t.projectId === d.projectId);
    if (!topic) {
      const p = await getProject(db, d.projectId);
      topic = { projectId: d.projectId, title: p ? `${p.name}${p.investor ? `（${p.investor}）` : ""}` : MEETING_TEXTS.projectNumbered(d.projectId), decisions: [] };
      topics.push(topic);
    }
    topic.decisions.push(decision);
  }
  if (general.length) topics.push({ projectId: null, title: TERMS.generalTask, decisions: general });
  return { meeting, topics };
}
