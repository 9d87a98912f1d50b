import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import {
  voteBallotCounts,
  voteMeetingPresence,
  voteNamedBallots,
  voteOptions,
  votePaperCounts,
  voteParticipations,
  voteProxies,
  voteSettings,
  votes,
  voteTallies,
} from "./votes.tables";

export type VoteRow = typeof votes.$inferSelect;
export type NewVote = typeof votes.$inferInsert;
export type OptionRow = typeof voteOptions.$inferSelect;
export type PaperRow = typeof votePaperCounts.$inferSelect;

export async function findVote(
  db: Executor,
  organisationId: string,
  id: string,
  lock: "update" | "share" | null = null,
): Promise<VoteRow | null> {
  const query = db
    .select()
    .from(votes)
    .where(and(eq(votes.organisationId, organisationId), eq(votes.id, id)));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export async function listVotes(db: Executor, organisationId: string): Promise<VoteRow[]> {
  return db
    .select()
    .from(votes)
    .where(eq(votes.organisationId, organisationId))
    .orderBy(desc(votes.createdAt));
}

export async function listVotesOfEvent(db: Executor, organisationId: string, eventId: string) {
  return db
    .select()
    .from(votes)
    .where(and(eq(votes.organisationId, organisationId), eq(votes.eventId, eventId)))
    .orderBy(asc(votes.createdAt));
}

export async function insertVote(db: Executor, values: NewVote): Promise<VoteRow> {
  const [row] = await db.insert(votes).values(values).returning();
  if (!row) throw new Error("vote not inserted");
  return row;
}

export async function updateVote(db: Executor, id: string, values: Partial<NewVote>): Promise<VoteRow> {
  const [row] = await db.update(votes).set(values).where(eq(votes.id, id)).returning();
  if (!row) throw new Error("vote not updated");
  return row;
}

export async function deleteVote(db: Executor, id: string): Promise<void> {
  await db.delete(votes).where(eq(votes.id, id));
}

/** Votes whose opening or closing time has come (for the job). */
export async function listDueVotes(db: Executor, now: Date) {
  const toOpen = await db
    .select({ id: votes.id, organisationId: votes.organisationId })
    .from(votes)
    .where(and(eq(votes.status, "scheduled"), lte(votes.opensAt, now)));
  const toClose = await db
    .select({ id: votes.id, organisationId: votes.organisationId })
    .from(votes)
    .where(and(eq(votes.status, "open"), lte(votes.closesAt, now)));
  return { toOpen, toClose };
}

// Options ---------------------------------------------------------------------------------------------------

export async function listOptions(db: Executor, voteId: string): Promise<OptionRow[]> {
  return db
    .select()
    .from(voteOptions)
    .where(eq(voteOptions.voteId, voteId))
    .orderBy(asc(voteOptions.position));
}

export async function listOptionsOfVotes(db: Executor, voteIds: readonly string[]): Promise<OptionRow[]> {
  if (voteIds.length === 0) return [];
  return db
    .select()
    .from(voteOptions)
    .where(inArray(voteOptions.voteId, [...voteIds]))
    .orderBy(asc(voteOptions.position));
}

export async function replaceMotionOptions(
  db: Executor,
  organisationId: string,
  voteId: string,
  options: { label: string; role: "yes" | "no" | null }[],
): Promise<void> {
  await db.delete(voteOptions).where(eq(voteOptions.voteId, voteId));
  if (options.length === 0) return;
  await db
    .insert(voteOptions)
    .values(
      options.map((o, position) => ({ organisationId, voteId, position, label: o.label, role: o.role })),
    );
}

export async function upsertCandidate(
  db: Executor,
  organisationId: string,
  voteId: string,
  candidate: { userId: string; label: string; introduction: string },
): Promise<void> {
  const [last] = await db
    .select({ position: voteOptions.position })
    .from(voteOptions)
    .where(eq(voteOptions.voteId, voteId))
    .orderBy(desc(voteOptions.position))
    .limit(1);
  await db
    .insert(voteOptions)
    .values({
      organisationId,
      voteId,
      position: (last?.position ?? -1) + 1,
      label: candidate.label,
      role: null,
      candidateUserId: candidate.userId,
      introduction: candidate.introduction,
    })
    .onConflictDoUpdate({
      target: [voteOptions.voteId, voteOptions.candidateUserId],
      set: { introduction: candidate.introduction, label: candidate.label },
    });
}

export async function deleteOption(db: Executor, voteId: string, optionId: string): Promise<boolean> {
  const rows = await db
    .delete(voteOptions)
    .where(and(eq(voteOptions.voteId, voteId), eq(voteOptions.id, optionId)))
    .returning({ id: voteOptions.id });
  return rows.length > 0;
}

// Counting --------------------------------------------------------------------------------------------------

/**
 * The counters start at zero for every option, created in the options' order when voting opens, so that no
 * row is ever created by a ballot (its position would tell which option the first voter chose).
 */
export async function createCounters(
  db: Executor,
  voteId: string,
  optionIds: readonly string[],
): Promise<void> {
  await db.insert(voteBallotCounts).values({ voteId }).onConflictDoNothing();
  if (optionIds.length === 0) return;
  await db
    .insert(voteTallies)
    .values(optionIds.map((optionId) => ({ voteId, optionId, count: 0 })))
    .onConflictDoNothing();
}

/** Records that `userId` has voted; false when she already had (the roll's primary key decides). */
export async function insertParticipation(
  db: Executor,
  voteId: string,
  userId: string,
  castByUserId: string,
): Promise<boolean> {
  const rows = await db
    .insert(voteParticipations)
    .values({ voteId, userId, castByUserId })
    .onConflictDoNothing()
    .returning({ userId: voteParticipations.userId });
  return rows.length > 0;
}

/**
 * Adds one ballot to the counters. Every counter row of the vote is rewritten by the one statement (adding 0
 * where nothing was marked): updating only the chosen rows would move them to the end of the table, and a
 * plain SELECT would then show which option the latest voter chose.
 */
export async function addToCounters(
  db: Executor,
  voteId: string,
  optionIds: readonly string[],
  weight: number,
  abstains: boolean,
): Promise<void> {
  const chosen =
    optionIds.length === 0
      ? sql`false`
      : sql`${voteTallies.optionId} in (${sql.join(
          optionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  await db
    .update(voteTallies)
    .set({ count: sql`${voteTallies.count} + case when ${chosen} then ${weight}::int else 0 end` })
    .where(eq(voteTallies.voteId, voteId));
  await db
    .update(voteBallotCounts)
    .set({
      ballots: sql`${voteBallotCounts.ballots} + ${weight}::int`,
      abstentions: sql`${voteBallotCounts.abstentions} + ${abstains ? weight : 0}::int`,
    })
    .where(eq(voteBallotCounts.voteId, voteId));
}

export async function readCounters(
  db: Executor,
  voteId: string,
): Promise<{ ballots: number; abstentions: number; counts: Record<string, number> }> {
  const [totals] = await db.select().from(voteBallotCounts).where(eq(voteBallotCounts.voteId, voteId));
  const rows = await db.select().from(voteTallies).where(eq(voteTallies.voteId, voteId));
  return {
    ballots: totals?.ballots ?? 0,
    abstentions: totals?.abstentions ?? 0,
    counts: Object.fromEntries(rows.map((r) => [r.optionId, r.count])),
  };
}

export async function countParticipants(db: Executor, voteId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(voteParticipations)
    .where(eq(voteParticipations.voteId, voteId));
  return Number(row?.n ?? 0);
}

export async function participatedUserIds(
  db: Executor,
  voteIds: readonly string[],
  userIds: readonly string[],
): Promise<Set<string>> {
  if (voteIds.length === 0 || userIds.length === 0) return new Set();
  const rows = await db
    .select({ voteId: voteParticipations.voteId, userId: voteParticipations.userId })
    .from(voteParticipations)
    .where(
      and(inArray(voteParticipations.voteId, [...voteIds]), inArray(voteParticipations.userId, [...userIds])),
    );
  return new Set(rows.map((r) => `${r.voteId}:${r.userId}`));
}

export async function insertNamedBallot(db: Executor, values: typeof voteNamedBallots.$inferInsert) {
  await db.insert(voteNamedBallots).values(values);
}

export async function listNamedBallots(db: Executor, voteId: string) {
  return db
    .select()
    .from(voteNamedBallots)
    .where(eq(voteNamedBallots.voteId, voteId))
    .orderBy(asc(voteNamedBallots.castAt));
}

export async function insertPaperCount(db: Executor, values: typeof votePaperCounts.$inferInsert) {
  await db.insert(votePaperCounts).values(values);
}

export async function listPaperCounts(db: Executor, voteId: string): Promise<PaperRow[]> {
  return db
    .select()
    .from(votePaperCounts)
    .where(eq(votePaperCounts.voteId, voteId))
    .orderBy(asc(votePaperCounts.enteredAt));
}

// Meetings --------------------------------------------------------------------------------------------------

export async function listPresent(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: voteMeetingPresence.userId })
    .from(voteMeetingPresence)
    .where(eq(voteMeetingPresence.eventId, eventId))
    .orderBy(asc(voteMeetingPresence.markedAt));
  return rows.map((r) => r.userId);
}

export async function markPresent(
  db: Executor,
  values: { organisationId: string; eventId: string; userId: string; markedBy: string; markedAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(voteMeetingPresence)
    .values(values)
    .onConflictDoNothing()
    .returning({ userId: voteMeetingPresence.userId });
  return rows.length > 0;
}

export async function removePresence(db: Executor, eventId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(voteMeetingPresence)
    .where(and(eq(voteMeetingPresence.eventId, eventId), eq(voteMeetingPresence.userId, userId)))
    .returning({ userId: voteMeetingPresence.userId });
  return rows.length > 0;
}

export async function listProxies(db: Executor, eventId: string) {
  return db
    .select()
    .from(voteProxies)
    .where(eq(voteProxies.eventId, eventId))
    .orderBy(asc(voteProxies.createdAt));
}

export async function upsertProxy(
  db: Executor,
  values: {
    organisationId: string;
    eventId: string;
    fromUserId: string;
    holderUserId: string;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insert(voteProxies)
    .values(values)
    .onConflictDoUpdate({
      target: [voteProxies.eventId, voteProxies.fromUserId],
      set: { holderUserId: values.holderUserId, createdAt: values.createdAt },
    });
}

/** Whether a ballot of this meeting was cast for `fromUserId` by someone else, i.e. with her proxy. */
export async function isProxyUsed(db: Executor, eventId: string, fromUserId: string): Promise<boolean> {
  const rows = await db
    .select({ voteId: voteParticipations.voteId })
    .from(voteParticipations)
    .innerJoin(votes, eq(votes.id, voteParticipations.voteId))
    .where(
      and(
        eq(votes.eventId, eventId),
        eq(voteParticipations.userId, fromUserId),
        sql`${voteParticipations.castByUserId} <> ${voteParticipations.userId}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function deleteProxy(db: Executor, eventId: string, fromUserId: string): Promise<boolean> {
  const rows = await db
    .delete(voteProxies)
    .where(and(eq(voteProxies.eventId, eventId), eq(voteProxies.fromUserId, fromUserId)))
    .returning({ fromUserId: voteProxies.fromUserId });
  return rows.length > 0;
}

// Settings --------------------------------------------------------------------------------------------------

export async function findSettings(
  db: Executor,
  organisationId: string,
): Promise<{ proxiesAllowed: boolean; maxProxiesPerHolder: number }> {
  const [row] = await db.select().from(voteSettings).where(eq(voteSettings.organisationId, organisationId));
  return {
    proxiesAllowed: row?.proxiesAllowed ?? false,
    maxProxiesPerHolder: row?.maxProxiesPerHolder ?? 1,
  };
}

export async function saveSettings(
  db: Executor,
  organisationId: string,
  values: { proxiesAllowed: boolean; maxProxiesPerHolder: number },
  now: Date,
): Promise<void> {
  await db
    .insert(voteSettings)
    .values({ organisationId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: voteSettings.organisationId, set: { ...values, updatedAt: now } });
}
