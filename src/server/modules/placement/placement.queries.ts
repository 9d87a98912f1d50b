import { and, eq, gte, isNotNull, isNull, or } from "drizzle-orm";
import type { ContractTimes } from "../../../core/caregivers/capacity";
import { toTimeRange } from "../../../core/placement/requests";
import type { Executor } from "../../platform/db/client";
import { careContracts, placementRequests } from "./placement.tables";

/**
 * A caregiver's care contracts as her capacity counts them, whatever their dates: every place a contract
 * takes from its start on is no longer free in her week.
 */
export async function listContractTimesOfCaregiver(
  db: Executor,
  organisationId: string,
  caregiverId: string,
): Promise<ContractTimes[]> {
  const rows = await db
    .select({ start: careContracts.start, end: careContracts.end, careTimes: careContracts.careTimes })
    .from(careContracts)
    .where(and(eq(careContracts.organisationId, organisationId), eq(careContracts.caregiverId, caregiverId)));
  return rows.map((row) => ({
    start: row.start,
    end: row.end,
    times: row.careTimes.flatMap((time) => toTimeRange(time) ?? []),
  }));
}

/**
 * The accounts of the parents whose child has an active care contract with the caregiver (not ended by
 * `day`, including contracts that start later): "the parents of her children", for announcements. Contracts
 * the office recorded without a request name no parent account and add no one.
 */
export async function listParentIdsOfCaregiver(
  db: Executor,
  organisationId: string,
  caregiverId: string,
  day: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: placementRequests.parentUserId })
    .from(careContracts)
    .innerJoin(placementRequests, eq(placementRequests.id, careContracts.requestId))
    .where(
      and(
        eq(careContracts.organisationId, organisationId),
        eq(careContracts.caregiverId, caregiverId),
        eq(careContracts.status, "active"),
        or(isNull(careContracts.end), gte(careContracts.end, day)),
        isNotNull(placementRequests.parentUserId),
      ),
    );
  return rows.flatMap((row) => (row.userId ? [row.userId] : []));
}
