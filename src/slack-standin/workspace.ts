import { ApiError } from "./method-kit.ts";

// The stand-in's in-memory Slack workspace: users, channels and an ordered
// message store per channel, so postMessage, update, history and replies agree.

export interface BotIdentity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  userId: string;
  userName: string;
  botId: string;
  appId: string;
}

export const DEFAULT_BOT: BotIdentity = {
  teamId: "T0STANDIN",
  teamName: "Standin Workspace",
  teamDomain: "standin",
  userId: "U0STANDINBOT",
  userName: "dispatch-bot",
  botId: "B0STANDIN",
  appId: "A0STANDIN",
};

export interface StandinUser {
  id: string;
  name: string;
  real_name?: string;
  is_bot?: boolean;
  tz?: string;
  email?: string;
}

export interface StandinChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_im?: boolean;
  /** Archived channels keep their history but take no new messages (is_archived). */
  is_archived?: boolean;
  /** The other party of a DM. */
  user?: string;
  members: string[];
  topic?: string;
  /** Unix seconds. */
  created: number;
}

export interface StoredMessage {
  type: "message";
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  subtype?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  files?: unknown[];
  metadata?: unknown;
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  reply_users_count?: number;
  latest_reply?: string;
  edited?: { user: string; ts: string };
  reactions?: { name: string; users: string[]; count: number }[];
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
}

export type NewMessage = Omit<StoredMessage, "type" | "ts">;

const USER_ID = /^[UW][A-Z0-9]+$/;

export class Workspace {
  readonly users = new Map<string, StandinUser>();
  readonly channels = new Map<string, StandinChannel>();
  readonly ephemerals: EphemeralMessage[] = [];
  private readonly messages = new Map<string, StoredMessage[]>();
  private lastTs = 0;

  constructor(
    readonly bot: BotIdentity,
    private readonly now: () => number,
  ) {
    this.addUser({ id: bot.userId, name: bot.userName, is_bot: true });
  }

  addUser(user: StandinUser): StandinUser {
    this.users.set(user.id, user);
    return user;
  }

  addChannel(c: Partial<StandinChannel> & { id: string }): StandinChannel {
    const channel: StandinChannel = {
      name: c.id.toLowerCase(),
      created: Math.floor(this.now() / 1000),
      ...c,
      // The bot is a member only where it was invited or joined (conversations.join).
      members: c.members ?? [],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** By id, by name (with or without '#'), or a known user's id meaning the app's DM with that user. Unknown: undefined. */
  findChannel(ref: string): StandinChannel | undefined {
    const known = this.existingChannel(ref);
    if (known) return known;
    if (USER_ID.test(ref) && this.users.has(ref)) {
      const dm = `D${ref.slice(1)}`;
      return this.channels.get(dm) ?? this.addChannel({ id: dm, name: dm.toLowerCase(), is_im: true, user: ref, members: [ref, this.bot.userId] });
    }
    return undefined;
  }

  /** Someone typed `/invite @bot` (or added a person) in the channel. */
  invite(channelId: string, userId: string): void {
    const c = this.channels.get(channelId);
    if (!c) throw new Error(`no channel ${channelId} in the stand-in`);
    if (!c.members.includes(userId)) c.members.push(userId);
  }

  /** Someone removed the bot (or a person) from the channel. */
  kick(channelId: string, userId: string): void {
    const c = this.channels.get(channelId);
    if (c) c.members = c.members.filter((m) => m !== userId);
  }

  /** Like findChannel, but never creates one (for inspection). */
  existingChannel(ref: string): StandinChannel | undefined {
    const byId = this.channels.get(ref);
    if (byId) return byId;
    const name = ref.replace(/^#/, "");
    for (const c of this.channels.values()) if (!c.is_im && c.name === name) return c;
    return undefined;
  }

  /** Strictly increasing "seconds.micros" from the clock, as Slack's ts are. */
  nextTs(): string {
    const candidate = Math.floor(this.now() / 1000) * 1_000_000 + 100;
    this.lastTs = Math.max(candidate, this.lastTs + 100);
    return `${Math.floor(this.lastTs / 1_000_000)}.${String(this.lastTs % 1_000_000).padStart(6, "0")}`;
  }

  /** Appends a message; with thread_ts it becomes a reply and the parent's counters move. */
  post(channelId: string, msg: NewMessage): StoredMessage {
    const list = this.list(channelId);
    const stored: StoredMessage = { type: "message", ts: this.nextTs(), ...msg };
    if (msg.thread_ts !== undefined) {
      const parent = this.threadParent(channelId, msg.thread_ts);
      stored.thread_ts = parent.ts;
      stored.parent_user_id = parent.user;
      parent.thread_ts = parent.ts;
      parent.reply_count = (parent.reply_count ?? 0) + 1;
      const users = new Set(parent.reply_users ?? []);
      if (stored.user) users.add(stored.user);
      parent.reply_users = [...users];
      parent.reply_users_count = users.size;
      parent.latest_reply = stored.ts;
    }
    list.push(stored);
    return stored;
  }

  find(channelId: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channelId)?.find((m) => m.ts === ts);
  }

  message(channelId: string, ts: string): StoredMessage {
    const m = this.find(channelId, ts);
    if (!m) throw new ApiError("message_not_found");
    return m;
  }

  remove(channelId: string, ts: string): void {
    const list = this.list(channelId);
    const i = list.findIndex((m) => m.ts === ts);
    if (i < 0) throw new ApiError("message_not_found");
    const [gone] = list.splice(i, 1);
    const parent = gone.thread_ts && gone.thread_ts !== gone.ts ? this.find(channelId, gone.thread_ts) : undefined;
    if (parent?.reply_count) parent.reply_count -= 1;
  }

  /** Resolves a reply's ts to its thread parent, as Slack threads under the parent. */
  threadParent(channelId: string, ts: string): StoredMessage {
    const m = this.find(channelId, ts);
    if (!m) throw new ApiError("thread_not_found");
    return m.thread_ts && m.thread_ts !== m.ts ? this.threadParent(channelId, m.thread_ts) : m;
  }

  /** All messages of a channel, oldest first, including thread replies. */
  allMessages(channelId: string): StoredMessage[] {
    return [...(this.messages.get(channelId) ?? [])];
  }

  /** What conversations.history shows: top-level messages and broadcast replies. */
  timeline(channelId: string): StoredMessage[] {
    return this.allMessages(channelId).filter((m) => !m.thread_ts || m.thread_ts === m.ts || m.subtype === "thread_broadcast");
  }

  thread(channelId: string, ts: string): StoredMessage[] {
    const parent = this.threadParent(channelId, ts);
    return [parent, ...this.allMessages(channelId).filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts)];
  }

  /** Drops messages and ephemerals; seeded users and channels stay. */
  clearMessages(): void {
    this.messages.clear();
    this.ephemerals.length = 0;
  }

  private list(channelId: string): StoredMessage[] {
    let list = this.messages.get(channelId);
    if (!list) this.messages.set(channelId, (list = []));
    return list;
  }
}
