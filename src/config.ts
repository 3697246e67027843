import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./store/database-target.ts";

// Every setting of the running bot, validated once at start. Names follow
// Slack's own tools where one exists. A bad or missing setting stops the
// start with one line per problem, in Chinese and English.

const slackId = /^[UW][A-Z0-9]+$/;

export const configSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", "须以 xoxb- 开头 / must start with xoxb-").optional(),
    SLACK_SIGNING_SECRET: z.string().min(8, "太短 / too short").optional(),
    SLACK_APP_TOKEN: z.string().startsWith("xapp-", "须以 xapp- 开头 / must start with xapp-").optional(),
    SLACK_SOCKET_MODE: z.enum(["true", "false"]).optional(),
    SLACK_API_URL: z.url("须是 URL，例如 https://slack.com/api/ / must be a URL").default("https://slack.com/api/"),
    PORT: z.coerce.number().int().min(0, "0 表示任选空闲端口 / 0 picks a free port").max(65535).default(3000),
    HOST: z.string().optional(),
    DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
    TZ: z.string().optional(),
    ADMIN_USER_IDS: z
      .string()
      .default("")
      .transform((s) => s.split(/[,\s、]+/).filter(Boolean))
      .refine((ids) => ids.every((id) => slackId.test(id)), "须是逗号分隔的 Slack 用户 ID，例如 U012ABCDEF / comma-separated Slack user ids"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(64, "至少 64 / at least 64").default(512),
  })
  .superRefine((c, ctx) => {
    const socket = c.SLACK_SOCKET_MODE === "true";
    if (!c.SLACK_BOT_TOKEN) ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "缺少 / missing (xoxb-...)" });
    if (socket && !c.SLACK_APP_TOKEN) ctx.addIssue({ code: "custom", path: ["SLACK_APP_TOKEN"], message: "Socket Mode 需要 / required in Socket Mode (xapp-...)" });
    if (!socket && !c.SLACK_SIGNING_SECRET) ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "HTTP 模式需要 / required in HTTP mode" });
    if (c.TZ)
      try {
        new Intl.DateTimeFormat("en", { timeZone: c.TZ });
      } catch {
        ctx.addIssue({ code: "custom", path: ["TZ"], message: `未知时区 / unknown time zone: ${c.TZ}` });
      }
  })
  .transform((c) => ({
    botToken: c.SLACK_BOT_TOKEN!,
    signingSecret: c.SLACK_SIGNING_SECRET ?? "",
    appToken: c.SLACK_APP_TOKEN,
    socketMode: c.SLACK_SOCKET_MODE === "true",
    slackApiUrl: c.SLACK_API_URL.endsWith("/") ? c.SLACK_API_URL : `${c.SLACK_API_URL}/`,
    port: c.PORT,
    /** The address to listen on; every interface when unset (Slack must reach the bot). */
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    /** The district's time zone when set; otherwise the stored setting (default Asia/Shanghai). */
    timeZone: c.TZ,
    admins: c.ADMIN_USER_IDS,
    logLevel: c.LOG_LEVEL,
    /** Heap cap of the worker thread that builds the scheduled reports. */
    reportWorkerMemoryMb: c.REPORT_WORKER_MEMORY_MB,
  }));

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads the settings from an environment; throws ConfigError naming every bad one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(configSchema.in.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const parsed = configSchema.safeParse(picked);
  if (parsed.success) return parsed.data;
  // A blank setting is told apart from a missing one: the fix is to fill it in or delete the line.
  const blank = (key: string) => (env[key] === "" ? "（已设置但为空，请填写或删除这一行 / set but blank）" : "");
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}${blank(String(i.path[0]))}`);
  throw new ConfigError(`配置有误，机器人未启动 / invalid configuration, not started:\n${lines.join("\n")}\n（见 README 的“配置”一节 / see README, Configuration）`);
}
