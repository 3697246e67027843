import type { WebClient } from "@slack/web-api";
import type { JobPlan } from "./post-plan.ts";

// Posts a job's plan: each post's first message, its continuations in the
// thread, then its files (the files upload flow). What has been posted is
// saved after every step, so a retry after a failure or a crash resumes and
// never posts a message twice. A message carries Slack message metadata
// naming its job and period: if a crash came after Slack accepted the first
// message but before it was saved, the retry finds it in the channel instead
// of posting it again.

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

export async function postPlan(
  client: WebClient,
  plan: JobPlan,
  target: PostTarget,
  progress: PostProgress,
  save: (p: PostProgress) => Promise<void>,
  opts: { retrying: boolean },
): Promise<PostProgress> {
  for (const post of plan.posts) {
    const p = (progress[post.key] ??= { continued: 0, files: 0 });
    if (!p.ts) {
      p.ts = opts.retrying ? await findPosted(client, post.channel, target, post.key) : undefined;
      if (!p.ts) {
        const res = await client.chat.postMessage({
          channel: post.channel,
          text: post.text,
          blocks: post.messages[0] as never,
          metadata: { event_type: EVENT_TYPE, event_payload: { job: target.job, period: target.period, key: post.key } },
          unfurl_links: false,
        });
        p.ts = res.ts!;
      }
      await save(progress);
      await post.onPosted?.(p.ts);
    }
    for (let i = p.continued + 1; i < post.messages.length; i++) {
      await client.chat.postMessage({ channel: post.channel, thread_ts: p.ts, text: `${post.text}（续 ${i}）`, blocks: post.messages[i] as never });
      p.continued = i;
      await save(progress);
    }
    const files = post.files ?? [];
    for (let j = p.files; j < files.length; j++) {
      const f = files[j];
      await client.filesUploadV2({ channel_id: post.channel, thread_ts: p.ts, file: f.bytes, filename: f.filename, title: f.title });
      p.files = j + 1;
      await save(progress);
    }
  }
  return progress;
}
