import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Executor } from "../db/client";
import type { Platform } from "../types";
import { jobMarks } from "./jobs.tables";

export interface Job {
  name: string;
  /** How often the job runs; it must be harmless to run it more often (idempotent). */
  everyMs: number;
  run(platform: Platform): Promise<unknown>;
}

function lockId(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Runs one job in one transaction under a transaction-level advisory lock: with several servers on one
 * PostgreSQL, only one of them works through a job at a time (the others skip that round), and a crash
 * half-way leaves nothing half-done.
 */
export async function runJobOnce(platform: Platform, job: Job): Promise<boolean> {
  const ran = await platform.db.transaction(async (tx) => {
    const result = await tx.execute(sql`select pg_try_advisory_xact_lock(${lockId(job.name)}) as locked`);
    const [row] = (result as unknown as { rows: { locked: boolean }[] }).rows;
    if (!row?.locked) return false;
    await job.run({ ...platform, db: tx });
    return true;
  });
  if (ran) platform.mailer.kick();
  return ran;
}

/** Marks a piece of work done; returns false when it was already done (by this or another server). */
export async function markDone(db: Executor, job: string, key: string): Promise<boolean> {
  const rows = await db
    .insert(jobMarks)
    .values({ job, key })
    .onConflictDoNothing()
    .returning({ key: jobMarks.key });
  return rows.length > 0;
}

/** Starts the periodic jobs; returns a function that stops them. */
export function startJobs(platform: Platform, jobs: Job[], log: FastifyBaseLogger): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const tick = () =>
      runJobOnce(platform, job).catch((error) => log.error({ err: error, job: job.name }, "job failed"));
    timers.push(setTimeout(tick, 5_000));
    timers.push(setInterval(tick, job.everyMs));
  }
  timers.push(setInterval(() => platform.mailer.kick(), 60_000));
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
