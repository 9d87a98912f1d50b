import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { activeStatuses } from "../../../contracts/placement";
import type { Executor } from "../../platform/db/client";
import { careContracts, placementRequests } from "./placement.tables";

// The reads below select only what the reports aggregate: no names, contacts or needs ever leave the database.

/** Requests still looking for a place, with what the demand and the waiting times need. */
export async function listWaitingRequests(db: Executor, organisationId: string) {
  return db
    .select({
      childBirthDate: placementRequests.childBirthDate,
      wantedStart: placementRequests.wantedStart,
      careTimes: placementRequests.careTimes,
      postalCode: placementRequests.postalCode,
      town: placementRequests.town,
      confirmedAt: placementRequests.confirmedAt,
    })
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.organisationId, organisationId),
        inArray(placementRequests.status, [...activeStatuses]),
      ),
    );
}

/**
 * Contracts made from a confirmed request, with the request's dates and area. Earliest contract first, so
 * that the first one per request can be taken: a later contract for the same child (new times, another
 * caregiver) is not a second placement.
 */
export async function listPlacedRequests(db: Executor, organisationId: string) {
  return db
    .select({
      requestId: careContracts.requestId,
      contractCreatedAt: careContracts.createdAt,
      contractStart: careContracts.start,
      confirmedAt: placementRequests.confirmedAt,
      childBirthDate: placementRequests.childBirthDate,
      wantedStart: placementRequests.wantedStart,
      postalCode: placementRequests.postalCode,
      town: placementRequests.town,
    })
    .from(careContracts)
    .innerJoin(
      placementRequests,
      and(
        eq(careContracts.requestId, placementRequests.id),
        eq(placementRequests.organisationId, organisationId),
      ),
    )
    .where(and(eq(careContracts.organisationId, organisationId), isNotNull(placementRequests.confirmedAt)))
    .orderBy(asc(careContracts.createdAt), asc(careContracts.id));
}

/** Every contract's caregiver, dates and times: capacity on a date needs the ones running then. */
export async function listContractTimes(db: Executor, organisationId: string) {
  return db
    .select({
      caregiverId: careContracts.caregiverId,
      start: careContracts.start,
      end: careContracts.end,
      careTimes: careContracts.careTimes,
    })
    .from(careContracts)
    .where(eq(careContracts.organisationId, organisationId));
}
