import type { Db } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";

// Claims on (job, period): the database decides which process posts a period.

export interface JobRunRow {
  id: number;
  job: string;
  period: string;
  status: string;
  claimedBy: string;
  claimedAt: Date;
  leaseUntil: Date;
  attempts: number;
  late: boolean;
  doneAt: Date | null;
  error: string | null;
  progress: string;
}

export type Claim = { claimed: true; run: JobRunRow } | { claimed: false; run: JobRunRow | null };

/**
 * Claims the period for `worker` until `now + leaseMs`. It succeeds for a new
 * period, for a FAILED one, and for a CLAIMED one whose lease ran out (its
 * worker crashed); it fails while another worker holds a live claim or once
 * the period is DONE. The conditional update makes two racing workers agree.
 */
export async function claimJobRun(db: Db, job: string, period: string, worker: string, now: Date, leaseMs: number, late: boolean): Promise<Claim> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  try {
    const run = await db.jobRun.create({ data: { job, period, status: "CLAIMED", claimedBy: worker, claimedAt: now, leaseUntil, late } });
    return { claimed: true, run };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  const existing = await db.jobRun.findUnique({ where: { job_period: { job, period } } });
  if (!existing || existing.status === "DONE") return { claimed: false, run: existing };
  if (existing.status === "CLAIMED" && existing.leaseUntil > now) return { claimed: false, run: existing };
  const { count } = await db.jobRun.updateMany({
    where: { id: existing.id, status: existing.status, leaseUntil: existing.leaseUntil },
    data: { status: "CLAIMED", claimedBy: worker, claimedAt: now, leaseUntil, attempts: { increment: 1 }, late: existing.late || late },
  });
  if (count === 0) return { claimed: false, run: existing };
  return { claimed: true, run: (await db.jobRun.findUnique({ where: { id: existing.id } }))! };
}

/**
 * Saves what has been posted so far, so a retry resumes instead of posting
 * again, and renews the lease to `leaseUntil`: a run that keeps making
 * progress is never taken over, however long Slack's pace makes it. False
 * when `worker` no longer holds the run (its lease ran out and another took it).
 */
export async function saveJobProgress(db: Db, id: number, worker: string, progress: object, leaseUntil?: Date): Promise<boolean> {
  const { count } = await db.jobRun.updateMany({
    where: { id, claimedBy: worker, status: "CLAIMED" },
    data: { progress: JSON.stringify(progress), ...(leaseUntil ? { leaseUntil } : {}) },
  });
  return count > 0;
}

export async function finishJobRun(db: Db, id: number, worker: string, now: Date): Promise<void> {
  await db.jobRun.updateMany({ where: { id, claimedBy: worker }, data: { status: "DONE", doneAt: now, error: null } });
}

export async function failJobRun(db: Db, id: number, worker: string, error: string): Promise<void> {
  await db.jobRun.updateMany({ where: { id, claimedBy: worker }, data: { status: "FAILED", error: error.slice(0, 2000) } });
}

export async function isJobDone(db: Db, job: string, period: string): Promise<boolean> {
  return (await db.jobRun.findUnique({ where: { job_period: { job, period } } }))?.status === "DONE";
}

export async function jobHistory(db: Db, limit = 50): Promise<JobRunRow[]> {
  return db.jobRun.findMany({ orderBy: [{ claimedAt: "desc" }, { id: "desc" }], take: limit });
}
