// 领导包联 (沙坪坝: "一个项目、一名领导…一抓到底"): each project has one 包联领导,
// a person known by name and, when in Slack, by id. The ledger and Slack may
// write the leader as a name or as a mention; both resolve to the same person
// through the leaders directory.

export interface LeaderEntry {
  slackUserId: string;
  name: string;
}

export interface ProjectLeader {
  leaderName: string;
  leaderSlackId: string | null;
}

const MENTION = /^(?:<@([UW][A-Z0-9]+)(?:\|([^>]*))?>|@([UW][A-Z0-9]{4,}))$/;

/**
 * A name or a mention, resolved against the directory: a mention takes its
 * name from the directory (or the mention's label); a name known to the
 * directory gets its Slack id; any other name stays a leader outside Slack.
 */
export function resolveLeader(text: string, directory: readonly LeaderEntry[]): ProjectLeader {
  const t = text.trim();
  if (!t) return { leaderName: "", leaderSlackId: null };
  const m = MENTION.exec(t);
  if (m) {
    const id = (m[1] ?? m[3])!;
    return { leaderName: directory.find((l) => l.slackUserId === id)?.name ?? m[2]?.trim() ?? "", leaderSlackId: id };
  }
  const byName = directory.filter((l) => l.name === t);
  return { leaderName: t, leaderSlackId: byName.length === 1 ? byName[0]!.slackUserId : null };
}

/** How a leader is named to people: "张三" (mentioned when in Slack: "<@U…>"). */
export function leaderLabel(p: ProjectLeader, mention = false): string {
  if (mention && p.leaderSlackId) return `<@${p.leaderSlackId}>`;
  return p.leaderName || (p.leaderSlackId ? `<@${p.leaderSlackId}>` : "");
}
