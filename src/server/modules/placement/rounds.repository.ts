import { and, asc, count, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import {
  allocationRoundOrders,
  allocationRoundResults,
  allocationRoundRuns,
  allocationRounds,
  placementOffers,
  placementRequests,
  placementSuggestions,
} from "./placement.tables";

export type RoundRow = typeof allocationRounds.$inferSelect;
export type RoundValues = Omit<typeof allocationRounds.$inferInsert, "id" | "organisationId">;
export type RunRow = typeof allocationRoundRuns.$inferSelect;
export type ResultRow = typeof allocationRoundResults.$inferSelect;
export type OrderRow = typeof allocationRoundOrders.$inferSelect;

export async function listRounds(db: Executor, organisationId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(allocationRounds)
    .where(eq(allocationRounds.organisationId, organisationId))
    .orderBy(desc(allocationRounds.createdAt), desc(allocationRounds.id));
}

export async function findRound(
  db: Executor,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RoundRow | null> {
  const query = db
    .select()
    .from(allocationRounds)
    .where(and(eq(allocationRounds.organisationId, organisationId), eq(allocationRounds.id, id)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** Every organisation's open round, for the reminder job. */
export async function listOpenRoundsAll(db: Executor): Promise<RoundRow[]> {
  return db.select().from(allocationRounds).where(eq(allocationRounds.status, "open"));
}

/** How many caregivers each request of the organisation was suggested. */
export async function countSuggestionsByRequest(
  db: Executor,
  organisationId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ requestId: placementSuggestions.requestId, count: count() })
    .from(placementSuggestions)
    .where(eq(placementSuggestions.organisationId, organisationId))
    .groupBy(placementSuggestions.requestId);
  return new Map(rows.map((row) => [row.requestId, row.count]));
}

export async function findOpenRound(db: Executor, organisationId: string): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(allocationRounds)
    .where(and(eq(allocationRounds.organisationId, organisationId), eq(allocationRounds.status, "open")));
  return row ?? null;
}

export async function findFollowUp(
  db: Executor,
  organisationId: string,
  previousRoundId: string,
): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(allocationRounds)
    .where(
      and(
        eq(allocationRounds.organisationId, organisationId),
        eq(allocationRounds.previousRoundId, previousRoundId),
      ),
    )
    .orderBy(desc(allocationRounds.createdAt))
    .limit(1);
  return row ?? null;
}

/** Inserts a round; null when another round of the organisation is open (the unique index decides). */
export async function insertRound(
  db: Executor,
  organisationId: string,
  values: RoundValues,
): Promise<RoundRow | null> {
  const [row] = await db
    .insert(allocationRounds)
    .values({ ...values, organisationId })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updateRound(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<RoundValues>,
): Promise<RoundRow> {
  const [row] = await db
    .update(allocationRounds)
    .set(values)
    .where(and(eq(allocationRounds.organisationId, organisationId), eq(allocationRounds.id, id)))
    .returning();
  if (!row) throw new Error("round vanished");
  return row;
}

/**
 * The requests a round is about, in the order the round ranks equal points by (confirmed first): looking for
 * a place, wanting to start by the round's latest start, no offer waiting for an answer.
 */
export async function listRoundRequests(
  db: Executor,
  organisationId: string,
  latestWantedStart: string,
): Promise<(typeof placementRequests.$inferSelect)[]> {
  return db
    .select()
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.organisationId, organisationId),
        inArray(placementRequests.status, ["open", "suggested"]),
        lte(placementRequests.wantedStart, latestWantedStart),
        isNotNull(placementRequests.confirmedAt),
      ),
    )
    .orderBy(asc(placementRequests.confirmedAt), asc(placementRequests.id));
}

/** Every family's ranking in the organisation: request id → caregiver ids, first choice first. */
export async function listParentRanks(db: Executor, organisationId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({
      requestId: placementSuggestions.requestId,
      caregiverId: placementSuggestions.caregiverId,
    })
    .from(placementSuggestions)
    .where(
      and(
        eq(placementSuggestions.organisationId, organisationId),
        isNotNull(placementSuggestions.parentRank),
      ),
    )
    .orderBy(asc(placementSuggestions.requestId), asc(placementSuggestions.parentRank));
  const ranks = new Map<string, string[]>();
  for (const row of rows) {
    const list = ranks.get(row.requestId);
    if (list) list.push(row.caregiverId);
    else ranks.set(row.requestId, [row.caregiverId]);
  }
  return ranks;
}

/** The caregivers whose offer each family declined or let lapse: a round does not offer them again. */
export async function listRefusedCaregivers(
  db: Executor,
  organisationId: string,
): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ requestId: placementOffers.requestId, caregiverId: placementOffers.caregiverId })
    .from(placementOffers)
    .where(
      and(
        eq(placementOffers.organisationId, organisationId),
        inArray(placementOffers.status, ["declined", "expired"]),
      ),
    );
  const refused = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = refused.get(row.requestId);
    if (set) set.add(row.caregiverId);
    else refused.set(row.requestId, new Set([row.caregiverId]));
  }
  return refused;
}

export async function countOffersOfRound(
  db: Executor,
  organisationId: string,
  roundId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ status: placementOffers.status, count: count() })
    .from(placementOffers)
    .where(and(eq(placementOffers.organisationId, organisationId), eq(placementOffers.roundId, roundId)))
    .groupBy(placementOffers.status);
  return new Map(rows.map((row) => [row.status, row.count]));
}

export async function listOrders(db: Executor, organisationId: string, roundId: string): Promise<OrderRow[]> {
  return db
    .select()
    .from(allocationRoundOrders)
    .where(
      and(
        eq(allocationRoundOrders.organisationId, organisationId),
        eq(allocationRoundOrders.roundId, roundId),
      ),
    )
    .orderBy(asc(allocationRoundOrders.savedAt));
}

export async function findOrder(
  db: Executor,
  organisationId: string,
  roundId: string,
  caregiverId: string,
): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(allocationRoundOrders)
    .where(
      and(
        eq(allocationRoundOrders.organisationId, organisationId),
        eq(allocationRoundOrders.roundId, roundId),
        eq(allocationRoundOrders.caregiverId, caregiverId),
      ),
    );
  return row ?? null;
}

export async function saveOrder(
  db: Executor,
  values: typeof allocationRoundOrders.$inferInsert,
): Promise<void> {
  await db
    .insert(allocationRoundOrders)
    .values(values)
    .onConflictDoUpdate({
      target: [allocationRoundOrders.roundId, allocationRoundOrders.caregiverId],
      set: {
        requestIds: values.requestIds,
        reason: values.reason,
        savedAt: values.savedAt,
        savedByUserId: values.savedByUserId,
      },
    });
}

export async function deleteOrder(
  db: Executor,
  organisationId: string,
  roundId: string,
  caregiverId: string,
): Promise<void> {
  await db
    .delete(allocationRoundOrders)
    .where(
      and(
        eq(allocationRoundOrders.organisationId, organisationId),
        eq(allocationRoundOrders.roundId, roundId),
        eq(allocationRoundOrders.caregiverId, caregiverId),
      ),
    );
}

export async function insertRun(
  db: Executor,
  values: Omit<typeof allocationRoundRuns.$inferInsert, "id">,
): Promise<RunRow> {
  const [row] = await db.insert(allocationRoundRuns).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateRun(
  db: Executor,
  id: string,
  values: Partial<Omit<RunRow, "id" | "roundId" | "organisationId">>,
): Promise<void> {
  await db.update(allocationRoundRuns).set(values).where(eq(allocationRoundRuns.id, id));
}

export async function findLatestRun(
  db: Executor,
  organisationId: string,
  roundId: string,
  options: { doneOnly?: boolean } = {},
): Promise<RunRow | null> {
  const [row] = await db
    .select()
    .from(allocationRoundRuns)
    .where(
      and(
        eq(allocationRoundRuns.organisationId, organisationId),
        eq(allocationRoundRuns.roundId, roundId),
        options.doneOnly ? eq(allocationRoundRuns.status, "done") : undefined,
      ),
    )
    .orderBy(desc(allocationRoundRuns.startedAt), desc(allocationRoundRuns.id))
    .limit(1);
  return row ?? null;
}

/** Earlier runs' results are not read again: only the latest run of a round is kept with its rows. */
export async function deleteRunsBefore(
  db: Executor,
  organisationId: string,
  roundId: string,
  keepRunId: string,
): Promise<void> {
  await db
    .delete(allocationRoundRuns)
    .where(
      and(
        eq(allocationRoundRuns.organisationId, organisationId),
        eq(allocationRoundRuns.roundId, roundId),
        sql`${allocationRoundRuns.id} <> ${keepRunId}`,
      ),
    );
}

/** Inserts a run's result rows in batches that stay under PostgreSQL's parameter limit. */
export async function insertResults(db: Executor, rows: readonly ResultRow[]): Promise<void> {
  const BATCH = 500;
  for (let start = 0; start < rows.length; start += BATCH) {
    await db.insert(allocationRoundResults).values(rows.slice(start, start + BATCH));
  }
}

export type ResultWithRequest = ResultRow & {
  request: typeof placementRequests.$inferSelect;
};

export async function listResults(
  db: Executor,
  organisationId: string,
  runId: string,
  options: { filter: "all" | "placed" | "unplaced"; limit?: number; offset?: number; requestId?: string },
): Promise<{ rows: ResultWithRequest[]; total: number }> {
  const where = and(
    eq(allocationRoundResults.organisationId, organisationId),
    eq(allocationRoundResults.runId, runId),
    options.filter === "placed" ? isNotNull(allocationRoundResults.caregiverId) : undefined,
    options.filter === "unplaced" ? sql`${allocationRoundResults.caregiverId} is null` : undefined,
    options.requestId ? eq(allocationRoundResults.requestId, options.requestId) : undefined,
  );
  const [totalRow] = await db.select({ total: count() }).from(allocationRoundResults).where(where);
  const rows = await db
    .select({ result: allocationRoundResults, request: placementRequests })
    .from(allocationRoundResults)
    .innerJoin(placementRequests, eq(placementRequests.id, allocationRoundResults.requestId))
    .where(where)
    .orderBy(
      desc(placementRequests.priorityPoints),
      asc(placementRequests.confirmedAt),
      asc(placementRequests.id),
    )
    .limit(options.limit ?? 1_000_000)
    .offset(options.offset ?? 0);
  return { rows: rows.map(({ result, request }) => ({ ...result, request })), total: totalRow?.total ?? 0 };
}

/** The latest round a request took part in whose result was published, with its row. */
export async function findPublishedResultOfRequest(
  db: Executor,
  organisationId: string,
  requestId: string,
): Promise<{ round: RoundRow; result: ResultRow } | null> {
  const [row] = await db
    .select({ round: allocationRounds, result: allocationRoundResults })
    .from(allocationRoundResults)
    .innerJoin(allocationRoundRuns, eq(allocationRoundRuns.id, allocationRoundResults.runId))
    .innerJoin(allocationRounds, eq(allocationRounds.id, allocationRoundRuns.roundId))
    .where(
      and(
        eq(allocationRoundResults.organisationId, organisationId),
        eq(allocationRoundResults.requestId, requestId),
        eq(allocationRounds.status, "published"),
      ),
    )
    .orderBy(desc(allocationRounds.publishedAt))
    .limit(1);
  return row ?? null;
}
