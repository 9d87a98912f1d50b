import { and, asc, eq, gte, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { ContractTimes } from "../../../core/caregivers/capacity";
import { type CareTime, toTimeRange } from "../../../core/placement/requests";
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

/** A care contract with its family (the placement request it came from), as substitution needs it. */
export interface SubstitutionContract {
  id: string;
  caregiverId: string;
  childFirstName: string;
  childBirthDate: string;
  start: string;
  end: string | null;
  careTimes: CareTime[];
  /** Null for contracts the office recorded without a request: no parent address, no siblings known. */
  family: {
    requestId: string;
    parentUserId: string | null;
    parentName: string;
    email: string;
    phone: string;
    locale: "de" | "en";
    lat: number;
    lon: number;
    /** Encrypted needs, only while the parents' consent stands (see readNeeds in placement.service). */
    needsEncrypted: string | null;
  } | null;
}

/**
 * The organisation's care contracts still running on or after `from` (an end-dated contract is stored as
 * "ended" from the day the end is set, yet runs until that day), with their families; `ids` narrows them.
 */
export async function listSubstitutionContracts(
  db: Executor,
  organisationId: string,
  filter: { from?: string; ids?: readonly string[]; parentUserId?: string } = {},
): Promise<SubstitutionContract[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const rows = await db
    .select({ contract: careContracts, request: placementRequests })
    .from(careContracts)
    .leftJoin(placementRequests, eq(placementRequests.id, careContracts.requestId))
    .where(
      and(
        eq(careContracts.organisationId, organisationId),
        filter.from ? or(isNull(careContracts.end), gte(careContracts.end, filter.from)) : undefined,
        filter.ids ? inArray(careContracts.id, [...filter.ids]) : undefined,
        filter.parentUserId ? eq(placementRequests.parentUserId, filter.parentUserId) : undefined,
      ),
    )
    .orderBy(asc(careContracts.childFirstName), asc(careContracts.id));
  return rows.map(({ contract: c, request: r }) => ({
    id: c.id,
    caregiverId: c.caregiverId,
    childFirstName: c.childFirstName,
    childBirthDate: c.childBirthDate,
    start: c.start,
    end: c.end,
    careTimes: c.careTimes,
    family: r
      ? {
          requestId: r.id,
          parentUserId: r.parentUserId,
          parentName: r.parentName,
          email: r.email,
          phone: r.phone,
          locale: r.locale,
          lat: r.lat,
          lon: r.lon,
          needsEncrypted: r.needsConsentAt ? r.needsEncrypted : null,
        }
      : null,
  }));
}
