import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { ContractListStatus, PlacementStatus } from "../../../contracts/placement";
import type { Executor } from "../../platform/db/client";
import { guestLinks } from "../../platform/guest-link";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import {
  careContracts,
  placementCatalogues,
  placementCriteria,
  placementOffers,
  placementRequestEvents,
  placementRequests,
  placementSuggestions,
} from "./placement.tables";

export type CriterionRow = typeof placementCriteria.$inferSelect;
export type CriterionValues = Pick<
  typeof placementCriteria.$inferInsert,
  "fact" | "label" | "points" | "isPublished"
>;
export type CatalogueRow = typeof placementCatalogues.$inferSelect;
export type RequestRow = typeof placementRequests.$inferSelect;
export type RequestValues = Omit<typeof placementRequests.$inferInsert, "id" | "organisationId">;
export type EventRow = typeof placementRequestEvents.$inferSelect;
export type EventValues = Omit<typeof placementRequestEvents.$inferInsert, "id" | "organisationId">;
export type SuggestionRow = typeof placementSuggestions.$inferSelect;
export type OfferRow = typeof placementOffers.$inferSelect;
export type OfferValues = Omit<typeof placementOffers.$inferInsert, "id" | "organisationId">;
export type ContractRow = typeof careContracts.$inferSelect;
export type ContractValues = Omit<typeof careContracts.$inferInsert, "id" | "organisationId">;

/** The criteria in the order they were added, which is the order parents see the questions in. */
export async function listCriteria(db: Executor, organisationId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(placementCriteria)
    .where(eq(placementCriteria.organisationId, organisationId))
    .orderBy(asc(placementCriteria.position));
}

export async function findCatalogue(db: Executor, organisationId: string): Promise<CatalogueRow | null> {
  const [row] = await db
    .select()
    .from(placementCatalogues)
    .where(eq(placementCatalogues.organisationId, organisationId));
  return row ?? null;
}

export async function insertCriterion(
  db: Executor,
  organisationId: string,
  values: CriterionValues & { createdAt: Date; updatedAt: Date },
): Promise<CriterionRow> {
  const [row] = await db
    .insert(placementCriteria)
    .values({ ...values, organisationId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateCriterion(
  db: Executor,
  organisationId: string,
  id: string,
  values: CriterionValues & { updatedAt: Date },
): Promise<CriterionRow | null> {
  const [row] = await db
    .update(placementCriteria)
    .set(values)
    .where(and(eq(placementCriteria.organisationId, organisationId), eq(placementCriteria.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteCriterion(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<CriterionRow | null> {
  const [row] = await db
    .delete(placementCriteria)
    .where(and(eq(placementCriteria.organisationId, organisationId), eq(placementCriteria.id, id)))
    .returning();
  return row ?? null;
}

/** Whether another criterion of the organisation already weighs this fixed fact. */
export async function hasFactCriterion(
  db: Executor,
  organisationId: string,
  fact: CriterionRow["fact"],
  exceptId: string | null,
): Promise<boolean> {
  const rows = await db
    .select({ id: placementCriteria.id })
    .from(placementCriteria)
    .where(and(eq(placementCriteria.organisationId, organisationId), eq(placementCriteria.fact, fact)));
  return rows.some((row) => row.id !== exceptId);
}

/**
 * Raises the catalogue's version and returns it. The row is locked by the update, so two changes at once are
 * numbered one after the other and the later recomputation sees the earlier one's criteria.
 */
export async function bumpCatalogue(
  db: Executor,
  organisationId: string,
  userId: string | null,
  now: Date,
): Promise<number> {
  const [row] = await db
    .insert(placementCatalogues)
    .values({ organisationId, version: 1, updatedAt: now, updatedByUserId: userId })
    .onConflictDoUpdate({
      target: placementCatalogues.organisationId,
      set: { version: sql`${placementCatalogues.version} + 1`, updatedAt: now, updatedByUserId: userId },
    })
    .returning({ version: placementCatalogues.version });
  if (!row) throw new Error("upsert returned no row");
  return row.version;
}

export async function insertRequest(
  db: Executor,
  organisationId: string,
  values: RequestValues,
): Promise<RequestRow> {
  const [row] = await db
    .insert(placementRequests)
    .values({ ...values, organisationId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateRequest(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<RequestValues>,
): Promise<RequestRow | null> {
  const [row] = await db
    .update(placementRequests)
    .set(values)
    .where(and(eq(placementRequests.organisationId, organisationId), eq(placementRequests.id, id)))
    .returning();
  return row ?? null;
}

export async function findRequest(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<RequestRow | null> {
  const [row] = await db
    .select()
    .from(placementRequests)
    .where(and(eq(placementRequests.organisationId, organisationId), eq(placementRequests.id, id)));
  return row ?? null;
}

/** A request for a change of it: locked, so that a withdrawal and a concurrent change cannot both pass. */
export async function lockRequest(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<RequestRow | null> {
  const [row] = await db
    .select()
    .from(placementRequests)
    .where(and(eq(placementRequests.organisationId, organisationId), eq(placementRequests.id, id)))
    .for("update");
  return row ?? null;
}

/** A parent's own request; someone else's answers like a missing one. */
export async function findOwnRequest(
  db: Executor,
  organisationId: string,
  parentUserId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow | null> {
  const query = db
    .select()
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.organisationId, organisationId),
        eq(placementRequests.parentUserId, parentUserId),
        eq(placementRequests.id, id),
      ),
    );
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function listOwnRequests(
  db: Executor,
  organisationId: string,
  parentUserId: string,
): Promise<RequestRow[]> {
  return db
    .select()
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.organisationId, organisationId),
        eq(placementRequests.parentUserId, parentUserId),
      ),
    )
    .orderBy(asc(placementRequests.createdAt));
}

/** How long the e-mailed confirmation link works; afterwards the unconfirmed request is deleted. */
export const CONFIRMATION_DAYS = 7;

/**
 * The confirmation link of a request (ADR 0013): its use confirms the address, so `confirmed_at` is the
 * link's "used" column; an unconfirmed request is deleted when its link runs out (placement.jobs).
 */
export const confirmationLinks = guestLinks({
  table: placementRequests,
  tokenHash: placementRequests.confirmationTokenHash,
  expiresAt: placementRequests.confirmationExpiresAt,
  usedAt: placementRequests.confirmedAt,
  organisationId: placementRequests.organisationId,
  email: placementRequests.email,
  expiry: (issuedAt) => new Date(issuedAt.getTime() + CONFIRMATION_DAYS * 86_400_000),
  organisationSlug: async (db, id) => (await findOrganisationSummaries(db, [id]))[0]?.slug ?? null,
});

/** Unconfirmed requests of one address at an organisation while their links work (no mail bombing). */
export function hasRoomForRequest(db: Executor, organisationId: string, email: string, now: Date) {
  return confirmationLinks.hasRoomFor(db, eq(placementRequests.organisationId, organisationId), email, now);
}

export async function insertEvent(db: Executor, organisationId: string, values: EventValues): Promise<void> {
  await db.insert(placementRequestEvents).values({ ...values, organisationId });
}

export async function listEvents(
  db: Executor,
  organisationId: string,
  requestId: string,
): Promise<EventRow[]> {
  return db
    .select()
    .from(placementRequestEvents)
    .where(
      and(
        eq(placementRequestEvents.organisationId, organisationId),
        eq(placementRequestEvents.requestId, requestId),
      ),
    )
    .orderBy(asc(placementRequestEvents.position));
}

/** What the board computes its rows and counts from; the needs stay out, only whether there are any. */
const boardColumns = {
  id: placementRequests.id,
  status: placementRequests.status,
  childFirstName: placementRequests.childFirstName,
  childBirthDate: placementRequests.childBirthDate,
  wantedStart: placementRequests.wantedStart,
  careTimes: placementRequests.careTimes,
  postalCode: placementRequests.postalCode,
  town: placementRequests.town,
  priorityPoints: placementRequests.priorityPoints,
  createdAt: placementRequests.createdAt,
  confirmedAt: placementRequests.confirmedAt,
  hasNeeds: isNotNull(placementRequests.needsEncrypted).mapWith(Boolean),
};
export type BoardRow = {
  [K in keyof typeof boardColumns]: K extends "hasNeeds" ? boolean : RequestRow[K & keyof RequestRow];
};

/** Every request of the organisation in the given statuses (all when none are given), for the board. */
export async function listBoardRows(
  db: Executor,
  organisationId: string,
  statuses: readonly PlacementStatus[] | null,
): Promise<BoardRow[]> {
  return db
    .select(boardColumns)
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.organisationId, organisationId),
        statuses ? inArray(placementRequests.status, [...statuses]) : undefined,
      ),
    );
}

/** How many requests the organisation has in each status (statuses without any are left out). */
export async function countByStatus(
  db: Executor,
  organisationId: string,
): Promise<{ status: PlacementStatus; count: number }[]> {
  return db
    .select({ status: placementRequests.status, count: count() })
    .from(placementRequests)
    .where(eq(placementRequests.organisationId, organisationId))
    .groupBy(placementRequests.status);
}

/** Requests whose points follow the catalogue: those not yet decided. */
export async function listRequestsForPoints(
  db: Executor,
  organisationId: string,
  statuses: readonly PlacementStatus[],
): Promise<Pick<RequestRow, "id" | "facts" | "priorityPoints">[]> {
  return db
    .select({
      id: placementRequests.id,
      facts: placementRequests.facts,
      priorityPoints: placementRequests.priorityPoints,
    })
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.organisationId, organisationId),
        inArray(placementRequests.status, [...statuses]),
      ),
    )
    .for("update");
}

// PostgreSQL takes at most 65,535 parameters per statement; large offices are updated in slices.
const UPDATE_CHUNK = 1000;

/** Sets the points of many requests and the catalogue version they follow, one statement per slice. */
export async function setPriorityPoints(
  db: Executor,
  organisationId: string,
  points: readonly { id: string; points: number }[],
  criteriaVersion: number,
): Promise<void> {
  for (let i = 0; i < points.length; i += UPDATE_CHUNK) {
    const values = points.slice(i, i + UPDATE_CHUNK).map((p) => sql`(${p.id}::uuid, ${p.points}::integer)`);
    await db.execute(sql`
      update ${placementRequests} set priority_points = v.points, criteria_version = ${criteriaVersion}
      from (values ${sql.join(values, sql`, `)}) as v(id, points)
      where ${placementRequests.id} = v.id and ${placementRequests.organisationId} = ${organisationId}`);
  }
}

/**
 * Deletes unconfirmed requests whose link has run out, in every organisation, and says how many per
 * organisation. Their history goes with them (cascade); nobody ever confirmed them, so nothing is kept.
 */
export async function deleteExpiredUnconfirmed(db: Executor, now: Date): Promise<Map<string, number>> {
  const rows = await db
    .delete(placementRequests)
    .where(
      and(eq(placementRequests.status, "unconfirmed"), lte(placementRequests.confirmationExpiresAt, now)),
    )
    .returning({ organisationId: placementRequests.organisationId });
  const perOrganisation = new Map<string, number>();
  for (const row of rows)
    perOrganisation.set(row.organisationId, (perOrganisation.get(row.organisationId) ?? 0) + 1);
  return perOrganisation;
}

/** The caregivers sent to a request's family, in the family's order (unranked last), then as sent. */
export async function listSuggestions(
  db: Executor,
  organisationId: string,
  requestId: string,
): Promise<SuggestionRow[]> {
  return db
    .select()
    .from(placementSuggestions)
    .where(
      and(
        eq(placementSuggestions.organisationId, organisationId),
        eq(placementSuggestions.requestId, requestId),
      ),
    )
    .orderBy(
      sql`${placementSuggestions.parentRank} asc nulls last`,
      asc(placementSuggestions.sentAt),
      asc(placementSuggestions.caregiverId),
    );
}

/** Adds suggestions; a caregiver already sent for the request stays as she was (the family may have ranked her). */
export async function insertSuggestions(
  db: Executor,
  organisationId: string,
  rows: readonly Omit<typeof placementSuggestions.$inferInsert, "id" | "organisationId">[],
): Promise<SuggestionRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(placementSuggestions)
    .values(rows.map((row) => ({ ...row, organisationId })))
    .onConflictDoNothing()
    .returning();
}

export async function updateSuggestion(
  db: Executor,
  organisationId: string,
  requestId: string,
  caregiverId: string,
  values: Partial<Pick<SuggestionRow, "parentRank" | "visitedOn" | "visitNote">>,
): Promise<SuggestionRow | null> {
  const [row] = await db
    .update(placementSuggestions)
    .set(values)
    .where(
      and(
        eq(placementSuggestions.organisationId, organisationId),
        eq(placementSuggestions.requestId, requestId),
        eq(placementSuggestions.caregiverId, caregiverId),
      ),
    )
    .returning();
  return row ?? null;
}

/** Sets the family's ranking in one statement: listed caregivers get their position, all others none. */
export async function setParentRanks(
  db: Executor,
  organisationId: string,
  requestId: string,
  ranked: readonly string[],
): Promise<void> {
  const scope = and(
    eq(placementSuggestions.organisationId, organisationId),
    eq(placementSuggestions.requestId, requestId),
  );
  await db.update(placementSuggestions).set({ parentRank: null }).where(scope);
  for (const [index, caregiverId] of ranked.entries()) {
    await db
      .update(placementSuggestions)
      .set({ parentRank: index + 1 })
      .where(and(scope, eq(placementSuggestions.caregiverId, caregiverId)));
  }
}

export async function listOffers(
  db: Executor,
  organisationId: string,
  requestId: string,
): Promise<OfferRow[]> {
  return db
    .select()
    .from(placementOffers)
    .where(and(eq(placementOffers.organisationId, organisationId), eq(placementOffers.requestId, requestId)))
    .orderBy(asc(placementOffers.createdAt));
}

export async function insertOffer(
  db: Executor,
  organisationId: string,
  values: OfferValues,
): Promise<OfferRow> {
  const [row] = await db
    .insert(placementOffers)
    .values({ ...values, organisationId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The request's open offer, locked until the transaction ends, so that it is answered once. */
export async function lockOpenOffer(
  db: Executor,
  organisationId: string,
  requestId: string,
): Promise<OfferRow | null> {
  const [row] = await db
    .select()
    .from(placementOffers)
    .where(
      and(
        eq(placementOffers.organisationId, organisationId),
        eq(placementOffers.requestId, requestId),
        eq(placementOffers.status, "open"),
      ),
    )
    .for("update");
  return row ?? null;
}

export async function updateOffer(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<Pick<OfferRow, "status" | "decidedAt">>,
): Promise<void> {
  await db
    .update(placementOffers)
    .set(values)
    .where(and(eq(placementOffers.organisationId, organisationId), eq(placementOffers.id, id)));
}

/** Contracts of some caregivers (or of all in the organisation), whatever their dates: capacity needs them all. */
export async function listContracts(
  db: Executor,
  organisationId: string,
  caregiverIds?: readonly string[],
): Promise<ContractRow[]> {
  if (caregiverIds && caregiverIds.length === 0) return [];
  return db
    .select()
    .from(careContracts)
    .where(
      and(
        eq(careContracts.organisationId, organisationId),
        caregiverIds ? inArray(careContracts.caregiverId, [...caregiverIds]) : undefined,
      ),
    )
    .orderBy(asc(careContracts.start), asc(careContracts.childFirstName), asc(careContracts.id));
}

/**
 * The office's list of contracts: by caregiver, by request, by whether they still run on `today`, and by
 * start; sorted by start. Names are matched by the service, which reads the caregivers' names anyway.
 */
export async function findContracts(
  db: Executor,
  organisationId: string,
  filter: {
    caregiverId?: string;
    requestId?: string;
    status: ContractListStatus;
    today: string;
    startFrom?: string;
    startTo?: string;
  },
): Promise<ContractRow[]> {
  const { status, today } = filter;
  return db
    .select()
    .from(careContracts)
    .where(
      and(
        eq(careContracts.organisationId, organisationId),
        filter.caregiverId ? eq(careContracts.caregiverId, filter.caregiverId) : undefined,
        filter.requestId ? eq(careContracts.requestId, filter.requestId) : undefined,
        status === "active" ? or(isNull(careContracts.end), gte(careContracts.end, today)) : undefined,
        status === "ended" ? lt(careContracts.end, today) : undefined,
        filter.startFrom ? gte(careContracts.start, filter.startFrom) : undefined,
        filter.startTo ? lte(careContracts.start, filter.startTo) : undefined,
      ),
    )
    .orderBy(asc(careContracts.start), asc(careContracts.childFirstName), asc(careContracts.id));
}

export async function findContract(
  db: Executor,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContractRow | null> {
  const query = db
    .select()
    .from(careContracts)
    .where(and(eq(careContracts.organisationId, organisationId), eq(careContracts.id, id)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function insertContract(
  db: Executor,
  organisationId: string,
  values: ContractValues,
): Promise<ContractRow> {
  const [row] = await db
    .insert(careContracts)
    .values({ ...values, organisationId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateContract(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<ContractValues>,
): Promise<ContractRow | null> {
  const [row] = await db
    .update(careContracts)
    .set(values)
    .where(and(eq(careContracts.organisationId, organisationId), eq(careContracts.id, id)))
    .returning();
  return row ?? null;
}

/** Open offers whose time to answer has run out, in every organisation (for the hourly job). */
export async function listLapsedOffers(db: Executor, now: Date): Promise<OfferRow[]> {
  return db
    .select()
    .from(placementOffers)
    .where(and(eq(placementOffers.status, "open"), lte(placementOffers.respondBy, now)))
    .orderBy(asc(placementOffers.respondBy));
}
