import { resolve } from "node:path";
import { databaseTarget, DEFAULT_DATABASE_URL } from "../store/database-target.ts";

// When `npm start` runs the sandbox, and on what: the sandbox must never touch
// a real district's data nor be reachable from the network unless asked. The
// single place these decisions are made, so main.ts and the tests agree.

export const SANDBOX_DATABASE_URL = "file:./data/sandbox.db";
export const SLACK_SETTINGS = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_SOCKET_MODE", "SLACK_API_URL"] as const;

type Env = Record<string, string | undefined>;

/**
 * The Slack settings present in the environment, blank ones included: a blank
 * token is a mistake to report (a systemd unit or .env with `SLACK_BOT_TOKEN=`),
 * not a wish for the sandbox. The sandbox runs only when this is empty.
 */
export function slackSettingsPresent(env: Env): string[] {
  return SLACK_SETTINGS.filter((k) => env[k] !== undefined);
}

export class SandboxSettingsError extends Error {}

export interface SandboxSettings {
  databaseUrl: string;
  host: string;
  port: number;
  /** Printed at start when the page is reachable from other machines. */
  warning?: string;
}

/** The same store? File URLs compared by the file they resolve to. */
function sameStore(a: string, b: string): boolean {
  const file = (u: string) => (u.startsWith("file:") ? `file:${resolve(u.slice(5))}` : u.replace(/\/+$/, ""));
  return file(a) === file(b);
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** The sandbox's store, address and port; refuses the production store however it is named. */
export function sandboxSettings(env: Env): SandboxSettings {
  const databaseUrl = env.SANDBOX_DATABASE_URL || SANDBOX_DATABASE_URL;
  for (const production of [env.DATABASE_URL, DEFAULT_DATABASE_URL].filter((u): u is string => !!u)) {
    if (sameStore(databaseUrl, production))
      throw new SandboxSettingsError(
        `沙盒不能使用正式数据库（${production.startsWith("file:") ? production : "DATABASE_URL"}）。请删除 SANDBOX_DATABASE_URL 使用默认的 ${SANDBOX_DATABASE_URL}，或指定另一个数据库。`,
      );
  }
  try {
    databaseTarget(databaseUrl);
  } catch {
    throw new SandboxSettingsError(`SANDBOX_DATABASE_URL 无法识别。请写成 file:./data/sandbox.db（SQLite）或 postgresql://…（PostgreSQL）。`);
  }
  const port = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SandboxSettingsError(`PORT 须是 0–65535 的整数（0 表示任选空闲端口），现为 ${env.PORT}。`);
  const host = env.SANDBOX_HOST || "127.0.0.1";
  const warning = LOOPBACK.has(host)
    ? undefined
    : `注意：沙盒在 ${host} 上监听，网络上的其他人也能打开它、切换身份并以管理员操作。只在可信网络中这样做；去掉 SANDBOX_HOST 即只允许本机访问。`;
  return { databaseUrl, host, port, warning };
}
