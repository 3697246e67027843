import pino, { type Logger as Pino } from "pino";
import type { LogLevel, Logger as BoltLogger } from "@slack/bolt";

// Structured JSON logs (one line per event) for the bot and for Bolt itself.

export type Logger = Pino;

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "zhaoshang-dispatch" } });
}

/** Bolt's logger interface on top of pino, so Bolt's own messages are structured too. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  let level = "info" as LogLevel; // LogLevel.INFO, without loading Bolt where only the logger is wanted
  return {
    debug: (...msg) => child.debug(msg.join(" ")),
    info: (...msg) => child.info(msg.join(" ")),
    warn: (...msg) => child.warn(msg.join(" ")),
    error: (...msg) => child.error(msg.map(String).join(" ")),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
