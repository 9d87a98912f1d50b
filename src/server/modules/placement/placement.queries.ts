import { and, eq, gte, isNotNull, isNull, or } from "drizzle-orm";
import type { ContractTimes } from "../../../core/caregivers/capacity";
import { toTimeRange } from "../../../core/placement/requests";
import type { Executor } from "../../platform/db/client";
import { listGroupMemberIds } from "../organisations/organisations.queries";
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

/** A parent with an active care contract in the organisation, and for how many children. */
export interface ParentWithContracts {
  userId: string;
  children: number;
}

/**
 * The parents whose child has an active care contract in the organisation on `day` (not ended by then,
 * including contracts that start later) and who are active members with the parent role there, with the
 * number of their children under contract. With `caregiverId`, only her contracts count. This is the one
 * meaning of "parents with a contract": the electorate of a parent-council election, the audience of votes,
 * surveys and announcements to a day-care person's parents. A child is counted once even with two day-care
 * persons (first name and date of birth under one parent).
 */
export async function listContractParents(
  db: Executor,
  organisationId: string,
  day: string,
  caregiverId?: string,
): Promise<ParentWithContracts[]> {
  const rows = await db
    .selectDistinct({
      userId: placementRequests.parentUserId,
      childFirstName: careContracts.childFirstName,
      childBirthDate: careContracts.childBirthDate,
    })
    .from(careContracts)
    .innerJoin(placementRequests, eq(placementRequests.id, careContracts.requestId))
    .where(
      and(
        eq(careContracts.organisationId, organisationId),
        caregiverId ? eq(careContracts.caregiverId, caregiverId) : undefined,
        eq(careContracts.status, "active"),
        or(isNull(careContracts.end), gte(careContracts.end, day)),
        isNotNull(placementRequests.parentUserId),
      ),
    );
  const parentMembers = new Set(await listGroupMemberIds(db, organisationId, "parents"));
  const children = new Map<string, number>();
  for (const row of rows)
    if (row.userId && parentMembers.has(row.userId))
      children.set(row.userId, (children.get(row.userId) ?? 0) + 1);
  return [...children].map(([userId, count]) => ({ userId, children: count }));
}
