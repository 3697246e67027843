import { LogLevel, WebClient } from "@slack/web-api";
import { ConfigError, loadConfig, type Config } from "../config.ts";
import { CHANNEL_REACH } from "../domain/glossary.ts";
import { loadJobsConfig } from "../jobs/job-config.ts";
import { reachChannel, type ChannelReach } from "../slack/channel-reach.ts";
import { egressDispatcher, egressFetch } from "../slack/egress.ts";
import { manifestBotScopes } from "../slack/manifest-scopes.ts";
import { openStore, storeReachable, type Db } from "../store/client.ts";
import { listGroups } from "../store/directory.ts";
import { pendingMigrations } from "../store/migrate.ts";

// `dispatch doctor` and the bot's start-up: is everything in place for the
// bot to work in this workspace? In order: the configuration, the store
// (reachable, migrated), the Slack token (auth.test), the scopes manifest.yml
// asks for, and every channel the bot posts in (the summary channel and each
// group's), joining public ones it can. Each check says what to fix.

export interface Check {
  ok: boolean;
  /** What was checked, e.g. "Slack 令牌". */
  what: string;
  /** What was found. */
  detail: string;
  /** How to put it right (Chinese, concrete). */
  fix?: string;
}

export function formatCheck(c: Check): string {
  return `${c.ok ? "✅" : "❌"} ${c.what}：${c.detail}${c.fix ? `\n   → ${c.fix}` : ""}`;
}

function slackError(e: unknown): { error?: string; needed?: string } {
  return (e as { data?: { error?: string; needed?: string } } | undefined)?.data ?? {};
}

/** The Slack part: token, scopes, channels. The bot runs this at start-up with its own client and store. */
export async function slackChecks(client: WebClient, db: Db, config: Pick<Config, "slackApiUrl">): Promise<Check[]> {
  const checks: Check[] = [];
  let granted: string[];
  try {
    const auth = await client.auth.test();
    granted = (auth.response_metadata as { scopes?: string[] } | undefined)?.scopes ?? [];
    checks.push({ ok: true, what: "Slack 令牌", detail: `有效（工作区 ${auth.team}，机器人 @${auth.user}）` });
  } catch (e) {
    const { error } = slackError(e);
    const fix =
      error === "invalid_auth" || error === "not_authed" || error === "account_inactive" || error === "token_revoked"
        ? "在 api.slack.com/apps → 本应用 → OAuth & Permissions 复制 Bot User OAuth Token（xoxb- 开头），填入 SLACK_BOT_TOKEN"
        : `确认本机能访问 ${config.slackApiUrl}（内网请设置 HTTPS_PROXY，见 README“内网部署”）`;
    checks.push({ ok: false, what: "Slack 令牌", detail: error ? `Slack 拒绝：${error}` : `无法连接 Slack（${e instanceof Error ? e.message : String(e)}）`, fix });
    return checks; // without a working token nothing else can be checked
  }

  const wanted = manifestBotScopes();
  const missing = wanted.filter((s) => !granted.includes(s));
  checks.push(
    missing.length === 0
      ? { ok: true, what: "权限范围", detail: `令牌具备 manifest.yml 要求的全部 ${wanted.length} 项权限` }
      : {
          ok: false,
          what: "权限范围",
          detail: `令牌缺少 ${missing.join("、")}`,
          fix: "在 api.slack.com/apps → 本应用 → OAuth & Permissions 添加这些 Bot Token Scopes（或用 manifest.yml 更新应用），再点 Reinstall to Workspace 重新安装，并更新 SLACK_BOT_TOKEN",
        },
  );

  let targets: ChannelTarget[];
  try {
    targets = await channelsToReach(db);
  } catch (e) {
    checks.push({ ok: false, what: "频道", detail: `无法从数据库读取汇总频道和工作组频道（${e instanceof Error ? e.message : String(e)}）`, fix: "先按上面“数据库”一行修好数据库" });
    return checks;
  }
  if (targets.length === 0) checks.push({ ok: false, what: "频道", detail: "未设置汇总频道，也没有工作组频道", fix: "设置 SUMMARY_CHANNEL_ID（或 dispatch jobs configure），并在台账“工作组”表填写频道 ID 后导入" });
  for (const target of targets) checks.push(channelCheck(target.label, await reachChannel(client, target.id)));
  return checks;
}

interface ChannelTarget {
  id: string;
  /** Where the channel is used: 汇总频道, or 工作组“…”频道. */
  label: string;
}

async function channelsToReach(db: Db): Promise<ChannelTarget[]> {
  const targets: ChannelTarget[] = [];
  const config = await loadJobsConfig(db);
  if (config.summaryChannel) targets.push({ id: config.summaryChannel, label: "汇总频道" });
  for (const g of await listGroups(db)) if (g.channelId) targets.push({ id: g.channelId, label: `工作组“${g.name}”频道` });
  return targets;
}

function channelCheck(label: string, r: ChannelReach): Check {
  const named = r.name ? `#${r.name}（${r.id}）` : r.id;
  const what = `${label} ${named}`;
  if (r.ok) return { ok: true, what, detail: r.joined ? CHANNEL_REACH.joined(r.name ?? r.id) : "机器人可以发送" };
  switch (r.problem) {
    case "not_found":
      return { ok: false, what, detail: "找不到该频道", fix: CHANNEL_REACH.notFound(r.id) };
    case "not_member":
      return { ok: false, what, detail: "机器人不在该频道", fix: CHANNEL_REACH.notMember(r.name ?? r.id) };
    case "archived":
      return { ok: false, what, detail: "频道已归档", fix: CHANNEL_REACH.archived(r.name ?? r.id) };
    case "missing_scope":
      return { ok: false, what, detail: `令牌缺少 ${r.needed ?? "所需"} 权限，无法检查`, fix: "按上面“权限范围”一行补齐权限后重新安装应用" };
    default:
      return { ok: false, what, detail: `Slack 拒绝：${r.error ?? "未知错误"}`, fix: "稍后重试；如持续出现，请查看日志" };
  }
}

/** Everything, from the environment, in order; stops where a later check could not run. */
export async function runDoctor(env: Record<string, string | undefined> = process.env): Promise<Check[]> {
  const checks: Check[] = [];
  let config: Config;
  try {
    config = loadConfig(env);
    checks.push({ ok: true, what: "配置", detail: `${config.socketMode ? "Socket Mode" : "HTTP 模式"}，Slack API ${config.slackApiUrl}` });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    checks.push({ ok: false, what: "配置", detail: e.message.split("\n").slice(1, -1).map((l) => l.trim()).join("；"), fix: "按 README“配置”一节设置环境变量（或 .env）后重试" });
    return checks;
  }

  let store;
  try {
    store = await openStore(config.databaseUrl, { migrate: false, allowExitOnIdle: true });
    await storeReachable(store.db);
    const pending = await pendingMigrations(store.db, store.target);
    checks.push(
      pending.length === 0
        ? { ok: true, what: "数据库", detail: `可连接，结构为最新（${store.target.provider}）` }
        : { ok: false, what: "数据库", detail: `可连接，但有 ${pending.length} 个迁移尚未执行（${pending.join("、")}）`, fix: "启动一次机器人（npm start）即自动执行迁移；多进程部署请先停止旧版本" },
    );
  } catch (e) {
    await store?.close().catch(() => {});
    checks.push({ ok: false, what: "数据库", detail: e instanceof Error ? e.message : String(e), fix: "检查 DATABASE_URL（见 README“配置”），确认数据库已启动且本机可以连接" });
    return checks;
  }

  try {
    const client = new WebClient(config.botToken, { slackApiUrl: config.slackApiUrl, retryConfig: { retries: 1 }, logLevel: LogLevel.ERROR, fetch: egressFetch(egressDispatcher(env)) });
    checks.push(...(await slackChecks(client, store.db, config)));
  } finally {
    await store.close();
  }
  return checks;
}
