import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SlackStandin } from "../slack-standin/index.ts";
import { writeBackup } from "../store/backup.ts";
import type { Store } from "../store/client.ts";
import { sqliteFilePath, type DatabaseTarget } from "../store/database-target.ts";
import { rollBackTo } from "../store/sandbox-reset.ts";

// Time travel runs on a scratch copy: the first trip away from today saves the
// store (a backup file, a checkpoint) and notes which messages exist; returning
// to today puts the store back and removes what was posted meanwhile
// (messages and private answers). So no
// record dated at the travelled time outlives the trip, and the card, App Home
// and reports agree again. The checkpoint is a file named by the database, so
// a sandbox stopped mid-trip rolls back when it starts again.

export interface TimeTravel {
  /** Whether the clock is away from today (a checkpoint is held). */
  readonly away: boolean;
  /** Called before the clock moves: takes the checkpoint on the first trip. */
  depart(): Promise<void>;
  /** Puts the store and the channels back as they were before the first trip. */
  returnHome(): Promise<void>;
}

/** Beside a SQLite file (deleting data/ deletes it too); for PostgreSQL in the temp directory, named by the database. */
export function checkpointPath(target: DatabaseTarget): string {
  if (target.provider === "sqlite") return `${sqliteFilePath(target)}.travel-checkpoint`;
  return join(tmpdir(), `zhaoshang-sandbox-travel-${createHash("sha256").update(target.url).digest("hex").slice(0, 16)}.backup`);
}

/** Rolls back a trip the last sandbox on this database did not return from. */
export async function returnFromUnfinishedTrip(store: Store): Promise<boolean> {
  const path = checkpointPath(store.target);
  if (!existsSync(path)) return false;
  await rollBackTo(store.target, path);
  await rm(path, { force: true });
  return true;
}

export function createTimeTravel(store: Store, standin: SlackStandin): TimeTravel {
  const path = checkpointPath(store.target);
  let before: Set<string> | undefined;
  let ephemeralsBefore = 0;
  const key = (channel: string, ts: string) => `${channel}/${ts}`;
  return {
    get away() {
      return before !== undefined;
    },
    async depart() {
      if (before) return;
      await writeBackup(store.target, path);
      before = new Set();
      ephemeralsBefore = standin.workspace.ephemerals.length;
      for (const c of standin.workspace.channels.keys()) for (const m of standin.workspace.allMessages(c)) before.add(key(c, m.ts));
    },
    async returnHome() {
      if (!before) return;
      await rollBackTo(store.target, path);
      await rm(path, { force: true });
      // Newest first, so a thread's replies go before their parent.
      for (const c of standin.workspace.channels.keys())
        for (const m of standin.workspace.allMessages(c).reverse()) if (!before.has(key(c, m.ts))) standin.workspace.remove(c, m.ts);
      // Private answers too: they spoke of the trip's changes.
      standin.workspace.ephemerals.splice(ephemeralsBefore);
      before = undefined;
    },
  };
}
