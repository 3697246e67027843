import type { WebClient } from "@slack/web-api";
import { CHANNEL_REACH, dmNotDelivered } from "../domain/glossary.ts";
import { reachChannel } from "../slack/channel-reach.ts";
import { channelPacer, type ChannelPacer } from "./channel-pacer.ts";
import type { JobPlan, Post } from "./post-plan.ts";

// Posts a job's plan: each post's first message, its continuations in the
// thread, then its files (the files upload flow). What has been posted is
// saved after every step, so a retry after a failure or a crash resumes and
// never posts a message twice. A message carries Slack message metadata
// naming its job and period: if a crash came after Slack accepted the first
// message but before it was saved, the retry finds it in the channel instead
// of posting it again.
//
// Messages go out paced per channel (channel-pacer.ts). A channel the bot
// cannot post in (not a member, archived, gone) fails that post only: the
// others still go out, and the run fails naming each such channel, so the
// history says what to fix and the retry posts only what is missing.

export type PostProgress = Record<string, { ts?: string; continued: number; files: number }>;

export interface PostTarget {
  job: string;
  period: string;
}

const EVENT_TYPE = "zhaoshang_dispatch_post";

async function findPosted(client: WebClient, channel: string, target: PostTarget, key: string): Promise<string | undefined> {
  const history = await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
  const match = history.messages?.find((m) => {
    const meta = (m as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
    return meta?.event_type === EVENT_TYPE && meta.event_payload?.job === target.job && meta.event_payload?.period === target.period && meta.event_payload?.key === key;
  });
  return match?.ts;
}

/** Slack's answers meaning the bot cannot post in that channel. */
const UNREACHABLE = new Set(["not_in_channel", "channel_not_found", "is_archived"]);
/** Slack's answers meaning the person cannot be sent a direct message (gone, a bot, deactivated). */
const UNREACHABLE_PERSON = new Set([...UNREACHABLE, "user_not_found", "cannot_dm_bot", "user_disabled", "account_inactive"]);

function slackError(e: unknown): string | undefined {
  return (e as { data?: { error?: string } } | undefined)?.data?.error;
}

/** Another process took the run over (this one's lease ran out): stop posting, it will finish. */
export class LeaseLost extends Error {
  constructor() {
    super("claim lost to another worker; it continues the run");
  }
}

/** The posts that could not reach their channels (or, for a DM, their person); the run is recorded as failed with this message. */
export class UnreachableChannels extends Error {
  constructor(readonly failures: Array<{ channel: string; name?: string; error: string; recipient?: string }>) {
    super(failures.map(describe).join("；"));
  }
}

function describe(f: UnreachableChannels["failures"][number]): string {
  if (f.recipient) return dmNotDelivered(f.recipient, f.channel, f.error);
  const why = f.error === "not_in_channel" ? CHANNEL_REACH.notMember(f.name ?? f.channel) : f.error === "is_archived" ? CHANNEL_REACH.archived(f.name ?? f.channel) : CHANNEL_REACH.notFound(f.channel);
  return `${f.error}: ${f.channel}${f.name ? `（#${f.name}）` : ""} ${why}`;
}

export interface PostOptions {
  retrying: boolean;
  pacer?: ChannelPacer;
  /** How many channels are posted to at the same time (default 4). */
  channelsAtOnce?: number;
}

/**
 * `save` stores the progress and renews the run's lease; it answers false when
 * this worker no longer holds the run.
 */
export async function postPlan(
  client: WebClient,
  plan: JobPlan,
  target: PostTarget,
  progress: PostProgress,
  save: (p: PostProgress) => Promise<boolean | void>,
  opts: PostOptions,
): Promise<PostProgress> {
  const pacer = opts.pacer ?? channelPacer();
  // Saves one after another: the lanes post at once, and two saves racing on
  // separate connections could commit the older progress last (PostgreSQL did).
  let saving: Promise<unknown> = Promise.resolve();
  const saved = () => {
    const next = saving.then(async () => {
      if ((await save(progress)) === false) throw new LeaseLost();
    });
    saving = next.catch(() => undefined);
    return next;
  };
  const failures: UnreachableChannels["failures"] = [];
  const joined = new Set<string>();
  const postInOrder = async (posts: Post[]) => {
    for (const post of posts) {
      for (let attempt = 0; ; attempt++) {
        try {
          await postOne(client, post, target, progress, saved, pacer, opts.retrying || attempt > 0);
          break;
        } catch (e) {
          const error = slackError(e);
          // A person the bot cannot DM is no channel to join: say who, and why.
          if (post.recipient && error && UNREACHABLE_PERSON.has(error)) {
            failures.push({ channel: post.channel, error, recipient: post.recipient });
            break;
          }
          if (!error || !UNREACHABLE.has(error)) throw e;
          // A public channel the bot has not joined: join once and try again.
          const reach = error === "not_in_channel" && !joined.has(post.channel) ? await reachChannel(client, post.channel) : undefined;
          joined.add(post.channel);
          if (reach?.ok && attempt === 0) continue;
          failures.push({ channel: post.channel, name: reach?.name, error });
          break;
        }
      }
    }
  };
  // Each channel's posts in order; a few channels at a time, since the pace is per channel
  // (and the workspace allows a few hundred messages a minute in all).
  const byChannel = new Map<string, Post[]>();
  for (const post of plan.posts) byChannel.set(post.channel, [...(byChannel.get(post.channel) ?? []), post]);
  const queues = [...byChannel.values()];
  const lanes = Array.from({ length: Math.min(opts.channelsAtOnce ?? 4, queues.length) }, async () => {
    for (let q = queues.shift(); q; q = queues.shift()) await postInOrder(q);
  });
  const settled = await Promise.allSettled(lanes);
  const crashed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (crashed) throw crashed.reason;
  if (failures.length) throw new UnreachableChannels(failures);
  return progress;
}

async function postOne(client: WebClient, post: Post, target: PostTarget, progress: PostProgress, saved: () => Promise<void>, pacer: ChannelPacer, retrying: boolean): Promise<void> {
  const p = (progress[post.key] ??= { continued: 0, files: 0 });
  if (!p.ts) {
    // A DM cannot be looked up: reading the app's DMs needs im:history, which the manifest does not ask for.
    // What was saved is still never sent again; only a crash between Slack's answer and the save could repeat one DM.
    p.ts = retrying && !post.recipient ? await findPosted(client, post.channel, target, post.key) : undefined;
    if (!p.ts) {
      await pacer.wait(post.channel);
      const res = await client.chat.postMessage({
        channel: post.channel,
        text: post.text,
        blocks: post.messages[0] as never,
        metadata: { event_type: EVENT_TYPE, event_payload: { job: target.job, period: target.period, key: post.key } },
        unfurl_links: false,
      });
      p.ts = res.ts!;
    }
    await saved();
    await post.onPosted?.(p.ts);
  }
  for (let i = p.continued + 1; i < post.messages.length; i++) {
    await pacer.wait(post.channel);
    await client.chat.postMessage({ channel: post.channel, thread_ts: p.ts, text: `${post.text}（续 ${i}）`, blocks: post.messages[i] as never });
    p.continued = i;
    await saved();
  }
  const files = post.files ?? [];
  if (p.files < files.length) {
    // All files of a post in one upload (one shared message in the thread).
    await client.filesUploadV2({
      channel_id: post.channel,
      thread_ts: p.ts,
      file_uploads: files.slice(p.files).map((f) => ({ file: f.bytes, filename: f.filename, title: f.title })),
    });
    p.files = files.length;
    await saved();
  }
}
